import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import * as t from 'io-ts'
import { request } from './request'
import type { HttpRequest, TransportConfig } from './types'
import { FirefoxRequest } from './test-support/platformRequests'
import { expectNoSecret } from './test-support/secrets'

const KEY = 'private_Un1t+Test/Key='
const B64 = btoa(`${KEY}:`)
const Ok = t.type({ ok: t.boolean })

/** A fetch stub recording what ky sends; `respond` decides the reply per call (0-based). */
const stub = (respond: (req: Request, call: number) => Response | Promise<Response>) => {
  const calls: Request[] = []
  const bodies: string[] = []
  const fetch = ((input: RequestInfo | URL) => {
    const req = input as Request
    calls.push(req)
    const out = respond(req, calls.length - 1)
    return req.text().then((text) => {
      bodies.push(text)
      return out
    })
  }) as typeof globalThis.fetch
  return { fetch, calls, bodies }
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })

const get: HttpRequest<{ ok: boolean }> = {
  method: 'GET',
  base: 'api',
  path: '/v1/files',
  auth: 'basic',
  codec: Ok,
}

const run = async <A>(cfg: TransportConfig, req: HttpRequest<A>) => {
  const result = await request(cfg, req)()
  expectNoSecret(result, KEY)
  return result
}

const validation = (path: string, message: string) => ({
  _tag: 'Left',
  left: { _tag: 'ValidationError', path, message },
})

describe('request', () => {
  describe('URL', () => {
    it.each([
      [{}, 'api', '/v1/files', undefined, 'https://api.imagekit.io/v1/files'],
      [{}, 'upload', '/api/v1/files/upload', undefined, 'https://upload.imagekit.io/api/v1/files/upload'],
      [{ apiBaseUrl: 'https://example.com/' }, 'api', '/v1/files', undefined, 'https://example.com/v1/files'],
      [
        { apiBaseUrl: 'https://example.com/prefix//' },
        'api',
        '/v1/x',
        undefined,
        'https://example.com/prefix/v1/x',
      ],
      [
        { apiBaseUrl: 'HTTPS://API.Example.COM:443' },
        'api',
        '/v1/x',
        undefined,
        'https://api.example.com/v1/x',
      ],
      [{ uploadBaseUrl: 'http://127.0.0.1:8080' }, 'upload', '/u', undefined, 'http://127.0.0.1:8080/u'],
      [
        {},
        'api',
        '/v1/files',
        { skip: 0, limit: 10, q: undefined },
        'https://api.imagekit.io/v1/files?skip=0&limit=10',
      ],
      [
        {},
        'api',
        '/v1/files',
        { searchQuery: 'name = "a&b"', x: true },
        'https://api.imagekit.io/v1/files?searchQuery=name+%3D+%22a%26b%22&x=true',
      ],
      [{}, 'api', '/v1/files/a b/ü', undefined, 'https://api.imagekit.io/v1/files/a%20b/%C3%BC'],
    ] as const)('builds %j + %s %s %j as %s', async (cfg, base, path, searchParams, expected) => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      const result = await run(
        { privateKey: KEY, fetch, ...cfg },
        { ...get, base, path, ...(searchParams === undefined ? {} : { searchParams }) },
      )
      expect(result).toStrictEqual({ _tag: 'Right', right: { ok: true } })
      expect(calls.map((c) => c.url)).toStrictEqual([expected])
    })
  })

  describe('headers', () => {
    it('sends Basic base64(privateKey + ":") and accept: application/json', async () => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      await run({ privateKey: KEY, fetch }, get)
      expect(calls[0]?.headers.get('authorization')).toBe(`Basic ${B64}`)
      expect(calls[0]?.headers.get('accept')).toBe('application/json')
    })

    it('encodes a non-ASCII private key as UTF-8 before base64', async () => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      await request({ privateKey: 'clé', fetch }, get)()
      expect(calls[0]?.headers.get('authorization')).toBe('Basic Y2zDqTo=')
    })

    it('calls the injected fetch without a receiver, as a bare window.fetch needs', async () => {
      const receivers: unknown[] = []
      const fetch = function (this: unknown) {
        receivers.push(this)
        return Promise.resolve(json({ ok: true }))
      } as unknown as typeof globalThis.fetch
      expect(await run({ privateKey: KEY, fetch }, get)).toStrictEqual({ _tag: 'Right', right: { ok: true } })
      expect(receivers).toStrictEqual([undefined])
    })

    it('sends no Authorization header and needs no key with auth: none', async () => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      const result = await run({ fetch, apiBaseUrl: 'http://example.com' }, { ...get, auth: 'none' })
      expect(result).toStrictEqual({ _tag: 'Right', right: { ok: true } })
      expect(calls[0]?.headers.has('authorization')).toBe(false)
    })

    it('sends json as a JSON body with its content type', async () => {
      const { fetch, calls, bodies } = stub(() => json({ ok: true }))
      await run({ privateKey: KEY, fetch }, { ...get, method: 'PATCH', json: { tags: ['a'] } })
      expect(calls[0]?.method).toBe('PATCH')
      expect(calls[0]?.headers.get('content-type')).toBe('application/json')
      expect(bodies).toStrictEqual(['{"tags":["a"]}'])
    })

    it('passes a FormData body through with its multipart boundary', async () => {
      const { fetch, calls, bodies } = stub(() => json({ ok: true }))
      const form = new FormData()
      form.set('fileName', 'a.jpg')
      await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', base: 'upload', path: '/api/v1/files/upload', body: form },
      )
      expect(calls[0]?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/)
      expect(bodies[0]).toContain('name="fileName"\r\n\r\na.jpg')
    })
  })

  describe('body', () => {
    it('sends extra headers, letting them replace accept and content-type', async () => {
      const { fetch, calls, bodies } = stub(() => json({ ok: true }))
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          c.enqueue(new TextEncoder().encode('--b\r\n'))
          c.close()
        },
      })
      await run(
        { privateKey: KEY, fetch },
        {
          ...get,
          method: 'POST',
          body,
          headers: { 'Content-Type': 'multipart/form-data; boundary=b', accept: '*/*', 'x-extra': '1' },
        },
      )
      expect(calls[0]?.headers.get('content-type')).toBe('multipart/form-data; boundary=b')
      expect(calls[0]?.headers.get('accept')).toBe('*/*')
      expect(calls[0]?.headers.get('x-extra')).toBe('1')
      expect(bodies).toStrictEqual(['--b\r\n'])
    })

    it('sends the same Blob body again on a retry', async () => {
      const { fetch, bodies } = stub((_r, n) => (n === 0 ? json({}, { status: 503 }) : json({ ok: true })))
      const result = await run(
        { privateKey: KEY, fetch, retry: { limit: 1, maxDelay: 0 } },
        { ...get, method: 'PUT', body: new Blob(['abc'], { type: 'text/plain' }) },
      )
      expect(result).toStrictEqual({ _tag: 'Right', right: { ok: true } })
      expect(bodies).toStrictEqual(['abc', 'abc'])
    })

    it('reports progress as fetch reads the body', async () => {
      const { fetch } = stub(() => json({ ok: true }))
      const seen: unknown[] = []
      await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', body: new Uint8Array(10), onUploadProgress: (p) => seen.push(p) },
      )
      expect(seen).toStrictEqual([{ loaded: 10, total: 10 }])
    })

    it('reports progress without a total for a stream', async () => {
      const { fetch } = stub(() => json({ ok: true }))
      const seen: unknown[] = []
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          c.enqueue(new Uint8Array(3))
          c.enqueue(new Uint8Array(4))
          c.close()
        },
      })
      await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', body, onUploadProgress: (p) => seen.push(p) },
      )
      expect(seen).toStrictEqual([{ loaded: 3 }, { loaded: 7 }])
    })

    // Chromium sends a streamed body over HTTP/2 and HTTP/3 only (over HTTP/1.1 fetch rejects with
    // "TypeError: Failed to fetch" before reading a byte); Safari refuses streamed bodies outright.
    it('resends the body unstreamed when the platform refuses the progress stream before reading it', async () => {
      const calls: Request[] = []
      const bodies: string[] = []
      const fetch = (async (input: RequestInfo | URL) => {
        const req = input as Request
        calls.push(req)
        // The progress stream is the only body here that is not a Blob: refuse it unread.
        if (calls.length === 1) throw new TypeError('Failed to fetch')
        bodies.push(await req.text())
        return json({ ok: true })
      }) as typeof globalThis.fetch
      const seen: unknown[] = []
      const result = await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', body: new Blob(['abcdef']), onUploadProgress: (p) => seen.push(p) },
      )
      expect(result).toStrictEqual({ _tag: 'Right', right: { ok: true } })
      expect(calls.length).toBe(2)
      expect(bodies).toStrictEqual(['abcdef'])
      expect(seen).toStrictEqual([{ loaded: 6, total: 6 }])
    })

    it('does not resend once the platform has started reading the progress stream', async () => {
      let calls = 0
      const fetch = (async (input: RequestInfo | URL) => {
        calls++
        await (input as Request).body?.getReader().read()
        throw new TypeError('connection reset')
      }) as typeof globalThis.fetch
      const seen: unknown[] = []
      const result = await run(
        { privateKey: KEY, fetch, retry: { limit: 0 } },
        { ...get, method: 'POST', body: new Uint8Array(4), onUploadProgress: (p) => seen.push(p) },
      )
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Transport' } })
      expect(calls).toBe(1)
      expect(seen).toStrictEqual([{ loaded: 4, total: 4 }])
    })

    it('accepts a signal by its shape (Vercel Edge tags its signals [object EventTarget])', async () => {
      const { fetch } = stub(() => json({ ok: true }))
      const signal = new EventTarget() as EventTarget & { aborted: boolean }
      signal.aborted = false
      expect(Object.prototype.toString.call(signal)).toBe('[object EventTarget]')
      const result = await run({ privateKey: KEY, fetch }, { ...get, signal: signal as AbortSignal })
      expect(result).toStrictEqual({ _tag: 'Right', right: { ok: true } })
    })

    const streamOf = (...chunks: string[]) =>
      new ReadableStream<Uint8Array>({
        start: (c) => {
          for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk))
          c.close()
        },
      })

    it('reads a ReadableStream body into a Blob where Request cannot keep a stream (Firefox)', async () => {
      vi.stubGlobal('Request', FirefoxRequest)
      try {
        const { fetch, bodies } = stub(() => json({ ok: true }))
        const result = await run(
          { privateKey: KEY, fetch },
          { ...get, method: 'POST', body: streamOf('--b\r\n', 'payload'), onUploadProgress: () => undefined },
        )
        expect(result).toStrictEqual({ _tag: 'Right', right: { ok: true } })
        expect(bodies).toStrictEqual(['--b\r\npayload'])
      } finally {
        vi.unstubAllGlobals()
      }
    })

    it('sends a ReadableStream body again, buffered, when the platform refuses streams with NotSupportedError (Safari)', async () => {
      const bodies: string[] = []
      let calls = 0
      const fetch = (async (input: RequestInfo | URL) => {
        calls++
        if (calls === 1)
          throw new DOMException('ReadableStream uploading is not supported', 'NotSupportedError')
        bodies.push(await (input as Request).text())
        return json({ ok: true })
      }) as typeof globalThis.fetch
      const seen: unknown[] = []
      const result = await run(
        { privateKey: KEY, fetch },
        { ...get, method: 'POST', body: streamOf('ab', 'cde'), onUploadProgress: (p) => seen.push(p) },
      )
      expect(result).toStrictEqual({ _tag: 'Right', right: { ok: true } })
      expect([calls, bodies]).toStrictEqual([2, ['abcde']])
      expect(seen).toStrictEqual([{ loaded: 5 }])
    })

    it('does not resend a ReadableStream body after a TypeError (any network failure looks so; a stream may be too large to hold)', async () => {
      let calls = 0
      const fetch = (() => {
        calls++
        return Promise.reject(new TypeError('Failed to fetch'))
      }) as typeof globalThis.fetch
      const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array(2)) })
      const result = await run(
        { privateKey: KEY, fetch, retry: { limit: 0 } },
        { ...get, method: 'POST', body, onUploadProgress: () => undefined },
      )
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Transport' } })
      expect(calls).toBe(1)
    })
  })

  describe('private key transport', () => {
    it.each([
      'https://example.com',
      'http://127.0.0.1:9',
      'http://127.45.6.7',
      'http://localhost:3000',
      'http://[::1]:8080',
    ])('sends the key to %s', async (apiBaseUrl) => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      expect(await run({ privateKey: KEY, apiBaseUrl, fetch }, get)).toStrictEqual({
        _tag: 'Right',
        right: { ok: true },
      })
      expect(calls).toHaveLength(1)
    })

    it.each([
      'http://example.com',
      'http://10.0.0.1',
      'http://localhost.example.com',
      'http://127.0.0.1.nip.io',
      'http://[::2]',
      'http://0.0.0.0',
    ])('refuses to send the key over plain http to %s', async (base) => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      expect(
        await run({ privateKey: KEY, uploadBaseUrl: base, fetch }, { ...get, base: 'upload' }),
      ).toStrictEqual(
        validation(
          'config.uploadBaseUrl',
          'must use https: the private key is sent over http only to a loopback host',
        ),
      )
      expect(calls).toHaveLength(0)
    })
  })

  describe('validation', () => {
    const cases: readonly (readonly [string, unknown, unknown, string, string])[] = [
      ['a null config', null, get, 'config', 'must be an object'],
      ['a string request', {}, 'GET /', 'request', 'must be an object'],
      [
        'a missing privateKey',
        {},
        get,
        'config.privateKey',
        'is required for this request (server-side only)',
      ],
      [
        'an empty privateKey',
        { privateKey: '' },
        get,
        'config.privateKey',
        'is required for this request (server-side only)',
      ],
      [
        'a numeric privateKey',
        { privateKey: 42 },
        get,
        'config.privateKey',
        'is required for this request (server-side only)',
      ],
      [
        'a relative base URL',
        { privateKey: KEY, apiBaseUrl: '/api' },
        get,
        'config.apiBaseUrl',
        'must be an absolute http or https URL',
      ],
      [
        'an ftp base URL',
        { privateKey: KEY, apiBaseUrl: 'ftp://x.com' },
        get,
        'config.apiBaseUrl',
        'must be an absolute http or https URL',
      ],
      [
        'a base URL that is not a string',
        { privateKey: KEY, apiBaseUrl: 1 },
        get,
        'config.apiBaseUrl',
        'must be a string',
      ],
      [
        'a base URL with credentials',
        { privateKey: KEY, apiBaseUrl: 'https://u:p@x.com' },
        get,
        'config.apiBaseUrl',
        'must not contain credentials',
      ],
      [
        'a base URL with a query',
        { privateKey: KEY, apiBaseUrl: 'https://x.com/?a=1' },
        get,
        'config.apiBaseUrl',
        'must not contain a query or a fragment',
      ],
      [
        'a zero timeout',
        { privateKey: KEY, timeout: 0 },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a fractional timeout',
        { privateKey: KEY, timeout: 1.5 },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a huge timeout',
        { privateKey: KEY, timeout: 2 ** 31 },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a string timeout',
        { privateKey: KEY, timeout: '5' },
        get,
        'config.timeout',
        'must be an integer number of milliseconds from 1 to 2147483647',
      ],
      [
        'a negative retry',
        { privateKey: KEY, retry: -1 },
        get,
        'config.retry',
        'must be an integer from 0 to 10',
      ],
      [
        'a retry of 11',
        { privateKey: KEY, retry: 11 },
        get,
        'config.retry',
        'must be an integer from 0 to 10',
      ],
      [
        'a null retry',
        { privateKey: KEY, retry: null },
        get,
        'config.retry',
        'must be a number or { limit, maxDelay }',
      ],
      [
        'a bad retry.limit',
        { privateKey: KEY, retry: { limit: 1.5 } },
        get,
        'config.retry.limit',
        'must be an integer from 0 to 10',
      ],
      [
        'a bad retry.maxDelay',
        { privateKey: KEY, retry: { maxDelay: -1 } },
        get,
        'config.retry.maxDelay',
        'must be an integer from 0 to 2147483647',
      ],
      [
        'a fetch that is not a function',
        { privateKey: KEY, fetch: {} },
        get,
        'config.fetch',
        'must be a fetch function',
      ],
      ['a now that is not a function', { privateKey: KEY, now: 5 }, get, 'config.now', 'must be a function'],
      [
        'a lowercase method',
        { privateKey: KEY },
        { ...get, method: 'get' },
        'request.method',
        'must be one of GET, HEAD, POST, PUT, PATCH, DELETE',
      ],
      [
        'an unknown base',
        { privateKey: KEY },
        { ...get, base: 'cdn' },
        'request.base',
        "must be 'api' or 'upload'",
      ],
      [
        'an unknown auth',
        { privateKey: KEY },
        { ...get, auth: 'bearer' },
        'request.auth',
        "must be 'basic' or 'none'",
      ],
      [
        'a relative path',
        { privateKey: KEY },
        { ...get, path: 'v1/files' },
        'request.path',
        "must be a string starting with '/'",
      ],
      [
        'a path with a query',
        { privateKey: KEY },
        { ...get, path: '/v1/files?x=1' },
        'request.path',
        'must not contain ? or # (use searchParams)',
      ],
      [
        'a missing codec',
        { privateKey: KEY },
        { ...get, codec: undefined },
        'request.codec',
        'must be an io-ts decoder',
      ],
      [
        'a non-boolean idempotent',
        { privateKey: KEY },
        { ...get, idempotent: 'yes' },
        'request.idempotent',
        'must be a boolean',
      ],
      [
        'a look-alike signal',
        { privateKey: KEY },
        { ...get, signal: { aborted: false, addEventListener: () => undefined } },
        'request.signal',
        'must be an AbortSignal',
      ],
      [
        'a signal that is not one',
        { privateKey: KEY },
        { ...get, signal: {} },
        'request.signal',
        'must be an AbortSignal',
      ],
      [
        'a progress callback that is not a function',
        { privateKey: KEY },
        { ...get, onUploadProgress: 1 },
        'request.onUploadProgress',
        'must be a function',
      ],
      [
        'searchParams as an array',
        { privateKey: KEY },
        { ...get, searchParams: [] },
        'request.searchParams',
        'must be an object',
      ],
      [
        'a searchParams object value',
        { privateKey: KEY },
        { ...get, searchParams: { q: {} } },
        'request.searchParams.q',
        'must be a string, a finite number or a boolean',
      ],
      [
        'a NaN searchParam',
        { privateKey: KEY },
        { ...get, searchParams: { q: NaN } },
        'request.searchParams.q',
        'must be a string, a finite number or a boolean',
      ],
      [
        'headers as an array',
        { privateKey: KEY },
        { ...get, headers: [] },
        'request.headers',
        'must be an object',
      ],
      [
        'a numeric header',
        { privateKey: KEY },
        { ...get, headers: { 'x-a': 1 } },
        'request.headers.x-a',
        'must be a string',
      ],
      [
        'an Authorization header',
        { privateKey: KEY },
        { ...get, headers: { Authorization: 'Basic x' } },
        'request.headers.Authorization',
        'is set by auth, not by headers',
      ],
      [
        'an invalid header name',
        { privateKey: KEY },
        { ...get, headers: { 'a b': 'x' } },
        'request.headers.a b',
        'is not a valid header name and value',
      ],
      [
        'a header value with a newline',
        { privateKey: KEY },
        { ...get, headers: { 'x-a': 'a\nb' } },
        'request.headers.x-a',
        'is not a valid header name and value',
      ],
      [
        'both json and body',
        { privateKey: KEY },
        { ...get, method: 'POST', json: {}, body: 'x' },
        'request.body',
        'set either json or body, not both',
      ],
      [
        'a GET with a body',
        { privateKey: KEY },
        { ...get, body: 'x' },
        'request.body',
        'a GET request has no body',
      ],
      [
        'a HEAD with json',
        { privateKey: KEY },
        { ...get, method: 'HEAD', json: {} },
        'request.json',
        'a HEAD request has no body',
      ],
      [
        'json with a bigint',
        { privateKey: KEY },
        { ...get, method: 'POST', json: { n: 1n } },
        'request.json',
        'must be serialisable as JSON',
      ],
      [
        'json that is a function',
        { privateKey: KEY },
        { ...get, method: 'POST', json: () => 1 },
        'request.json',
        'must be serialisable as JSON',
      ],
      [
        'a numeric body',
        { privateKey: KEY },
        { ...get, method: 'POST', body: 42 },
        'request.body',
        'must be a string, Blob, FormData, bytes or a ReadableStream',
      ],
      [
        'a config getter that throws',
        {
          privateKey: KEY,
          get timeout() {
            throw new Error('boom')
          },
        },
        get,
        'config.timeout',
        'could not be read',
      ],
      [
        'a request getter that throws',
        { privateKey: KEY },
        {
          ...get,
          get path() {
            throw new Error(KEY)
          },
        },
        'request.path',
        'could not be read',
      ],
      [
        'a revoked proxy as config',
        (() => {
          const p = Proxy.revocable({}, {})
          p.revoke()
          return p.proxy
        })(),
        get,
        'config.privateKey',
        'could not be read',
      ],
    ]
    it.each(cases)('rejects %s before sending anything', async (_name, cfg, req, path, message) => {
      const { fetch, calls } = stub(() => json({ ok: true }))
      let config = cfg
      try {
        if (typeof cfg === 'object' && cfg !== null && !('fetch' in cfg))
          config = Object.defineProperty(cfg, 'fetch', { value: fetch, enumerable: true })
      } catch {
        // a revoked proxy stays as it is
      }
      expect(await run(config as TransportConfig, req as HttpRequest<unknown>)).toStrictEqual(
        validation(path, message),
      )
      expect(calls).toHaveLength(0)
    })
  })

  describe('decoding', () => {
    it('decodes a 2xx body with the codec', async () => {
      const { fetch } = stub(() => json({ ok: true, extra: 1 }))
      expect(await run({ privateKey: KEY, fetch }, get)).toStrictEqual({
        _tag: 'Right',
        right: { ok: true, extra: 1 },
      })
    })

    it.each([
      ['a 204', () => new Response(null, { status: 204 })],
      ['an empty 200', () => new Response('', { status: 200 })],
      ['a whitespace 201', () => new Response(' \n', { status: 201 })],
    ])('decodes %s as {}', async (_name, reply) => {
      const { fetch } = stub(reply)
      expect(await run({ privateKey: KEY, fetch }, { ...get, codec: t.type({}) })).toStrictEqual({
        _tag: 'Right',
        right: {},
      })
    })

    it('returns a DecodeError listing every failing path', async () => {
      const Codec = t.type({ files: t.array(t.type({ name: t.string })), total: t.number })
      const body = { files: [{ name: 'a' }, { name: 7 }], total: '2' }
      const { fetch } = stub(() => json(body))
      const expected = Codec.decode(body)
      expect(expected._tag).toBe('Left')
      expect(await run({ privateKey: KEY, fetch }, { ...get, codec: Codec })).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          errors: expected._tag === 'Left' ? expected.left : [],
          message:
            'the response to GET https://api.imagekit.io/v1/files does not match { files: Array<{ name: string }>, total: number }: ' +
            'files[1].name: expected string, got 7; total: expected number, got "2"',
        },
      })
    })

    it('returns a DecodeError for a body that is not JSON', async () => {
      const { fetch } = stub(() => new Response('<html>ok</html>', { status: 200 }))
      const result = await run({ privateKey: KEY, fetch }, get)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          errors: [
            {
              value: '<html>ok</html>',
              context: [{ key: '', type: Ok, actual: '<html>ok</html>' }],
              message: expect.stringMatching(/^not valid JSON \(/),
            },
          ],
          message: expect.stringMatching(
            /^the response to GET https:\/\/api\.imagekit\.io\/v1\/files is not valid JSON: /,
          ),
        },
      })
    })

    it('returns a DecodeError when the codec itself throws', async () => {
      const { fetch } = stub(() => json({}))
      const Throwing = new t.Type<never>(
        'Throwing',
        (u): u is never => u !== u,
        () => {
          throw new Error('bad codec')
        },
        (a) => a,
      )
      const result = await run({ privateKey: KEY, fetch }, { ...get, codec: Throwing })
      expect(result).toMatchObject({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          message: 'the codec for GET https://api.imagekit.io/v1/files threw: bad codec',
        },
      })
    })
  })

  it('returns a DecodeError when the codec returns something other than an Either', async () => {
    const { fetch } = stub(() => json({}))
    const Odd = { name: 'Odd', decode: () => 42 } as unknown as t.Decoder<unknown, never>
    expect(await run({ privateKey: KEY, fetch }, { ...get, codec: Odd })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'DecodeError',
        errors: [
          {
            value: {},
            context: [{ key: '', type: Odd, actual: {} }],
            message: 'the codec returned no Either',
          },
        ],
        message: 'the codec for GET https://api.imagekit.io/v1/files returned no Either',
      },
    })
  })

  it('returns a DecodeError when the codec returns null', async () => {
    const { fetch } = stub(() => json({}))
    const Null = { name: 'Null', decode: () => null } as unknown as t.Decoder<unknown, never>
    expect(await run({ privateKey: KEY, fetch }, { ...get, codec: Null })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'DecodeError',
        errors: [
          {
            value: {},
            context: [{ key: '', type: Null, actual: {} }],
            message: 'the codec returned no Either',
          },
        ],
        message: 'the codec for GET https://api.imagekit.io/v1/files returned no Either',
      },
    })
  })

  describe('failures from fetch', () => {
    it.each([
      [
        'throws synchronously',
        () => {
          throw new TypeError('fetch failed')
        },
      ],
      ['rejects', () => Promise.reject(new TypeError('fetch failed'))],
      ['resolves to null', () => Promise.resolve(null as unknown as Response)],
      ['resolves to a number', () => Promise.resolve(42 as unknown as Response)],
      ['resolves to an object without status', () => Promise.resolve({} as Response)],
      ['rejects with a string', () => Promise.reject('nope')],
    ])('maps a fetch that %s to a Transport error', async (_name, reply) => {
      const { fetch } = stub(reply)
      const result = await run({ privateKey: KEY, fetch, retry: 0 }, get)
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Transport' } })
    })

    it('times out a fetch that never settles and keeps the ky Request out of the cause', async () => {
      const { fetch } = stub(() => new Promise<Response>(() => undefined))
      const result = await run({ privateKey: KEY, fetch, timeout: 20, retry: 0 }, get)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'NetworkError',
          reason: 'Timeout',
          message: 'GET https://api.imagekit.io/v1/files timed out after 20 ms',
          cause: expect.anything(),
        },
      })
      const cause =
        result._tag === 'Left' && result.left._tag === 'NetworkError' ? result.left.cause : undefined
      expect(Object.prototype.hasOwnProperty.call(cause, 'request')).toBe(false)
    })

    it('times out a body that never ends even when the stream ignores the abort', async () => {
      const { fetch } = stub(
        () => new Response(new ReadableStream({ pull: () => new Promise(() => undefined) })),
      )
      const result = await run({ privateKey: KEY, fetch, timeout: 20, retry: 0 }, get)
      expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Timeout' } })
    })

    it('withholds a cause that mentions the key and redacts it from the message', async () => {
      const { fetch } = stub(() => Promise.reject(new Error(`bad header Basic ${B64} for ${KEY}`)))
      const result = await run({ privateKey: KEY, fetch, retry: 0 }, get)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'NetworkError',
          reason: 'Transport',
          message: 'GET https://api.imagekit.io/v1/files failed: bad header Basic [redacted] for [redacted]',
          cause: { name: 'Error', message: 'the original error mentioned the credentials and was withheld' },
        },
      })
    })

    it('redacts a key that an error body echoes', async () => {
      const { fetch } = stub(() => json({ message: `bad key ${KEY}`, help: `sent ${B64}` }, { status: 400 }))
      expect(await run({ privateKey: KEY, fetch }, get)).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'HttpError',
          status: 400,
          message: 'bad key [redacted]',
          help: 'sent [redacted]',
          body: { message: 'bad key [redacted]', help: 'sent [redacted]' },
          url: 'https://api.imagekit.io/v1/files',
        },
      })
    })
  })

  describe('retries', () => {
    const busy = () => json({ message: 'busy' }, { status: 503 })
    it.each([
      ['GET', undefined, 3],
      ['PUT', undefined, 3],
      ['DELETE', undefined, 3],
      ['HEAD', undefined, 3],
      ['POST', undefined, 1],
      ['PATCH', undefined, 1],
      ['POST', true, 3],
      ['PATCH', true, 3],
      ['GET', false, 1],
    ] as const)(
      'sends a %s (idempotent: %s) %i times when every reply is 503',
      async (method, idempotent, attempts) => {
        const { fetch, calls } = stub(busy)
        await run(
          { privateKey: KEY, fetch, retry: { limit: 2, maxDelay: 0 } },
          { ...get, method, ...(idempotent === undefined ? {} : { idempotent }) },
        )
        expect(calls).toHaveLength(attempts)
      },
    )

    it('sends a ReadableStream body once even when the request is marked idempotent', async () => {
      const { fetch, calls } = stub(busy)
      const body = new ReadableStream({
        start: (c) => {
          c.enqueue(new Uint8Array([1]))
          c.close()
        },
      })
      await run(
        { privateKey: KEY, fetch, retry: { limit: 2, maxDelay: 0 } },
        { ...get, method: 'PUT', body, idempotent: true },
      )
      expect(calls).toHaveLength(1)
    })

    it.each([400, 401, 403, 404, 409, 413, 422])('does not retry a %i', async (status) => {
      const { fetch, calls } = stub(() => json({ message: 'no' }, { status }))
      await run({ privateKey: KEY, fetch, retry: { limit: 2, maxDelay: 0 } }, get)
      expect(calls).toHaveLength(1)
    })

    it.each([408, 429, 500, 504, 599])('retries a %i', async (status) => {
      const { fetch, calls } = stub((_r, n) => (n === 0 ? json({}, { status }) : json({ ok: true })))
      expect(await run({ privateKey: KEY, fetch, retry: { limit: 1, maxDelay: 0 } }, get)).toStrictEqual({
        _tag: 'Right',
        right: { ok: true },
      })
      expect(calls).toHaveLength(2)
    })

    it('falls back to backoff when the injected clock throws', async () => {
      const { fetch, calls } = stub((_r, n) =>
        n === 0
          ? json({}, { status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } })
          : json({ ok: true }),
      )
      const now = () => {
        throw new Error('no clock')
      }
      expect(await run({ privateKey: KEY, fetch, now, retry: { limit: 1, maxDelay: 0 } }, get)).toStrictEqual(
        {
          _tag: 'Right',
          right: { ok: true },
        },
      )
      expect(calls).toHaveLength(2)
    })

    it('uses the injected clock for an HTTP-date Retry-After', async () => {
      const { fetch, calls } = stub((_r, n) =>
        n === 0
          ? json({}, { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' } })
          : json({ ok: true }),
      )
      const now = () => Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
      expect(
        await run({ privateKey: KEY, fetch, now, retry: { limit: 1, maxDelay: 60_000 } }, get),
      ).toStrictEqual({ _tag: 'Right', right: { ok: true } })
      expect(calls).toHaveLength(2)
    })
  })

  describe('properties', () => {
    const reply = fc.oneof(
      fc.record({ kind: fc.constant('throw' as const), value: fc.anything() }),
      fc.record({ kind: fc.constant('reject' as const), value: fc.anything() }),
      fc.record({ kind: fc.constant('value' as const), value: fc.anything() }),
      fc.record({ kind: fc.constant('hang' as const) }),
      fc.record({ kind: fc.constant('hangingBody' as const), status: fc.integer({ min: 200, max: 599 }) }),
      fc.record({
        kind: fc.constant('response' as const),
        status: fc.integer({ min: 0, max: 700 }),
        body: fc.oneof(fc.string(), fc.json(), fc.constant(null)),
        headers: fc.dictionary(
          fc.constantFrom(
            'retry-after',
            'retry-after-ms',
            'x-request-id',
            'x-ratelimit-limit',
            'content-type',
          ),
          fc.string(),
        ),
      }),
    )
    type Reply = typeof reply extends fc.Arbitrary<infer T> ? T : never
    // Replies are used in order, round and round, so that a failing case replays exactly.
    const fetchFrom = (replies: readonly Reply[]) => {
      let n = 0
      return (() => {
        const r = replies[n++ % replies.length] ?? { kind: 'reject', value: 'none' }
        if (r.kind === 'throw') throw r.value
        if (r.kind === 'reject') return Promise.reject(r.value)
        if (r.kind === 'value') return Promise.resolve(r.value)
        if (r.kind === 'hang') return new Promise<Response>(() => undefined)
        if (r.kind === 'hangingBody') {
          const body = new ReadableStream({ pull: () => new Promise<void>(() => undefined) })
          return Promise.resolve(new Response(body, { status: r.status }))
        }
        return Promise.resolve(new Response(r.body, { status: r.status, headers: r.headers }))
      }) as typeof fetch
    }

    const settles = async (cfg: unknown, req: unknown) => {
      let task: (() => Promise<unknown>) | undefined
      expect(() => {
        task = request(cfg as TransportConfig, req as HttpRequest<unknown>)
      }).not.toThrow()
      let promise: Promise<unknown> | undefined
      expect(() => {
        promise = task?.()
      }).not.toThrow()
      const result = (await promise) as { _tag?: unknown }
      expect(['Left', 'Right']).toContain(result._tag)
      expectNoSecret(result, KEY)
    }

    it('never throws and never rejects for arbitrary config and request values', async () => {
      await fc.assert(fc.asyncProperty(fc.anything(), fc.anything(), settles), { numRuns: 300 })
    })

    it('never throws, rejects or leaks the key for arbitrary replies and request shapes', async () => {
      const req = fc.record(
        {
          method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'get', 42),
          base: fc.constantFrom('api', 'upload', 'x'),
          path: fc.oneof(fc.constant('/v1/files'), fc.string()),
          auth: fc.constantFrom('basic', 'none'),
          codec: fc.constantFrom(Ok, t.unknown, t.type({}), undefined),
          json: fc.anything(),
          searchParams: fc.dictionary(
            fc.string(),
            fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(undefined)),
          ),
          idempotent: fc.boolean(),
        },
        { requiredKeys: ['method', 'base', 'path', 'auth', 'codec'] },
      )
      await fc.assert(
        fc.asyncProperty(
          fc.array(reply, { minLength: 1, maxLength: 4 }),
          req,
          fc.integer({ min: 0, max: 3 }),
          async (replies, r, limit) => {
            await settles(
              { privateKey: KEY, fetch: fetchFrom(replies), timeout: 10, retry: { limit, maxDelay: 0 } },
              r,
            )
          },
        ),
        { numRuns: 300 },
      )
    })
  })
})
