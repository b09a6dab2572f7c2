import { describe, expect, it } from 'vitest'
import { createRateGate, validationError } from '@imagekit-fp/utils'
import { upload, uploadMany, type UploadConfig, type UploadManyProgress } from '@imagekit-fp/upload'
import { captureFetch, UPLOADED } from './test-support/capture'

const KEY = 'private_key_test_123'
const bytes = (n: number) => new Uint8Array(n)

/** A source that counts what was pulled from it: a bad call must read nothing. */
const counted = (n: number) => {
  const seen = { pulls: 0 }
  function* gen() {
    for (let i = 0; i < n; i++) {
      seen.pulls++
      yield { file: bytes(i + 1), fileName: `${i}.bin` }
    }
  }
  return { seen, requests: gen() }
}

const ALLOWED = 'concurrency, gate, signal, onProgress, onItem, keep, maxRateLimitRounds, auth'

describe('uploadMany: options, requests and config are checked before any request is read', () => {
  it.each([
    ['concurrency 0', { concurrency: 0 }, 'options.concurrency', 'must be from 1 to 64'],
    ['concurrency 65', { concurrency: 65 }, 'options.concurrency', 'must be from 1 to 64'],
    ['concurrency 1.5', { concurrency: 1.5 }, 'options.concurrency', 'must be an integer'],
    ['concurrency as text', { concurrency: '4' }, 'options.concurrency', 'must be an integer'],
    ['keep', { keep: 'some' }, 'options.keep', "must be one of 'all', 'failed'"],
    ['gate', { gate: {} }, 'options.gate', 'must be a RateGate (from createRateGate)'],
    ['signal', { signal: 'stop' }, 'options.signal', 'must be an AbortSignal'],
    ['onItem', { onItem: 5 }, 'options.onItem', 'must be a function'],
    ['onProgress', { onProgress: {} }, 'options.onProgress', 'must be a function'],
    ['auth', { auth: 'token' }, 'options.auth', 'must be a function'],
    ['maxRateLimitRounds', { maxRateLimitRounds: -1 }, 'options.maxRateLimitRounds', 'must be from 0 to 100'],
    ['a misspelt key', { concurency: 2 }, 'options.concurency', `is not a known key (allowed: ${ALLOWED})`],
    ['options that are not an object', 5, 'options', 'must be an object'],
    [
      'auth beside a private key',
      { auth: () => Promise.resolve({}) },
      'options.auth',
      'use config.privateKey or options.auth, not both',
    ],
  ])('a bad %s is a Left naming it', async (_, options, path, message) => {
    const { fetch, calls } = captureFetch()
    const { seen, requests } = counted(3)
    const r = await uploadMany({ privateKey: KEY, fetch }, requests, options as never)()
    expect(r).toStrictEqual({ _tag: 'Left', left: validationError(path, message) })
    expect([seen.pulls, calls.length]).toStrictEqual([0, 0])
  })

  it.each([
    ['a number', 5],
    ['a string', 'a.jpg'],
    ['null', null],
  ])('requests that are %s are a Left', async (_, requests) => {
    const r = await uploadMany({ privateKey: KEY }, requests as never)()
    expect(r).toStrictEqual({
      _tag: 'Left',
      left: validationError('requests', 'must be an Iterable or AsyncIterable of upload requests'),
    })
  })

  it.each([
    ['a timeout that is not a number', { privateKey: KEY, timeout: 'soon' }],
    ['a private key over plain http', { privateKey: KEY, uploadBaseUrl: 'http://example.com' }],
    ['an empty private key', { privateKey: '' }],
    ['a clock that is not a function', { privateKey: KEY, now: 5 }],
    ['retryUploads that is not a boolean', { privateKey: KEY, retryUploads: 'yes' }],
  ])('a config with %s is the Left upload gives, and nothing is read or sent', async (_, config) => {
    const { fetch, calls } = captureFetch()
    const { seen, requests } = counted(3)
    const expected = await upload({ ...config, fetch } as UploadConfig, {
      file: bytes(1),
      fileName: 'a.bin',
    })()
    expect(expected._tag).toBe('Left')
    expect((expected as { left: { _tag: string } }).left._tag).toBe('ValidationError')
    expect(await uploadMany({ ...config, fetch } as UploadConfig, requests)()).toStrictEqual(expected)
    expect([seen.pulls, calls.length]).toStrictEqual([0, 0])
  })

  it('a client-side config is checked with auth fields that pass, so its own problem shows', async () => {
    const { seen, requests } = counted(3)
    expect(await uploadMany({ publicKey: 'public_x', now: 5 as never }, requests)()).toStrictEqual({
      _tag: 'Left',
      left: validationError('config.now', 'must be a function returning milliseconds'),
    })
    expect(await uploadMany({ publicKey: 'public_x', timeout: -1 }, requests)()).toStrictEqual(
      await upload(
        { publicKey: 'public_x', timeout: -1 },
        {
          file: bytes(1),
          fileName: 'a',
          token: 't',
          signature: 's',
          expire: Math.floor(Date.now() / 1000) + 60,
        },
      )(),
    )
    expect(seen.pulls).toBe(0)
  })

  it('a client-side config needs no public key of its own: options.auth or a request may carry it', async () => {
    const r = await uploadMany({}, [], {
      auth: () => Promise.resolve({ token: 't', signature: 's', expire: 1 }),
    })()
    expect(r).toStrictEqual({ _tag: 'Right', right: { done: [], failed: [], total: 0, aborted: false } })
  })
})

describe('uploadMany: each request', () => {
  it('is checked before it is sent: an invalid one fails with its ValidationError, the others go on', async () => {
    const { fetch, calls } = captureFetch()
    const requests = [
      { file: bytes(3), fileName: 'a.bin' },
      { file: bytes(3), fileName: '' },
      { file: bytes(5), fileName: 'c.bin', folder: '/x' },
    ]
    const r = await uploadMany({ privateKey: KEY, fetch }, requests, { concurrency: 1 })()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: [
          { _tag: 'Done', index: 0, ref: { fileName: 'a.bin' }, result: UPLOADED },
          { _tag: 'Done', index: 2, ref: { fileName: 'c.bin', folder: '/x' }, result: UPLOADED },
        ],
        failed: [
          {
            _tag: 'Failed',
            index: 1,
            ref: { fileName: '' },
            error: ((await upload({ privateKey: KEY, fetch }, requests[1]!)()) as { left: unknown }).left,
          },
        ],
        total: 3,
        aborted: false,
      },
    })
    expect(r._tag === 'Right' && r.right.failed[0]!.error._tag).toBe('ValidationError')
    expect(calls.length).toBe(2)
  })

  it('counts bytes from the size of Blob, bytes and base64 files; a URL file has none, so no byte total', async () => {
    const { fetch } = captureFetch()
    const progress: UploadManyProgress[] = []
    const onProgress = (p: UploadManyProgress) => progress.push(p)
    const sized = [
      { file: new Blob(['hello']), fileName: 'a.txt' },
      { file: bytes(7), fileName: 'b.bin' },
      { file: 'aGVsbG8=', fileName: 'c.txt' },
      { file: 'data:text/plain;base64,aGk=', fileName: 'd.txt' },
    ]
    await uploadMany({ privateKey: KEY, fetch, now: () => 0 }, sized, { concurrency: 1, onProgress })()
    expect(progress.at(-1)).toStrictEqual({
      done: 4,
      failed: 0,
      inFlight: 0,
      bytesDone: 19,
      bytesTotal: 19,
      elapsedMs: 0,
      etaMs: 0,
      waitingForRateLimit: false,
    })
    progress.length = 0
    await uploadMany(
      { privateKey: KEY, fetch, now: () => 0 },
      [...sized, { file: 'https://example.com/x.jpg', fileName: 'x.jpg' }],
      { concurrency: 1, onProgress },
    )()
    expect(progress.at(-1)).toStrictEqual({
      done: 5,
      failed: 0,
      inFlight: 0,
      bytesDone: 19,
      elapsedMs: 0,
      etaMs: 0,
      waitingForRateLimit: false,
    })
  })

  it('shares the gate it is given: a closed gate holds every upload back', async () => {
    const { fetch, calls } = captureFetch()
    const gate = createRateGate()
    gate.closeUntil(Date.now() + 60_000)
    const c = new AbortController()
    const run = uploadMany({ privateKey: KEY, fetch }, counted(3).requests, { gate, signal: c.signal })()
    await new Promise((r) => setTimeout(r, 20))
    expect(calls.length).toBe(0)
    c.abort()
    expect(await run).toStrictEqual({
      _tag: 'Right',
      right: { done: [], failed: [], total: 0, aborted: true },
    })
  })

  it("closes its own gate on the config's clock: a 429 asking 50 ms waits 50 ms, whatever that clock reads", async () => {
    let n = 0
    const { fetch, calls } = captureFetch(() =>
      ++n === 1
        ? new Response('{"message":"Too many requests"}', {
            status: 429,
            headers: { 'content-type': 'application/json', 'x-ratelimit-reset': '50' },
          })
        : new Response(JSON.stringify(UPLOADED), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
    )
    // A clock an hour ahead of Date.now(): a gate on Date.now() would stay closed for that hour.
    const config = { privateKey: KEY, fetch, retry: 0, now: () => Date.now() + 3_600_000 }
    const r = await uploadMany(config, [{ file: bytes(1), fileName: 'a.bin' }])()
    expect([calls.length, r._tag === 'Right' && r.right.done.length]).toStrictEqual([2, 1])
  })

  it("keeps the request's own signal: aborting it fails that request only", async () => {
    const { fetch } = captureFetch()
    const r = await uploadMany({ privateKey: KEY, fetch }, [
      { file: bytes(1), fileName: 'a.bin', signal: AbortSignal.abort() },
      { file: bytes(1), fileName: 'b.bin' },
    ])()
    expect(
      r._tag === 'Right' && [
        r.right.done.map((o) => o.index),
        r.right.failed.map((o) => [o.index, o.error._tag]),
      ],
    ).toStrictEqual([[1], [[0, 'NetworkError']]])
  })
})

describe('uploadMany: options.auth', () => {
  const NOW = 1_700_000_000_000
  const expire = NOW / 1000 + 600
  const config = (fetch: typeof globalThis.fetch) => ({ publicKey: 'public_x', fetch, now: () => NOW })

  it('gets the request signal, and an abort ends the wait for it (the call does not hang on your server)', async () => {
    const { fetch, calls } = captureFetch()
    const c = new AbortController()
    const seen: AbortSignal[] = []
    const auth = (signal: AbortSignal) => {
      seen.push(signal)
      queueMicrotask(() => c.abort())
      return new Promise<never>(() => undefined)
    }
    const r = await uploadMany(config(fetch), [{ file: bytes(1), fileName: 'a.bin' }], {
      auth,
      signal: c.signal,
    })()
    expect([calls.length, seen.length, seen[0]?.aborted]).toStrictEqual([0, 1, true])
    expect(
      r._tag === 'Right' && r.right.failed.map((o) => [o.index, o.error._tag, o.error.message]),
    ).toStrictEqual([[0, 'NetworkError', 'aborted while waiting for options.auth']])
  })

  it('sends the fields it resolves to, given as a value or as a Right', async () => {
    const { fetch, calls } = captureFetch()
    let n = 0
    const auth = () => {
      n++
      const fields = { token: `t${n}`, signature: `s${n}`, expire }
      return Promise.resolve(n === 1 ? fields : { _tag: 'Right' as const, right: fields })
    }
    const r = await uploadMany(
      config(fetch),
      [0, 1].map((i) => ({ file: bytes(1), fileName: `${i}.bin` })),
      {
        auth,
        concurrency: 1,
      },
    )()
    expect(r._tag === 'Right' && r.right.done.length).toBe(2)
    expect(
      calls.map((c) => ['publicKey', 'token', 'signature', 'expire'].map((k) => c.form.get(k))),
    ).toStrictEqual([
      ['public_x', 't1', 's1', String(expire)],
      ['public_x', 't2', 's2', String(expire)],
    ])
  })

  it.each([
    [
      'a Left of one of our errors: that error',
      { _tag: 'Left', left: validationError('config.privateKey', 'is required') },
      validationError('config.privateKey', 'is required'),
    ],
    [
      'something without token, signature and expire: a ValidationError',
      { token: 't' },
      validationError('options.auth', 'must resolve to { token, signature, expire } (or a Right of it)'),
    ],
    [
      'a Left of anything else: a NetworkError keeping it',
      { _tag: 'Left', left: 'server said no' },
      {
        _tag: 'NetworkError',
        reason: 'Transport',
        message: 'options.auth returned a Left: no upload credentials',
        cause: 'server said no',
      },
    ],
  ])('resolving to %s fails that request, and nothing is sent', async (_, value, error) => {
    const { fetch, calls } = captureFetch()
    const r = await uploadMany(config(fetch), [{ file: bytes(1), fileName: 'a.bin' }], {
      auth: () => Promise.resolve(value as never),
    })()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: [],
        failed: [{ _tag: 'Failed', index: 0, ref: { fileName: 'a.bin' }, error }],
        total: 1,
        aborted: false,
      },
    })
    expect(calls.length).toBe(0)
  })
})
