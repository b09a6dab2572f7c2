// uploadMany from @imagekit-fp/upload against the stand-in (here, because the stand-in's package may import upload
// and not the other way round): the shared rate-limit gate, exactly-once, abort and client-side auth.
import { describe, expect, it } from 'vitest'
import { createRateGate, getAuthenticationParameters, type RateGate } from '@imagekit-fp/utils'
import { uploadMany, type UploadManyOutcome, type UploadManyReport } from '@imagekit-fp/upload'
import { createImagekitStandIn } from '@imagekit-fp/testing'

type StandIn = ReturnType<typeof createImagekitStandIn>

const files = (n: number, prefix = 'f') =>
  Array.from({ length: n }, (_, i) => ({
    file: new TextEncoder().encode(`file ${i}`),
    fileName: `${prefix}${i}.txt`,
    useUniqueFileName: false,
  }))

/** An async source of requests that counts what was pulled from it. */
const source = <T>(items: readonly T[]) => {
  const seen = { pulls: 0 }
  async function* gen() {
    for (const item of items) {
      seen.pulls++
      yield item
    }
  }
  return { seen, requests: gen() }
}

/**
 * The stand-in's fetch, recording for each request whether it was sent while the gate was closed; and a gate
 * that notes how long it was closed (around `inner`, by default a real one).
 */
const recording = (s: StandIn, inner: RateGate = createRateGate()) => {
  let closedUntil = -Infinity
  const sent: { readonly whileClosed: boolean }[] = []
  // A proxy: everything else of the inner gate stays reachable.
  const closeUntil = (t: number) => {
    closedUntil = Math.max(closedUntil, t)
    inner.closeUntil(t)
  }
  const gate = new Proxy(inner, {
    get: (target, key) => (key === 'closeUntil' ? closeUntil : Reflect.get(target, key)),
  })
  const fetch: typeof globalThis.fetch = (input, init) => {
    sent.push({ whileClosed: Date.now() < closedUntil })
    return s.fetch(input, init)
  }
  return { gate, fetch, sent, closed: () => closedUntil > -Infinity }
}

const indexes = (r: UploadManyReport) =>
  [...r.done, ...r.failed].map((o: UploadManyOutcome) => o.index).sort((a, b) => a - b)
const range = (n: number) => Array.from({ length: n }, (_, i) => i)

describe('uploadMany against the stand-in', () => {
  it('a 429 pauses every worker: no request is sent while the gate is closed, and the file is sent again', async () => {
    const s = createImagekitStandIn()
    s.inject({ operation: 'upload-file', status: 429, retryAfter: 1 })
    const r = recording(s)
    const result = await uploadMany({ privateKey: s.privateKey, fetch: r.fetch, retry: 0 }, files(24), {
      concurrency: 4,
      gate: r.gate,
    })()
    if (result._tag === 'Left') throw new Error(result.left.message)
    expect(r.closed()).toBe(true)
    expect(r.sent.filter((x) => x.whileClosed)).toStrictEqual([])
    expect(r.sent.length).toBe(25)
    expect([result.right.done.length, result.right.failed, result.right.total]).toStrictEqual([24, [], 24])
    expect(
      s
        .files()
        .map((f) => f.name)
        .sort(),
    ).toStrictEqual(
      files(24)
        .map((f) => f.fileName)
        .sort(),
    )
  })

  it('(the check above can fail) with a gate that never closes, requests are sent during the window', async () => {
    const s = createImagekitStandIn()
    s.inject({ operation: 'upload-file', status: 429, retryAfter: 1 })
    const open: RateGate = { whenOpen: () => Promise.resolve(true), closeUntil: () => undefined }
    const r = recording(s, open)
    await uploadMany({ privateKey: s.privateKey, fetch: r.fetch, retry: 0 }, files(24), {
      concurrency: 4,
      gate: r.gate,
      maxRateLimitRounds: 0,
    })()
    expect(r.sent.filter((x) => x.whileClosed).length).toBeGreaterThan(0)
  })

  it('reports every request exactly once through 429s and a 503, and stores each done file once', async () => {
    const s = createImagekitStandIn()
    s.inject({ operation: 'upload-file', status: 429, retryAfter: 0.05, times: 3 })
    const { seen, requests } = source(files(30))
    const told: number[] = []
    const result = await uploadMany({ privateKey: s.privateKey, fetch: s.fetch }, requests, {
      concurrency: 5,
      onItem: (o) => told.push(o.index),
    })()
    if (result._tag === 'Left') throw new Error(result.left.message)
    const report = result.right
    expect(indexes(report)).toStrictEqual(range(30))
    expect(told.sort((a, b) => a - b)).toStrictEqual(range(30))
    expect([report.total, report.failed, seen.pulls, report.aborted]).toStrictEqual([30, [], 30, false])
    expect(
      s
        .files()
        .map((f) => f.name)
        .sort(),
    ).toStrictEqual(report.done.map((o) => o.ref.fileName).sort())
    expect(s.requests().filter((q) => q.status === 429).length).toBe(3)

    s.inject({ operation: 'upload-file', status: 503 })
    const again = await uploadMany({ privateKey: s.privateKey, fetch: s.fetch }, files(3, 'g'), {
      concurrency: 1,
    })()
    expect(
      again._tag === 'Right' && again.right.failed.map((o) => [o.index, o.ref, o.error._tag]),
    ).toStrictEqual([[0, { fileName: 'g0.txt' }, 'HttpError']])
  })

  it('an abort stops reading requests; everything read is in the report once; aborted: true', async () => {
    const s = createImagekitStandIn()
    const c = new AbortController()
    const { seen, requests } = source(files(200))
    const result = await uploadMany({ privateKey: s.privateKey, fetch: s.fetch }, requests, {
      concurrency: 2,
      signal: c.signal,
      onItem: (o) => {
        if (o.index === 5) c.abort()
      },
    })()
    if (result._tag === 'Left') throw new Error(result.left.message)
    const report = result.right
    expect(report.aborted).toBe(true)
    expect(report.total).toBe(seen.pulls)
    expect(report.total).toBeLessThan(200)
    expect(indexes(report)).toStrictEqual(range(report.total))
    const stored = new Set(s.files().map((f) => f.name))
    for (const o of report.done) expect(stored.has(o.ref.fileName)).toBe(true)
    for (const o of report.failed)
      expect([o.error._tag, o.error._tag === 'NetworkError' && o.error.reason]).toStrictEqual([
        'NetworkError',
        'Aborted',
      ])
  })

  it('client-side: calls options.auth once per request that is sent, never for an invalid one', async () => {
    const s = createImagekitStandIn()
    let calls = 0
    const auth = () => {
      calls++
      return Promise.resolve(getAuthenticationParameters({ privateKey: s.privateKey }))
    }
    const requests = [...files(6), { file: 'not base64 /x', fileName: 'bad.txt' }, ...files(4, 'h')]
    const result = await uploadMany({ publicKey: s.publicKey, fetch: s.fetch }, requests, {
      auth,
      concurrency: 3,
    })()
    if (result._tag === 'Left') throw new Error(result.left.message)
    expect(calls).toBe(10)
    expect(result.right.done.length).toBe(10)
    expect(result.right.failed).toStrictEqual([
      {
        _tag: 'Failed',
        index: 6,
        ref: { fileName: 'bad.txt' },
        error: {
          _tag: 'ValidationError',
          path: 'request.file',
          message:
            'looks like a path on disk, not base64: use fileFromPath from @imagekit-fp/upload/node (or send the bytes, a Blob or a base64 data URL)',
        },
      },
    ])
    expect(s.requests().map((q) => q.auth)).toStrictEqual(Array(10).fill('client'))
  })

  it('a failing auth fails its request only', async () => {
    const s = createImagekitStandIn()
    let calls = 0
    const auth = () =>
      ++calls === 2
        ? Promise.reject(new Error('auth server down'))
        : Promise.resolve(getAuthenticationParameters({ privateKey: s.privateKey }))
    const result = await uploadMany({ publicKey: s.publicKey, fetch: s.fetch }, files(3), {
      auth,
      concurrency: 1,
    })()
    expect(result._tag === 'Right' && result.right.failed).toStrictEqual([
      {
        _tag: 'Failed',
        index: 1,
        ref: { fileName: 'f1.txt' },
        error: {
          _tag: 'NetworkError',
          reason: 'Transport',
          message: 'options.auth failed: no upload credentials for this file',
          cause: new Error('auth server down'),
        },
      },
    ])
  })

  it('no outcome carries the private key, whatever failed', async () => {
    const s = createImagekitStandIn()
    s.inject({ operation: 'upload-file', status: 500, times: 2 })
    s.inject({ operation: 'upload-file', reset: true })
    const result = await uploadMany({ privateKey: s.privateKey, fetch: s.fetch, retry: 0 }, files(6), {
      concurrency: 2,
    })()
    if (result._tag === 'Left') throw new Error(result.left.message)
    expect(result.right.failed.length).toBe(3)
    const text = JSON.stringify(result.right, (_k, v: unknown) =>
      v instanceof Error ? { message: v.message, cause: v.cause } : v,
    )
    expect(text.includes(s.privateKey)).toBe(false)
    expect(text.includes(btoa(`${s.privateKey}:`))).toBe(false)
  })
})
