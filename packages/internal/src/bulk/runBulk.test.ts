import type { either } from 'fp-ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { left, right } from '../either'
import { createRateGate } from './gate'
import { runBulk, type BulkOptions, type BulkOutcome, type BulkProgress } from './runBulk'

interface Ref {
  readonly id: number
}
type Opts = BulkOptions<number, Ref, number, string>
const T0 = 1_700_000_000_000

const options = (o: Partial<Opts> = {}): Opts => ({
  ref: (i) => ({ id: i }),
  concurrency: 3,
  gate: createRateGate(),
  isRateLimited: (e) => e === '429',
  now: () => Date.now(),
  ...o,
})

/** Lets pending promise callbacks run (`n` turns of the microtask queue). */
const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await Promise.resolve()
}

const deferred = <T>() => {
  let resolve!: (v: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

/** A source of `n` numbers that counts what was pulled from it and whether it was closed. */
const counted = (n: number, kind: 'sync' | 'async', throwAt?: number) => {
  const seen = { pulls: 0, closed: false }
  function* sync() {
    try {
      for (let i = 0; i < n; i++) {
        if (i === throwAt) throw new Error('disk gone')
        seen.pulls++
        yield i
      }
    } finally {
      seen.closed = true
    }
  }
  async function* async_() {
    yield* sync()
  }
  return { seen, items: kind === 'sync' ? sync() : async_() }
}

// A work whose items settle in a scrambled order: item i waits (i * 7) % 5 microtask turns.
const scrambled = async (i: number): Promise<either.Either<string, number>> => {
  await ticks((i * 7) % 5)
  return i % 7 === 3 ? left(`no ${i}`) : right(i * 10)
}

afterEach(() => {
  vi.useRealTimers()
})

describe('runBulk: every item exactly once', () => {
  it.each([
    ['an array', () => range(30)],
    ['a sync generator', () => counted(30, 'sync').items],
    ['an async generator', () => counted(30, 'async').items],
  ])('from %s', async (_, items) => {
    const told: BulkOutcome<Ref, number, string>[] = []
    const report = await runBulk(items(), scrambled, options({ onItem: (o) => told.push(o) }))
    const failing = range(30).filter((i) => i % 7 === 3)
    expect(report.total).toBe(30)
    expect(report.aborted).toBe(false)
    expect([...report.done].sort((a, b) => a.index - b.index)).toStrictEqual(
      range(30)
        .filter((i) => i % 7 !== 3)
        .map((i) => ({ _tag: 'Done', index: i, ref: { id: i }, result: i * 10 })),
    )
    expect([...report.failed].sort((a, b) => a.index - b.index)).toStrictEqual(
      failing.map((i) => ({ _tag: 'Failed', index: i, ref: { id: i }, error: `no ${i}` })),
    )
    expect(told.map((o) => o.index).sort((a, b) => a - b)).toStrictEqual(range(30))
  })

  it.each(['sync', 'async'] as const)(
    'a %s generator that throws half-way: the items before it settle, and one Failed outcome ends the input',
    async (kind) => {
      const { items, seen } = counted(10, kind, 5)
      const report = await runBulk(items, scrambled, options())
      expect(report.total).toBe(6)
      expect(report.done.map((o) => o.index).sort()).toStrictEqual([0, 1, 2, 4])
      expect([...report.failed].sort((a, b) => a.index - b.index)).toStrictEqual([
        { _tag: 'Failed', index: 3, ref: { id: 3 }, error: 'no 3' },
        { _tag: 'Failed', index: 5, ref: undefined, error: new Error('disk gone') },
      ])
      expect(seen.pulls).toBe(5)
    },
  )

  it('the input error goes through options.thrown, which has no item for it', async () => {
    const { items } = counted(10, 'async', 2)
    const report = await runBulk(
      items,
      scrambled,
      options({
        thrown: (e, item) => ({ ref: { id: item ?? -1 }, error: `threw: ${(e as Error).message}` }),
      }),
    )
    expect(report.failed).toStrictEqual([
      { _tag: 'Failed', index: 2, ref: { id: -1 }, error: 'threw: disk gone' },
    ])
    expect(report.total).toBe(3)
  })

  it('a work that throws, rejects or returns no Either fails that item only', async () => {
    const work = (i: number): Promise<either.Either<string, number>> => {
      if (i === 1) throw new Error('sync throw')
      if (i === 2) return Promise.reject(new Error('rejected'))
      if (i === 3) return Promise.resolve('nonsense' as unknown as either.Either<string, number>)
      return Promise.resolve(right(i))
    }
    const report = await runBulk(
      range(5),
      work,
      options({ thrown: (e, item) => ({ ref: { id: item ?? -1 }, error: String(e) }) }),
    )
    expect(report.done.map((o) => o.index).sort()).toStrictEqual([0, 4])
    expect([...report.failed].sort((a, b) => a.index - b.index)).toStrictEqual([
      { _tag: 'Failed', index: 1, ref: { id: 1 }, error: 'Error: sync throw' },
      { _tag: 'Failed', index: 2, ref: { id: 2 }, error: 'Error: rejected' },
      { _tag: 'Failed', index: 3, ref: { id: 3 }, error: 'TypeError: work returned no Either' },
    ])
  })

  it('a ref that throws fails that item without running it', async () => {
    const ran: number[] = []
    const report = await runBulk(
      range(3),
      (i) => {
        ran.push(i)
        return Promise.resolve(right(i))
      },
      options({
        ref: (i) => {
          if (i === 1) throw new Error('bad item')
          return { id: i }
        },
      }),
    )
    expect(ran.sort()).toStrictEqual([0, 2])
    expect(report.failed).toStrictEqual([
      { _tag: 'Failed', index: 1, ref: undefined, error: new Error('bad item') },
    ])
  })

  it("keep: 'failed' leaves report.done empty, and onItem still sees every item", async () => {
    const told: number[] = []
    const report = await runBulk(
      range(20),
      scrambled,
      options({ keep: 'failed', onItem: (o) => told.push(o.index) }),
    )
    expect(report.done).toStrictEqual([])
    expect(report.failed.map((o) => o.index).sort((a, b) => a - b)).toStrictEqual([3, 10, 17])
    expect(told.sort((a, b) => a - b)).toStrictEqual(range(20))
  })

  it('callbacks that throw change nothing', async () => {
    const report = await runBulk(
      range(4),
      scrambled,
      options({
        onItem: () => {
          throw new Error('x')
        },
        onProgress: () => {
          throw new Error('y')
        },
      }),
    )
    expect([report.done.length, report.failed.length, report.total]).toStrictEqual([3, 1, 4])
  })
})

describe('runBulk: concurrency and reading', () => {
  it('never has more than `concurrency` items in flight, and reaches it', async () => {
    let now = 0
    let max = 0
    const report = await runBulk(
      range(25),
      async (i) => {
        now++
        max = Math.max(max, now)
        await new Promise((r) => setTimeout(r, i % 4))
        now--
        return right(i)
      },
      options({ concurrency: 4 }),
    )
    expect(max).toBe(4)
    expect(report.done.length).toBe(25)
  })

  it('reads at most `concurrency` items ahead of what has settled', async () => {
    const { items, seen } = counted(1000, 'async')
    let settled = 0
    const ahead: number[] = []
    const gates = range(1000).map(() => deferred<undefined>())
    const run = runBulk(
      items,
      async (i) => {
        ahead.push(seen.pulls - settled)
        await gates[i]!.promise
        return right(i)
      },
      options({ concurrency: 4, onItem: () => settled++ }),
    )
    await ticks(50)
    expect(seen.pulls).toBe(4)
    for (const g of gates) {
      g.resolve(undefined)
      await ticks(5)
    }
    const report = await run
    expect(report.total).toBe(1000)
    expect(Math.max(...ahead)).toBeLessThanOrEqual(4)
  })

  it('an abort stops reading; in-flight work gets an aborted signal; the report says aborted', async () => {
    const { items, seen } = counted(100, 'async')
    const c = new AbortController()
    const started: number[] = []
    const run = runBulk(
      items,
      (i, signal) => {
        started.push(i)
        return new Promise((resolve) =>
          signal.addEventListener('abort', () => resolve(left(`aborted ${i}`)), { once: true }),
        )
      },
      options({ concurrency: 2, signal: c.signal }),
    )
    await ticks(50)
    expect(started).toStrictEqual([0, 1])
    c.abort()
    const report = await run
    expect(report).toStrictEqual({
      done: [],
      failed: [
        { _tag: 'Failed', index: 0, ref: { id: 0 }, error: 'aborted 0' },
        { _tag: 'Failed', index: 1, ref: { id: 1 }, error: 'aborted 1' },
      ],
      total: 2,
      aborted: true,
    })
    expect(seen).toStrictEqual({ pulls: 2, closed: true })
  })

  it('an already aborted signal reads nothing', async () => {
    const { items, seen } = counted(10, 'sync')
    const report = await runBulk(items, scrambled, options({ signal: AbortSignal.abort() }))
    expect(report).toStrictEqual({ done: [], failed: [], total: 0, aborted: true })
    expect(seen.pulls).toBe(0)
  })
})

describe('runBulk: the rate-limit gate', () => {
  it('a 429 pauses every worker until the gate reopens, then the item runs again and succeeds', async () => {
    vi.useFakeTimers({ now: T0 })
    const gate = createRateGate({ now: () => Date.now() })
    const calls: [number, number][] = []
    const progress: BulkProgress[] = []
    const run = runBulk(
      range(8),
      async (i) => {
        calls.push([i, Date.now() - T0])
        if (i === 1 && calls.filter(([j]) => j === 1).length === 1) {
          gate.closeUntil(Date.now() + 1000)
          return left('429')
        }
        await new Promise((r) => setTimeout(r, 100))
        return right(i)
      },
      options({ gate, onProgress: (p) => progress.push(p) }),
    )
    await vi.runAllTimersAsync()
    const report = await run
    expect(report.done.map((o) => o.index).sort()).toStrictEqual(range(8))
    expect(report.failed).toStrictEqual([])
    expect(calls.filter(([, t]) => t > 0 && t < 1000)).toStrictEqual([])
    expect(calls.slice(0, 4)).toStrictEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [1, 1000],
    ])
    expect(progress.some((p) => p.waitingForRateLimit)).toBe(true)
    expect(progress.at(-1)?.waitingForRateLimit).toBe(false)
  })

  it.each([
    [2, 3],
    [undefined, 21],
    [0, 1],
  ])(
    'with maxRateLimitRounds %s an item that keeps meeting 429 runs %s times, then fails with its last 429',
    async (rounds, runs) => {
      vi.useFakeTimers({ now: T0 })
      const gate = createRateGate({ now: () => Date.now() })
      let n = 0
      const run = runBulk(
        [7],
        () => {
          n++
          gate.closeUntil(Date.now() + 10)
          return Promise.resolve(left('429'))
        },
        options({ gate, ...(rounds === undefined ? {} : { maxRateLimitRounds: rounds }) }),
      )
      await vi.runAllTimersAsync()
      expect(await run).toStrictEqual({
        done: [],
        failed: [{ _tag: 'Failed', index: 0, ref: { id: 7 }, error: '429' }],
        total: 1,
        aborted: false,
      })
      expect(n).toBe(runs)
    },
  )

  it('an abort while an item waits for the gate fails it with its 429', async () => {
    vi.useFakeTimers({ now: T0 })
    const gate = createRateGate({ now: () => Date.now() })
    const c = new AbortController()
    const run = runBulk(
      [1, 2],
      () => {
        gate.closeUntil(Date.now() + 60_000)
        return Promise.resolve(left('429'))
      },
      options({ gate, signal: c.signal, concurrency: 1 }),
    )
    await vi.advanceTimersByTimeAsync(100)
    c.abort()
    expect(await run).toStrictEqual({
      done: [],
      failed: [{ _tag: 'Failed', index: 0, ref: { id: 1 }, error: '429' }],
      total: 1,
      aborted: true,
    })
  })
})

describe('runBulk: progress', () => {
  it('counts items and bytes, and estimates the time left once it can', async () => {
    let t = 0
    const sizes = [10, 30, 20]
    const gates = sizes.map(() => deferred<undefined>())
    const progress: BulkProgress[] = []
    const run = runBulk(
      [0, 1, 2],
      async (i) => {
        await gates[i]!.promise
        return i === 1 ? left('no') : right(i)
      },
      options({ concurrency: 2, now: () => t, sizeOf: (i) => sizes[i], onProgress: (p) => progress.push(p) }),
    )
    await ticks(20)
    t = 100
    gates[0]!.resolve(undefined)
    await ticks(20)
    t = 200
    gates[1]!.resolve(undefined)
    await ticks(20)
    t = 300
    gates[2]!.resolve(undefined)
    await run
    const p = (done: number, failed: number, inFlight: number, bytesDone: number, elapsedMs: number) => ({
      done,
      failed,
      inFlight,
      bytesDone,
      elapsedMs,
      waitingForRateLimit: false,
    })
    expect(progress).toStrictEqual([
      p(0, 0, 0, 0, 0),
      p(0, 0, 1, 0, 0),
      p(0, 0, 2, 0, 0),
      p(1, 0, 1, 10, 100),
      p(1, 0, 2, 10, 100),
      p(1, 1, 1, 10, 200),
      // the input has ended: 60 bytes in all, 40 settled in 200 ms, 20 left
      { ...p(1, 1, 1, 10, 200), bytesTotal: 60, etaMs: 100 },
      { ...p(2, 1, 0, 30, 300), bytesTotal: 60, etaMs: 0 },
      { ...p(2, 1, 0, 30, 300), bytesTotal: 60, etaMs: 0 },
    ])
  })

  it('without sizes, estimates by items once the input has ended, and gives no byte total', async () => {
    let t = 0
    const progress: BulkProgress[] = []
    await runBulk(
      [0, 1, 2, 3],
      (i) => {
        t += 50
        return Promise.resolve(right(i))
      },
      options({
        concurrency: 1,
        now: () => t,
        sizeOf: (i) => (i === 2 ? undefined : 5),
        onProgress: (p) => progress.push(p),
      }),
    )
    expect(progress.filter((p) => p.etaMs !== undefined || p.bytesTotal !== undefined)).toStrictEqual([
      {
        done: 4,
        failed: 0,
        inFlight: 0,
        bytesDone: 15,
        elapsedMs: 200,
        etaMs: 0,
        waitingForRateLimit: false,
      },
      {
        done: 4,
        failed: 0,
        inFlight: 0,
        bytesDone: 15,
        elapsedMs: 200,
        etaMs: 0,
        waitingForRateLimit: false,
      },
    ])
  })
})

describe('runBulk: signals', () => {
  it("gives each worker its own signal: the caller's gets one listener, none gets more than a request's few", async () => {
    const caller = new AbortController()
    const added = vi.spyOn(caller.signal, 'addEventListener')
    const seen = new Map<AbortSignal, number>()
    const warnings: string[] = []
    const onWarning = (w: Error) => warnings.push(w.name)
    process.on('warning', onWarning)
    // Each item listens on its signal the way fetch does while in flight (one listener per request).
    const report = await runBulk(
      range(64),
      async (i, signal) => {
        const listener = () => undefined
        signal.addEventListener('abort', listener)
        seen.set(signal, (seen.get(signal) ?? 0) + 1)
        await ticks(3)
        signal.removeEventListener('abort', listener)
        return right(i)
      },
      options({ concurrency: 16, signal: caller.signal }),
    )
    await new Promise((r) => setTimeout(r, 0))
    process.off('warning', onWarning)
    expect([report.done.length, report.failed.length, added.mock.calls.length]).toStrictEqual([64, 0, 1])
    expect(seen.size).toBe(16)
    expect(warnings).toStrictEqual([])
  })

  it("aborts every worker's signal when the caller's aborts", async () => {
    const caller = new AbortController()
    const signals = new Set<AbortSignal>()
    const started = deferred<undefined>()
    const report = await runBulk(
      range(10),
      (i, signal) => {
        signals.add(signal)
        if (signals.size === 4) started.resolve(undefined)
        return new Promise<either.Either<string, number>>((resolve) =>
          signal.addEventListener('abort', () => resolve(left(`aborted ${i}`)), { once: true }),
        )
      },
      (started.promise.then(() => caller.abort()), options({ concurrency: 4, signal: caller.signal })),
    )
    expect([
      signals.size,
      [...signals].every((s) => s.aborted),
      report.aborted,
      report.failed.length,
    ]).toStrictEqual([4, true, true, 4])
  })
})

describe('runBulk: a broken clock', () => {
  it('keeps the report when the clock throws mid-run (it reads as Date.now())', async () => {
    let calls = 0
    const now = () => {
      if (++calls > 3) throw new Error('clock gone')
      return Date.now()
    }
    const report = await runBulk(
      range(6),
      async (i) => right(i),
      options({ now, onProgress: () => undefined }),
    )
    expect([report.done.map((o) => o.result), report.failed, report.total]).toStrictEqual([range(6), [], 6])
  })
})
