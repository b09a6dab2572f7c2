// Stand-ins for other platforms' `Request`, for tests that swap them in with `vi.stubGlobal('Request', …)`.

/** Firefox's Request cannot hold a stream: it turns a ReadableStream body into the text "[object ReadableStream]". */
export class FirefoxRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init?.body instanceof ReadableStream ? { ...init, body: '[object ReadableStream]' } : init)
  }
}

/** workerd's Request refuses `redirect: 'error'` ("use 'manual' and check the response status code"). */
export class WorkerdRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    if (init?.redirect === 'error') throw new TypeError('Invalid redirect value')
    super(input, init)
  }
}
