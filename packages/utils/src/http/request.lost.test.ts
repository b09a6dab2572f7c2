// Retries that must not repeat a side effect: `idempotent: 'unsent'` retries only what surely never reached the
// server, and an HttpError that follows an attempt whose reply was lost says so (`afterLostReply`).
import { afterEach, describe, expect, it } from 'vitest'
import { request } from './request'
import { closedPort, startLoopbackServer, type LoopbackServer } from './test-support/loopbackServer'
import { get, json, KEY, okJson, run, stub } from './test-support/stub'

/** What undici throws for a connection that never opened (`code`) or broke after the request went out. */
const fetchFailed = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: { code } })
const retry = { limit: 2, maxDelay: 0 }
const put = { ...get, method: 'PUT', json: { filePath: '/a.jpg', newFileName: 'b.jpg' } } as const
const url = 'https://api.imagekit.io/v1/files'

describe("request: idempotent: 'unsent'", () => {
  it('sends once when the connection breaks after the request went out (ECONNRESET)', async () => {
    const lost = fetchFailed('ECONNRESET')
    const { fetch, calls } = stub(() => Promise.reject(lost))
    expect(await run({ privateKey: KEY, fetch, retry }, { ...put, idempotent: 'unsent' })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'NetworkError',
        reason: 'Transport',
        message: `PUT ${url} failed: fetch failed (ECONNRESET)`,
        cause: lost,
      },
    })
    expect(calls).toHaveLength(1)
  })

  it('sends once when the reply does not come in time', async () => {
    const { fetch, calls } = stub(() => new Promise<Response>(() => undefined))
    const result = await run({ privateKey: KEY, fetch, retry, timeout: 20 }, { ...put, idempotent: 'unsent' })
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Timeout' } })
    expect(calls).toHaveLength(1)
  })

  it('sends once when the reply is a 503 or a 500', async () => {
    const { fetch, calls } = stub((_r, n) => json({ message: 'busy' }, { status: n === 0 ? 503 : 500 }))
    await run({ privateKey: KEY, fetch, retry }, { ...put, idempotent: 'unsent' })
    expect(calls).toHaveLength(1)
  })

  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])(
    'retries a connection that never opened (%s)',
    async (code) => {
      const { fetch, calls } = stub((_r, n) =>
        n === 0 ? Promise.reject(fetchFailed(code)) : json({ ok: true }),
      )
      expect(await run({ privateKey: KEY, fetch, retry }, { ...put, idempotent: 'unsent' })).toStrictEqual(
        okJson({ ok: true }),
      )
      expect(calls).toHaveLength(2)
    },
  )

  it("retries a refused connection whose cause is Node's AggregateError (happy eyeballs) with its code", async () => {
    const cause = Object.assign(new AggregateError([new Error('connect ECONNREFUSED ::1:443')], ''), {
      code: 'ECONNREFUSED',
    })
    const refused = Object.assign(new TypeError('fetch failed'), { cause })
    const { fetch, calls } = stub((_r, n) => (n === 0 ? Promise.reject(refused) : json({ ok: true })))
    await run({ privateKey: KEY, fetch, retry }, { ...put, idempotent: 'unsent' })
    expect(calls).toHaveLength(2)
  })

  it('sends once when a bare TypeError says nothing of why (a browser)', async () => {
    const { fetch, calls } = stub(() => Promise.reject(new TypeError('Failed to fetch')))
    await run({ privateKey: KEY, fetch, retry }, { ...put, idempotent: 'unsent' })
    expect(calls).toHaveLength(1)
  })

  it('retries a 429 (ImageKit did not process it) and returns the success that follows', async () => {
    const { fetch, calls } = stub((_r, n) =>
      n === 0 ? json({ message: 'slow down' }, { status: 429 }) : json({ ok: true }),
    )
    expect(await run({ privateKey: KEY, fetch, retry }, { ...put, idempotent: 'unsent' })).toStrictEqual(
      okJson({ ok: true }),
    )
    expect(calls).toHaveLength(2)
  })

  it('retries a POST the same way', async () => {
    const { fetch, calls } = stub((_r, n) => (n === 0 ? json({}, { status: 429 }) : json({ ok: true })))
    await run({ privateKey: KEY, fetch, retry }, { ...put, method: 'POST', idempotent: 'unsent' })
    expect(calls).toHaveLength(2)
  })

  it('retries a refused loopback connection (the real ECONNREFUSED of this platform)', async () => {
    const port = await closedPort()
    let tries = 0
    const fetch = ((input: Request) => {
      tries++
      return globalThis.fetch(input)
    }) as typeof globalThis.fetch
    const cfg = { privateKey: KEY, apiBaseUrl: `http://127.0.0.1:${port}`, fetch, retry }
    const result = await request(cfg, { ...put, idempotent: 'unsent' })()
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'NetworkError', reason: 'Transport' } })
    expect(tries).toBe(3)
  })
})

describe('request: an HttpError after a lost reply', () => {
  let server: LoopbackServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it('carries afterLostReply: true when an earlier attempt timed out or broke', async () => {
    const { fetch, calls } = stub((_r, n) =>
      n === 0 ? Promise.reject(fetchFailed('ECONNRESET')) : json({ message: 'gone' }, { status: 404 }),
    )
    expect(await run({ privateKey: KEY, fetch, retry }, { ...get, method: 'DELETE' })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'HttpError',
        status: 404,
        message: 'gone',
        body: { message: 'gone' },
        url,
        afterLostReply: true,
      },
    })
    expect(calls).toHaveLength(2)
  })

  it('does not carry it after attempts that were answered or never sent', async () => {
    const { fetch } = stub((_r, n) =>
      n === 0
        ? json({}, { status: 503 })
        : n === 1
          ? Promise.reject(fetchFailed('ECONNREFUSED'))
          : json({ message: 'gone' }, { status: 404 }),
    )
    expect(await run({ privateKey: KEY, fetch, retry }, { ...get, method: 'DELETE' })).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'HttpError', status: 404, message: 'gone', body: { message: 'gone' }, url },
    })
  })

  it('carries it when a loopback reply was cut after its headers', async () => {
    server = await startLoopbackServer([
      { json: { done: true }, resetAfterBytes: 0 },
      { status: 404, json: { message: 'The requested file does not exist.' } },
    ])
    const result = await run(
      { privateKey: KEY, apiBaseUrl: server.url, retry },
      { ...get, method: 'DELETE', path: '/v1/files/f1' },
    )
    expect(result).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'HttpError', status: 404, afterLostReply: true },
    })
    expect(server.requests).toHaveLength(2)
  })
})
