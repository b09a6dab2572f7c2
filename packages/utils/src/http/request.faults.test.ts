import { afterEach, describe, expect, it, vi } from 'vitest'
import * as t from 'io-ts'
import { request } from './request'
import type { HttpRequest, TransportConfig } from './types'
import {
  closedPort,
  startLoopbackServer,
  type LoopbackServer,
  type Script,
} from './test-support/loopbackServer'
import { WorkerdRequest } from './test-support/platformRequests'
import { expectNoSecret } from './test-support/secrets'
import { served } from './test-support/stub'

const KEY = 'private_lOopBack+Key/42='
const Ok = t.type({ ok: t.boolean })

let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const serve = async (script: Script): Promise<LoopbackServer> => {
  server = await startLoopbackServer(script)
  return server
}

const config = (url: string, extra: Partial<TransportConfig> = {}): TransportConfig => ({
  privateKey: KEY,
  apiBaseUrl: url,
  uploadBaseUrl: url,
  // An outer bound: a reply that comes must never time out, however busy the machine (the tests about
  // timeouts set their own, and there the reply never comes).
  timeout: 60_000,
  retry: { limit: 2, maxDelay: 20 },
  ...extra,
})

const get: HttpRequest<{ ok: boolean }> = {
  method: 'GET',
  base: 'api',
  path: '/v1/files',
  auth: 'basic',
  codec: Ok,
}
const post: HttpRequest<{ ok: boolean }> = {
  ...get,
  method: 'POST',
  base: 'upload',
  path: '/api/v1/files/upload',
  json: { a: 1 },
}

/** Runs the request, checks that no secret leaked, and returns the result. */
const run = async <A>(cfg: TransportConfig, req: HttpRequest<A>) => {
  const result = await request(cfg, req)()
  expectNoSecret(result, KEY)
  return result
}

const leftOf = (r: { _tag: string; left?: unknown }) => {
  expect(r._tag).toBe('Left')
  return r.left as Record<string, unknown>
}

const networkLeft = (reason: string, message: string) => ({
  _tag: 'Left',
  left: { _tag: 'NetworkError', reason, message, cause: expect.anything() },
})

const invalidKey = {
  message: 'Your request contains invalid API key.',
  help: 'For support kindly contact us at support@imagekit.io .',
}

describe('request (loopback faults)', () => {
  it('retries 500, 502 and 503 and returns the success that follows', async () => {
    const s = await serve([
      { status: 500, json: {} },
      { status: 502, body: 'bad' },
      { status: 503, json: {} },
      { json: { ok: true } },
    ])
    const result = await run(config(s.url, { retry: { limit: 3, maxDelay: 5 } }), get)
    expect(result).toStrictEqual(served({ ok: true }))
    expect(s.requests.map((r) => r.method)).toStrictEqual(['GET', 'GET', 'GET', 'GET'])
  })

  it('gives the last HttpError once the retries are used up', async () => {
    const s = await serve([
      { status: 503, json: { message: 'one' } },
      { status: 503, json: { message: 'two' } },
      { status: 503, json: { message: 'three' } },
    ])
    const result = await run(config(s.url), get)
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 503,
        message: 'three',
        body: { message: 'three' },
        url: `${s.url}/v1/files`,
      },
    })
    expect(s.requests).toHaveLength(3)
  })

  it('does not retry a POST that gets a 503', async () => {
    const s = await serve([{ status: 503, json: { message: 'busy' } }, { json: { ok: true } }])
    const result = await run(config(s.url), post)
    expect(leftOf(result)).toMatchObject({ _tag: 'HttpError', status: 503, message: 'busy' })
    expect(s.requests).toHaveLength(1)
  })

  it('retries a POST that gets a 503 when the request is marked idempotent', async () => {
    const s = await serve([{ status: 503, json: { message: 'busy' } }, { json: { ok: true } }])
    const result = await run(config(s.url), { ...post, idempotent: true })
    expect(result).toStrictEqual(served({ ok: true }))
    expect(s.requests.map((r) => new TextDecoder().decode(r.body))).toStrictEqual(['{"a":1}', '{"a":1}'])
  })

  it('does not retry a GET marked idempotent: false', async () => {
    const s = await serve([{ status: 503, json: {} }, { json: { ok: true } }])
    expect(leftOf(await run(config(s.url), { ...get, idempotent: false }))).toMatchObject({ status: 503 })
    expect(s.requests).toHaveLength(1)
  })

  it('retries a 429 with Retry-After: 0', async () => {
    const s = await serve([
      { status: 429, headers: { 'retry-after': '0' }, json: { message: 'slow down' } },
      { json: { ok: true } },
    ])
    expect(await run(config(s.url), get)).toStrictEqual(served({ ok: true }))
    expect(s.requests).toHaveLength(2)
  })

  it('retries a 429 with retry-after-ms and with an HTTP-date Retry-After', async () => {
    const s = await serve([
      { status: 429, headers: { 'retry-after-ms': '5' }, json: {} },
      { status: 429, headers: { 'retry-after': new Date(Date.now() - 1000).toUTCString() }, json: {} },
      { json: { ok: true } },
    ])
    expect(await run(config(s.url), get)).toStrictEqual(served({ ok: true }))
    expect(s.requests).toHaveLength(3)
  })

  it('caps a long Retry-After by maxDelay', async () => {
    const s = await serve([
      { status: 429, headers: { 'retry-after': '3600' }, json: {} },
      { json: { ok: true } },
    ])
    expect(await run(config(s.url, { retry: { limit: 1, maxDelay: 10 } }), get)).toStrictEqual(
      served({ ok: true }),
    )
  })

  it('gives an HttpError with rateLimit and requestId when 429 persists', async () => {
    const limited = {
      status: 429,
      headers: {
        'retry-after': '0',
        'x-request-id': 'req-429',
        'X-RateLimit-Limit': '10',
        'X-RateLimit-Reset': '1500',
        'X-RateLimit-Interval': '60000',
      },
      json: { message: 'Too many requests', help: 'Slow down' },
    }
    const s = await serve([limited, limited, limited])
    expect(await run(config(s.url), get)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 429,
        message: 'Too many requests',
        help: 'Slow down',
        body: { message: 'Too many requests', help: 'Slow down' },
        url: `${s.url}/v1/files`,
        requestId: 'req-429',
        rateLimit: { limit: 10, reset: 1500, interval: 60000 },
      },
    })
    expect(s.requests).toHaveLength(3)
  })

  it('times out a reply that never comes', async () => {
    const s = await serve([{ hang: true }])
    const result = await run(config(s.url, { timeout: 200, retry: 0 }), get)
    expect(result).toStrictEqual(networkLeft('Timeout', `GET ${s.url}/v1/files timed out after 200 ms`))
  })

  it('retries a timeout and then succeeds', async () => {
    const s = await serve([{ hang: true }, { json: { ok: true } }])
    // The timeout is per attempt, so the reply to the retry must come within it too: generous, not a race.
    expect(await run(config(s.url, { timeout: 3000 }), get)).toStrictEqual(served({ ok: true }))
    expect(s.requests).toHaveLength(2)
  })

  it('times out a body that stalls after the headers', async () => {
    const s = await serve([{ body: '{"ok":tr', stallAfterBytes: 4 }])
    const result = await run(config(s.url, { timeout: 200, retry: 0 }), get)
    expect(result).toStrictEqual(networkLeft('Timeout', `GET ${s.url}/v1/files timed out after 200 ms`))
  })

  it('times out an error body that stalls, keeping the status', async () => {
    const s = await serve([{ status: 404, body: '{"message":"nope"}', stallAfterBytes: 3 }])
    // The headers must arrive within the timeout (on a loaded machine 200 ms is not enough); the body never ends.
    const result = await run(config(s.url, { timeout: 2000, retry: 0 }), get)
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'HttpError', status: 404, message: 'HTTP 404', body: '', url: `${s.url}/v1/files` },
    })
  })

  it('maps a connection reset mid-body to a Transport error', async () => {
    const s = await serve([{ json: { ok: true, padding: 'x'.repeat(100) }, resetAfterBytes: 10 }])
    const result = await run(config(s.url, { retry: 0 }), get)
    expect(leftOf(result)).toMatchObject({ _tag: 'NetworkError', reason: 'Transport' })
  })

  it('retries a GET whose body was cut by a reset', async () => {
    const s = await serve([
      { json: { ok: true, padding: 'x'.repeat(100) }, resetAfterBytes: 10 },
      { json: { ok: true } },
    ])
    expect(await run(config(s.url), get)).toStrictEqual(served({ ok: true }))
    expect(s.requests).toHaveLength(2)
  })

  it('maps a body shorter than its Content-Length to a Transport error', async () => {
    const s = await serve([{ json: { ok: true }, truncateAfterBytes: 5 }])
    const result = await run(config(s.url, { retry: 0 }), get)
    expect(leftOf(result)).toMatchObject({ _tag: 'NetworkError', reason: 'Transport' })
  })

  it('maps complete but truncated JSON to a DecodeError and does not retry it', async () => {
    const s = await serve([
      { body: '{"ok":tr', headers: { 'content-type': 'application/json' } },
      { json: { ok: true } },
    ])
    const left = leftOf(await run(config(s.url), get))
    expect(left).toMatchObject({ _tag: 'DecodeError' })
    expect(left['message']).toMatch(new RegExp(`^the response to GET ${s.url}/v1/files is not valid JSON: `))
    expect(s.requests).toHaveLength(1)
  })

  it('maps malformed JSON to a DecodeError', async () => {
    const s = await serve([{ body: "{ok: 'yes'}" }])
    const left = leftOf(await run(config(s.url), get))
    expect(left['_tag']).toBe('DecodeError')
    expect((left['errors'] as { value: unknown }[])[0]?.value).toBe("{ok: 'yes'}")
  })

  it('maps a 2xx body of the wrong shape to a DecodeError naming the path', async () => {
    const s = await serve([{ json: { ok: 'yes' } }])
    const left = leftOf(await run(config(s.url), get))
    expect(left['message']).toBe(
      `the response to GET ${s.url}/v1/files does not match { ok: boolean }: ok: expected boolean, got "yes"`,
    )
  })

  it('gives a clean HttpError for an HTML 502 page from a proxy', async () => {
    const html =
      '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n'
    const page = { status: 502, headers: { 'content-type': 'text/html' }, body: html }
    const s = await serve([page, page, page])
    expect(await run(config(s.url), get)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 502,
        message: 'HTTP 502: 502 Bad Gateway 502 Bad Gateway nginx',
        body: html,
        url: `${s.url}/v1/files`,
      },
    })
  })

  it('bounds the raw text of a huge non-JSON error body', async () => {
    const s = await serve([{ status: 400, body: 'e'.repeat(200_000) }])
    const left = leftOf(await run(config(s.url), get))
    expect(left['body']).toBe('e'.repeat(4096))
    expect(left['message']).toBe(`HTTP 400: ${'e'.repeat(120)}…`)
  })

  it.each([401, 403])('returns ImageKit’s error body for a %i without retrying', async (status) => {
    const s = await serve([
      { status, json: invalidKey, headers: { 'x-request-id': 'abc-123' } },
      { json: { ok: true } },
    ])
    expect(await run(config(s.url), get)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status,
        ...invalidKey,
        body: invalidKey,
        url: `${s.url}/v1/files`,
        requestId: 'abc-123',
      },
    })
    expect(s.requests).toHaveLength(1)
  })

  it('ends with Aborted when the signal aborts while waiting for the reply', async () => {
    const controller = new AbortController()
    // Aborted when the request has arrived (the server never answers it), not after a fixed time.
    const s = await serve(() => {
      controller.abort()
      return { hang: true }
    })
    const result = await run(config(s.url), { ...get, signal: controller.signal })
    expect(result).toStrictEqual(networkLeft('Aborted', `GET ${s.url}/v1/files was aborted`))
    expect(s.requests).toHaveLength(1)
  })

  it('ends with Aborted when the signal aborts between retries', async () => {
    const controller = new AbortController()
    // Aborted 100 ms after the first request arrived, most likely in the 30 s wait before the retry; if the 503
    // has not reached the client by then (a busy machine), the abort ends that attempt: the same Left either way.
    const s = await serve((_request, index) => {
      if (index === 0) setTimeout(() => controller.abort(), 100)
      return index === 0
        ? { status: 503, headers: { 'retry-after': '30' }, json: {} }
        : { json: { ok: true } }
    })
    const result = await run(config(s.url, { retry: { limit: 2, maxDelay: 30_000 } }), {
      ...get,
      signal: controller.signal,
    })
    expect(result).toStrictEqual(networkLeft('Aborted', `GET ${s.url}/v1/files was aborted`))
    expect(s.requests).toHaveLength(1)
  })

  it('sends nothing when the signal is already aborted', async () => {
    const s = await serve([{ json: { ok: true } }])
    const result = await run(config(s.url), { ...get, signal: AbortSignal.abort() })
    expect(result).toStrictEqual(networkLeft('Aborted', `GET ${s.url}/v1/files was aborted`))
    expect(s.requests).toHaveLength(0)
  })

  it('maps a refused connection to a Transport error after retrying', async () => {
    const port = await closedPort()
    const result = await run(config(`http://127.0.0.1:${port}`), get)
    const left = leftOf(result)
    expect(left).toMatchObject({ _tag: 'NetworkError', reason: 'Transport' })
    expect(left['message']).toBe(`GET http://127.0.0.1:${port}/v1/files failed: fetch failed (ECONNREFUSED)`)
  })

  it('sends the method, path, query, Basic auth and JSON body it was given', async () => {
    const s = await serve([{ json: { ok: true } }])
    await run(config(s.url), { ...post, searchParams: { a: 'x y', b: 2, c: true, d: undefined } })
    const [r] = s.requests
    expect(r?.method).toBe('POST')
    expect(r?.url).toBe('/api/v1/files/upload?a=x+y&b=2&c=true')
    expect(r?.headers['authorization']).toBe(`Basic ${btoa(`${KEY}:`)}`)
    expect(r?.headers['content-type']).toBe('application/json')
    expect(new TextDecoder().decode(r?.body)).toBe('{"a":1}')
  })

  it('decodes a 204 as {}', async () => {
    const s = await serve([{ status: 204 }])
    const result = await run(config(s.url), { ...get, method: 'DELETE', codec: t.type({}) })
    expect(result).toStrictEqual(served({}, 204))
  })

  it('reports upload progress for a streamed body on Node', async () => {
    const s = await serve([{ json: { ok: true } }])
    const seen: { loaded: number; total?: number }[] = []
    const body = new Blob([new Uint8Array(300_000)])
    const result = await run(config(s.url), {
      ...post,
      json: undefined,
      body,
      onUploadProgress: (p) => seen.push(p),
    })
    expect(result).toStrictEqual(served({ ok: true }))
    expect(seen.at(-1)).toStrictEqual({ loaded: 300_000, total: 300_000 })
    expect(s.requests[0]?.body.length).toBe(300_000)
  })

  it('sends a multipart FormData body with progress and keeps its boundary', async () => {
    const s = await serve([{ json: { ok: true } }])
    const form = new FormData()
    form.set('fileName', 'a.bin')
    form.set('file', new Blob([new Uint8Array(100_000).fill(7)]), 'a.bin')
    const seen: number[] = []
    const result = await run(config(s.url), {
      ...post,
      json: undefined,
      body: form,
      onUploadProgress: (p) => seen.push(p.loaded),
    })
    expect(result).toStrictEqual(served({ ok: true }))
    const received = s.requests[0]
    const boundary = /boundary=(.+)$/.exec(String(received?.headers['content-type']))?.[1]
    expect(boundary).toBeDefined()
    const text = new TextDecoder('latin1').decode(received?.body)
    expect(text).toContain(
      `--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\na.bin\r\n`,
    )
    expect(received?.body.length).toBeGreaterThan(100_000)
    expect(seen.at(-1)).toBe(received?.body.length)
  })

  it('ignores a progress callback that throws', async () => {
    const s = await serve([{ json: { ok: true } }])
    const body = new Blob([new Uint8Array(10)])
    const result = await run(config(s.url), {
      ...post,
      json: undefined,
      body,
      onUploadProgress: () => {
        throw new Error('callback failed')
      },
    })
    expect(result).toStrictEqual(served({ ok: true }))
  })

  it('refuses to follow a redirect with the private key attached', async () => {
    const s = await serve([{ status: 302, headers: { location: '/elsewhere' } }, { json: { ok: true } }])
    const left = leftOf(await run(config(s.url, { retry: 0 }), get))
    expect(left).toMatchObject({ _tag: 'NetworkError', reason: 'Transport' })
    expect(s.requests.map((r) => r.url)).toStrictEqual(['/v1/files'])
  })

  it('refuses to follow a redirect of a request with a body, even without the key', async () => {
    const s = await serve([{ status: 307, headers: { location: '/elsewhere' } }, { json: { ok: true } }])
    const left = leftOf(
      await run(config(s.url, { retry: 0 }), { ...get, method: 'POST', auth: 'none', body: 'payload' }),
    )
    expect(left).toMatchObject({ _tag: 'NetworkError', reason: 'Transport' })
    expect(s.requests.map((r) => r.url)).toStrictEqual(['/v1/files'])
  })

  it("refuses a redirect where Request has no redirect: 'error' (workerd): it asks for 'manual'", async () => {
    vi.stubGlobal('Request', WorkerdRequest)
    try {
      const s = await serve([{ status: 302, headers: { location: '/elsewhere' } }, { json: { ok: true } }])
      const left = leftOf(await run(config(s.url, { retry: 0 }), get))
      expect(left).toMatchObject({
        _tag: 'NetworkError',
        reason: 'Transport',
        message: `GET ${s.url}/v1/files failed: redirect (HTTP 302) not followed: the request carries credentials or a body`,
      })
      expect(s.requests.map((r) => r.url)).toStrictEqual(['/v1/files'])
    } finally {
      vi.unstubAllGlobals()
    }
  })

  describe('a refused redirect is final', () => {
    const moved = { status: 302, headers: { location: '/elsewhere' } }
    const refusal = (url: string, detail: string) => ({
      _tag: 'Left',
      left: {
        _tag: 'NetworkError',
        reason: 'Transport',
        message: `GET ${url}/v1/files failed: ${detail}: the request carries credentials or a body`,
        cause: expect.anything(),
      },
    })

    it('sends a request with the key once when it is redirected, with retries on', async () => {
      const s = await serve([moved, moved, moved])
      expect(await run(config(s.url, { retry: { limit: 2, maxDelay: 0 } }), get)).toStrictEqual(
        refusal(s.url, 'fetch failed (unexpected redirect); a redirect is not followed'),
      )
      expect(s.requests).toHaveLength(1)
    })

    it('sends an idempotent request with a body once when it is redirected, with retries on', async () => {
      const s = await serve([moved, moved, moved])
      const result = await run(config(s.url, { retry: { limit: 2, maxDelay: 0 } }), {
        ...get,
        method: 'PUT',
        auth: 'none',
        body: 'payload',
      })
      expect(leftOf(result)).toMatchObject({ _tag: 'NetworkError', reason: 'Transport' })
      expect(s.requests).toHaveLength(1)
    })

    it("sends it once where Request has no redirect: 'error' (workerd), with retries on", async () => {
      vi.stubGlobal('Request', WorkerdRequest)
      try {
        const s = await serve([moved, moved, moved])
        expect(await run(config(s.url, { retry: { limit: 2, maxDelay: 0 } }), get)).toStrictEqual({
          ...refusal(s.url, 'redirect (HTTP 302) not followed'),
          left: { ...refusal(s.url, 'redirect (HTTP 302) not followed').left, cause: undefined },
        })
        expect(s.requests).toHaveLength(1)
      } finally {
        vi.unstubAllGlobals()
      }
    })
  })

  it('follows a redirect when no key is sent', async () => {
    const s = await serve([{ status: 302, headers: { location: '/elsewhere' } }, { json: { ok: true } }])
    const result = await run(config(s.url), { ...get, auth: 'none' })
    expect(result).toStrictEqual(served({ ok: true }))
    expect(s.requests.map((r) => r.url)).toStrictEqual(['/v1/files', '/elsewhere'])
  })
})
