import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import { request } from '@imagekit-fp/utils/http'
import { createImagekitStandIn } from '@imagekit-fp/testing'
import { basic, call } from './test-support/call'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const list = (s: ReturnType<typeof createImagekitStandIn>, retry = 0) =>
  request(
    {
      privateKey: s.privateKey,
      fetch: s.fetch,
      retry: { limit: retry, maxDelay: 10 },
      strictResponses: true,
    },
    { method: 'GET', base: 'api', path: '/v1/files', auth: 'basic', codec: t.array(t.unknown) },
  )()

describe('createImagekitStandIn: fault injection', () => {
  it('answers an injected status with Retry-After and rate-limit headers, then recovers', async () => {
    const s = createImagekitStandIn()
    s.inject({ operation: 'list-and-search-assets', status: 429, retryAfter: 0 })
    const first = await call(s, 'GET', '/v1/files')
    expect({
      status: first.status,
      body: first.body,
      retryAfter: first.headers['retry-after'],
      limit: first.headers['x-ratelimit-limit'],
    }).toStrictEqual({
      status: 429,
      body: { message: 'Injected fault: status 429.', help: HELP },
      retryAfter: '0',
      limit: '10',
    })
    expect((await call(s, 'GET', '/v1/files')).status).toBe(200)
  })

  it('lets our transport retry through the next N faults', async () => {
    const s = createImagekitStandIn()
    s.inject({ status: 503, times: 2, retryAfter: 0 })
    const done = await list(s, 2)
    expect(done._tag === 'Right' && [done.right.status, done.right.body]).toStrictEqual([200, []])
    expect(s.requests().map((r) => r.status)).toStrictEqual([503, 503, 200])
  })

  it('applies a fault to its operation only', async () => {
    const s = createImagekitStandIn()
    s.inject({ operation: 'get-usage', status: 500, times: Infinity })
    expect((await call(s, 'GET', '/v1/files')).status).toBe(200)
    expect((await call(s, 'GET', '/v1/accounts/usage?startDate=2026-01-01&endDate=2026-01-02')).status).toBe(
      500,
    )
    expect((await call(s, 'GET', '/v1/accounts/usage?startDate=2026-01-01&endDate=2026-01-02')).status).toBe(
      500,
    )
    s.reset()
    expect((await call(s, 'GET', '/v1/accounts/usage?startDate=2026-01-01&endDate=2026-01-02')).status).toBe(
      200,
    )
  })

  it('resets the connection: the fetch form rejects as fetch does', async () => {
    const s = createImagekitStandIn()
    s.inject({ reset: true })
    await expect(
      s.fetch('https://api.imagekit.io/v1/files', { headers: { authorization: basic(s) } }),
    ).rejects.toThrow(new TypeError('fetch failed'))
    expect(await list(s)).toMatchObject({ _tag: 'Right' })
  })

  it('truncates a body: reading it fails', async () => {
    const s = createImagekitStandIn()
    s.addFile({ fileName: 'a.txt' })
    s.inject({ truncate: true })
    const res = await s.fetch('https://api.imagekit.io/v1/files', { headers: { authorization: basic(s) } })
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow(new TypeError('terminated'))
  })

  it('delays an answer, and an abort ends the wait', async () => {
    const s = createImagekitStandIn()
    s.inject({ delayMs: 60 })
    const started = Date.now()
    expect((await call(s, 'GET', '/v1/files')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(50)
    s.inject({ delayMs: 10_000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('stop')), 20)
    await expect(s.fetch('https://api.imagekit.io/v1/files', { signal: controller.signal })).rejects.toThrow(
      'stop',
    )
  })
})

describe('createImagekitStandIn: inspection, errors and CORS', () => {
  it('logs every call without the Authorization header, and forgets everything on reset()', async () => {
    const s = createImagekitStandIn({ privateKey: 'private_very_secret' })
    await call(s, 'POST', '/v1/files/addTags', { fileIds: ['x'], tags: ['y'] })
    await call(s, 'GET', '/v1/nowhere')
    expect(s.requests()).toStrictEqual([
      {
        method: 'POST',
        path: '/v1/files/addTags',
        operation: 'add-tags-bulk',
        status: 404,
        auth: 'basic',
        body: { fileIds: ['x'], tags: ['y'] },
      },
      { method: 'GET', path: '/v1/nowhere', operation: 'unknown', status: 404, auth: 'basic' },
    ])
    expect(JSON.stringify(s.requests())).not.toContain('private_very_secret')
    s.addFile({ fileName: 'a.txt' })
    s.reset()
    expect([s.requests(), s.files()]).toStrictEqual([[], []])
    expect(s.addFile({ fileName: 'b.txt' }).fileId).toBe('000000000000000000000001')
  })

  it('exposes its defaults and answers ImageKit errors with x-request-id and CORS headers', async () => {
    const s = createImagekitStandIn()
    expect([s.privateKey, s.publicKey, s.urlEndpoint]).toStrictEqual([
      'private_standin_key',
      'public_standin_key',
      'https://ik.imagekit.io/standin',
    ])
    const res = await call(s, 'GET', '/v1/files', undefined, { auth: `Basic ${btoa('wrong:')}` })
    expect(res).toMatchObject({
      status: 401,
      body: { message: 'Your account cannot be authenticated.', help: HELP },
    })
    expect([res.headers['x-request-id'], res.headers['access-control-allow-origin']]).toStrictEqual([
      '00000000-0000-4000-8000-000000000001',
      '*',
    ])
    const bare = await call(s, 'GET', '/v1/files', undefined, { auth: s.privateKey.replace(/^/, 'Basic ') })
    expect(bare.status).toBe(200)
    const preflight = await s.fetch('https://upload.imagekit.io/api/v1/files/upload', { method: 'OPTIONS' })
    expect([preflight.status, preflight.headers.get('access-control-allow-headers')]).toStrictEqual([
      204,
      'authorization, content-type',
    ])
    const badJson = await s.fetch('https://api.imagekit.io/v1/folder', {
      method: 'POST',
      body: '{not json',
      headers: { authorization: basic(s) },
    })
    expect([badJson.status, await badJson.json()]).toStrictEqual([
      400,
      { message: 'Your request contains invalid JSON.', help: HELP },
    ])
  })
})
