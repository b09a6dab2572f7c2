import { afterEach, describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { createHmac } from 'node:crypto'
import { request } from '@imagekit-fp/utils/http'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { basic, call, uploadForm } from './test-support/call'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const HELP = 'For support kindly contact us at support@imagekit.io .'
const TOO_MANY = {
  message: 'Too many requests. Retry after the time given in the X-RateLimit-Reset header.',
  help: HELP,
}

/** A stand-in on a clock the test moves by hand, starting `at` ms into a window that starts at NOW. */
const make = (at: number, options: Parameters<typeof createImagekitStandIn>[0] = {}) => {
  const clock = { now: NOW + at }
  const s = createImagekitStandIn({ now: () => clock.now, ...options })
  return { s, clock }
}
const list = (s: ReturnType<typeof make>['s']) => call(s, 'GET', '/v1/files')
const statuses = (s: ReturnType<typeof make>['s']) => s.requests().map((r) => r.status)
const rateHeaders = (headers: Readonly<Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(headers).filter(([k]) => k === 'retry-after' || k.startsWith('x-ratelimit-')),
  )
const file = { file: new Uint8Array([1, 2, 3]), fileName: 'a.txt' }

const servers: { close: () => Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

describe('createImagekitStandIn: rate limit', () => {
  it('answers the call over the limit 429 with ImageKit’s body and headers, state untouched', async () => {
    const { s } = make(250, { rateLimit: { requests: 2, windowMs: 1000 } })
    expect([(await list(s)).status, (await list(s)).status]).toStrictEqual([200, 200])
    const over = await uploadForm(s, file)
    expect(over).toStrictEqual({
      status: 429,
      body: TOO_MANY,
      headers: {
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-origin': '*',
        'access-control-expose-headers':
          'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-reset, x-ratelimit-interval',
        'access-control-max-age': '600',
        'content-type': 'application/json; charset=utf-8',
        'retry-after': '1',
        'x-ratelimit-interval': '1000',
        'x-ratelimit-limit': '2',
        'x-ratelimit-reset': '750',
        'x-request-id': '00000000-0000-4000-8000-000000000003',
      },
    })
    expect(s.requests().at(-1)).toStrictEqual({
      method: 'POST',
      path: '/api/v1/files/upload',
      operation: 'upload-file',
      status: 429,
      auth: 'basic',
    })
    expect(s.files()).toStrictEqual([])
  })

  it.each([
    [
      0,
      {
        'retry-after': '5',
        'x-ratelimit-limit': '1',
        'x-ratelimit-reset': '5000',
        'x-ratelimit-interval': '5000',
      },
    ],
    [
      1,
      {
        'retry-after': '5',
        'x-ratelimit-limit': '1',
        'x-ratelimit-reset': '4999',
        'x-ratelimit-interval': '5000',
      },
    ],
    [
      1000,
      {
        'retry-after': '4',
        'x-ratelimit-limit': '1',
        'x-ratelimit-reset': '4000',
        'x-ratelimit-interval': '5000',
      },
    ],
    [
      4999,
      {
        'retry-after': '1',
        'x-ratelimit-limit': '1',
        'x-ratelimit-reset': '1',
        'x-ratelimit-interval': '5000',
      },
    ],
  ])(
    'at %i ms into a 5 s window: Retry-After in whole seconds rounded up, Reset in ms',
    async (at, headers) => {
      const { s } = make(at, { rateLimit: { requests: 1, windowMs: 5000 } })
      await list(s)
      const over = await list(s)
      expect([over.status, rateHeaders(over.headers)]).toStrictEqual([429, headers])
    },
  )

  it('reopens when the next window starts; the 429s before it were not counted', async () => {
    const { s, clock } = make(0, { rateLimit: { requests: 2, windowMs: 1000 } })
    for (let i = 0; i < 6; i++) await list(s)
    clock.now = NOW + 999
    const last = await list(s)
    expect(rateHeaders(last.headers)).toStrictEqual({
      'retry-after': '1',
      'x-ratelimit-limit': '2',
      'x-ratelimit-reset': '1',
      'x-ratelimit-interval': '1000',
    })
    clock.now = NOW + 1000
    for (let i = 0; i < 3; i++) await list(s)
    clock.now = NOW + 5400
    for (let i = 0; i < 3; i++) await list(s)
    expect(statuses(s)).toStrictEqual([200, 200, 429, 429, 429, 429, 429, 200, 200, 429, 200, 200, 429])
  })

  it('limits each key on its own: the private key, a v1 client upload’s public key, a v2 token’s kid', async () => {
    const { s } = make(0, { rateLimit: { requests: 1, windowMs: 1000 } })
    const expire = String(Math.floor(NOW / 1000) + 60)
    const v1 = (token: string) => ({
      ...file,
      publicKey: s.publicKey,
      token,
      expire,
      signature: createHmac('sha1', s.privateKey).update(`${token}${expire}`).digest('hex'),
    })
    const v2 = (token: string) => ({ ...file, token })
    const claims = { fileName: 'a.txt', iat: Math.floor(NOW / 1000), exp: Math.floor(NOW / 1000) + 60 }
    const other = createImagekitStandIn({ now: () => NOW, publicKey: 'public_other' })
    const answers = [
      await uploadForm(s, v1('t1'), { auth: null }),
      await list(s),
      await uploadForm(s, v2(s.signUploadToken(claims)), { auth: null, version: 2 }),
      await uploadForm(s, v2(other.signUploadToken(claims)), { auth: null, version: 2 }),
      await uploadForm(s, file),
      await uploadForm(s, v1('t2'), { auth: null }),
      await call(s, 'GET', '/v1/files', undefined, { auth: `Basic ${btoa('someone_else:')}` }),
    ]
    expect(answers.map((a) => a.status)).toStrictEqual([200, 200, 429, 400, 429, 429, 401])
    expect(s.requests().map((r) => [r.operation, r.auth, r.status])).toStrictEqual([
      ['upload-file', 'client', 200],
      ['list-and-search-assets', 'basic', 200],
      ['upload-file-v2', 'client', 429],
      ['upload-file-v2', 'client', 400],
      ['upload-file', 'basic', 429],
      ['upload-file', 'client', 429],
      ['list-and-search-assets', 'basic', 401],
    ])
  })

  it('keys the private key the same whether sent as base64(key:…) or bare', async () => {
    const { s } = make(0, { rateLimit: { requests: 1, windowMs: 1000 } })
    await list(s)
    const bare = await call(s, 'GET', '/v1/files', undefined, { auth: `Basic ${s.privateKey}` })
    expect(bare.status).toBe(429)
  })

  it('does not use up a client-side token on a 429: the same upload passes once the window reopens', async () => {
    const { s, clock } = make(0, {
      rateLimit: { requests: 1, windowMs: 1000, operations: ['upload-file-v2'] },
    })
    const claims = { fileName: 'a.txt', iat: Math.floor(NOW / 1000), exp: Math.floor(NOW / 1000) + 60 }
    await uploadForm(
      s,
      { ...file, fileName: 'b.txt', token: s.signUploadToken({ ...claims, fileName: 'b.txt' }) },
      { auth: null, version: 2 },
    )
    const form = { ...file, token: s.signUploadToken(claims) }
    expect((await uploadForm(s, form, { auth: null, version: 2 })).status).toBe(429)
    clock.now = NOW + 1000
    expect((await uploadForm(s, form, { auth: null, version: 2 })).status).toBe(200)
    expect(s.files().map((f) => f.name)).toHaveLength(2)
  })

  it('counts only the operations named, together', async () => {
    const { s } = make(0, {
      rateLimit: { requests: 2, windowMs: 1000, operations: ['upload-file', 'get-usage'] },
    })
    await uploadForm(s, file)
    for (let i = 0; i < 3; i++) await list(s)
    await call(s, 'GET', '/v1/accounts/usage?startDate=2026-01-01&endDate=2026-01-02')
    await uploadForm(s, file)
    expect(statuses(s)).toStrictEqual([200, 200, 200, 200, 200, 429])
  })

  it('is set, changed and lifted at run time; reset() goes back to the limit given at creation', async () => {
    const { s } = make(0)
    for (let i = 0; i < 3; i++) await list(s)
    s.setRateLimit({ requests: 1, windowMs: 60_000 })
    await list(s)
    await list(s)
    s.setRateLimit({ requests: 2, windowMs: 60_000 })
    await list(s)
    await list(s)
    await list(s)
    s.setRateLimit(undefined)
    await list(s)
    expect(statuses(s)).toStrictEqual([200, 200, 200, 200, 429, 200, 200, 429, 200])
    const limited = make(0, { rateLimit: { requests: 1, windowMs: 1000 } }).s
    await list(limited)
    limited.setRateLimit(undefined)
    limited.reset()
    await list(limited)
    await list(limited)
    expect(statuses(limited)).toStrictEqual([200, 429])
  })

  it('throws a TypeError on a limit that is not one', () => {
    const error = new TypeError('rateLimit: requests and windowMs must be positive integers.')
    expect(() => createImagekitStandIn({ rateLimit: { requests: 0, windowMs: 1000 } })).toThrow(error)
    expect(() => createImagekitStandIn().setRateLimit({ requests: 1, windowMs: 0.5 })).toThrow(error)
    expect(() =>
      createImagekitStandIn().setRateLimit({ requests: 1, windowMs: 10, operations: 'upload-file' as never }),
    ).toThrow(new TypeError('rateLimit: operations must be an array of operation names.'))
  })

  it('reaches a client over HTTP, and our transport reads it into HttpError.rateLimit', async () => {
    const { s } = make(100, { rateLimit: { requests: 1, windowMs: 1000 } })
    const server = await s.listen()
    servers.push(server)
    await fetch(`${server.url}/v1/files`, { headers: { authorization: basic(s) } })
    const r = await request(
      { privateKey: s.privateKey, apiBaseUrl: server.url, retry: 0 },
      { method: 'GET', base: 'api', path: '/v1/files', auth: 'basic', codec: t.unknown },
    )()
    expect(r._tag === 'Left' && { ...r.left, url: undefined }).toStrictEqual({
      _tag: 'HttpError',
      status: 429,
      message: TOO_MANY.message,
      help: HELP,
      body: TOO_MANY,
      url: undefined,
      requestId: '00000000-0000-4000-8000-000000000002',
      rateLimit: { limit: 1, reset: 900, interval: 1000 },
    })
  })
})
