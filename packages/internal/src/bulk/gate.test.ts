import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRateGate, gateFetch, rateLimitWaitMs } from './gate'

const T0 = 1_700_000_000_000

/** A promise's state, read without awaiting it. */
const watch = <T>(p: Promise<T>) => {
  const s: { value: T | 'pending' } = { value: 'pending' }
  void p.then((v) => (s.value = v))
  return s
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createRateGate', () => {
  it('is open at first: whenOpen resolves true at once', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    expect(await gate.whenOpen()).toBe(true)
  })

  it('stays closed until the time closeUntil names, then lets every waiter go', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    gate.closeUntil(T0 + 1000)
    const a = watch(gate.whenOpen())
    const b = watch(gate.whenOpen())
    await vi.advanceTimersByTimeAsync(999)
    expect([a.value, b.value]).toStrictEqual(['pending', 'pending'])
    await vi.advanceTimersByTimeAsync(1)
    expect([a.value, b.value]).toStrictEqual([true, true])
    expect(await gate.whenOpen()).toBe(true)
  })

  it('takes something that is not a signal as no signal, and never rejects', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    gate.closeUntil(T0 + 100)
    const a = watch(gate.whenOpen({ aborted: false } as unknown as AbortSignal))
    await vi.advanceTimersByTimeAsync(100)
    expect(a.value).toBe(true)
  })

  it('keeps the later of two times', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    gate.closeUntil(T0 + 1000)
    gate.closeUntil(T0 + 500)
    const a = watch(gate.whenOpen())
    await vi.advanceTimersByTimeAsync(600)
    expect(a.value).toBe('pending')
    gate.closeUntil(T0 + 2000)
    await vi.advanceTimersByTimeAsync(1399)
    expect(a.value).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(a.value).toBe(true)
  })

  it('resolves false when the signal aborts first, or was aborted already', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    gate.closeUntil(T0 + 1000)
    const c = new AbortController()
    const a = watch(gate.whenOpen(c.signal))
    await vi.advanceTimersByTimeAsync(10)
    c.abort()
    await vi.advanceTimersByTimeAsync(0)
    expect(a.value).toBe(false)
    expect(await gate.whenOpen(AbortSignal.abort())).toBe(false)
    expect(await createRateGate().whenOpen(AbortSignal.abort())).toBe(false)
  })

  it('runs a timer only while someone waits on a closed gate', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    gate.closeUntil(T0 + 1000)
    expect(vi.getTimerCount()).toBe(0)
    const c = new AbortController()
    const a = watch(gate.whenOpen(c.signal))
    expect(vi.getTimerCount()).toBe(1)
    c.abort()
    await vi.advanceTimersByTimeAsync(0)
    expect([a.value, vi.getTimerCount()]).toStrictEqual([false, 0])
  })

  it('reads time from its own clock, not the timer: a clock that has not moved keeps it closed', async () => {
    let t = T0
    const gate = createRateGate({ now: () => t })
    gate.closeUntil(T0 + 100)
    const a = watch(gate.whenOpen())
    await vi.advanceTimersByTimeAsync(500)
    expect(a.value).toBe('pending')
    t = T0 + 100
    await vi.advanceTimersByTimeAsync(100)
    expect(a.value).toBe(true)
  })

  it('ignores a time that is not a number, and reads a broken clock as Date.now()', async () => {
    const gate = createRateGate({
      now: () => {
        throw new Error('broken clock')
      },
    })
    gate.closeUntil(NaN)
    gate.closeUntil('soon' as unknown as number)
    expect(await gate.whenOpen()).toBe(true)
    gate.closeUntil(T0 + 50)
    const a = watch(gate.whenOpen())
    await vi.advanceTimersByTimeAsync(49)
    expect(a.value).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(a.value).toBe(true)
  })
})

describe('rateLimitWaitMs', () => {
  it.each([
    ['Retry-After in seconds', { 'retry-after': '3' }, 3000],
    ['Retry-After in fractional seconds', { 'retry-after': '1.5' }, 1500],
    ['Retry-After as an HTTP date', { 'retry-after': new Date(T0 + 7000).toUTCString() }, 7000],
    ['Retry-After as a past HTTP date', { 'retry-after': new Date(T0 - 7000).toUTCString() }, 0],
    ['X-RateLimit-Reset in ms', { 'x-ratelimit-reset': '2500' }, 2500],
    [
      'X-RateLimit-Reset (exact) before Retry-After (whole seconds)',
      { 'retry-after': '1', 'x-ratelimit-reset': '240' },
      240,
    ],
    ['an unreadable reset, then Retry-After', { 'retry-after': '2', 'x-ratelimit-reset': 'soon' }, 2000],
    ['an unreadable Retry-After alone: the default', { 'retry-after': 'soon' }, 1000],
    ['no header: 1 s', {}, 1000],
    ['a reset of three years: an hour at most', { 'x-ratelimit-reset': '99999999999' }, 3_600_000],
  ])('%s', (_, headers, ms) => {
    expect(rateLimitWaitMs(new Headers(headers), T0)).toBe(ms)
  })
})

describe('gateFetch', () => {
  const reply = (status: number, headers: Record<string, string> = {}) =>
    new Response('{}', { status, headers })

  it.each([
    ['Retry-After seconds', { 'retry-after': '2' }, 2000],
    ['Retry-After HTTP date', { 'retry-after': new Date(T0 + 3000).toUTCString() }, 3000],
    ['X-RateLimit-Reset ms', { 'x-ratelimit-reset': '1200' }, 1200],
    ['no header (1 s)', {}, 1000],
  ])('a 429 with %s closes the gate for that long and is passed on untouched', async (_, headers, ms) => {
    const gate = createRateGate({ now: () => Date.now() })
    const r = reply(429, headers)
    const f = gateFetch(
      gate,
      () => Promise.resolve(r),
      () => Date.now(),
    )
    expect(await f('https://upload.example/x')).toBe(r)
    const a = watch(gate.whenOpen())
    await vi.advanceTimersByTimeAsync(ms - 1)
    expect(a.value).toBe('pending')
    await vi.advanceTimersByTimeAsync(1)
    expect(a.value).toBe(true)
  })

  it('leaves the gate open on any other status', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    for (const status of [200, 500, 503]) {
      const f = gateFetch(
        gate,
        () => Promise.resolve(reply(status, { 'retry-after': '5' })),
        () => Date.now(),
      )
      expect((await f('https://x.example/')).status).toBe(status)
      expect(await gate.whenOpen()).toBe(true)
    }
  })

  it('sends nothing while the gate is closed: the call waits for it to reopen', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    const sent: number[] = []
    const f = gateFetch(
      gate,
      () => {
        sent.push(Date.now() - T0)
        return Promise.resolve(reply(200))
      },
      () => Date.now(),
    )
    gate.closeUntil(T0 + 800)
    const a = watch(f('https://x.example/'))
    await vi.advanceTimersByTimeAsync(799)
    expect([sent, a.value]).toStrictEqual([[], 'pending'])
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toStrictEqual([800])
  })

  it('checks the gate again in the turn it sends: a close that lands while the call wakes holds it back', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    const sent: number[] = []
    const f = gateFetch(
      gate,
      () => {
        sent.push(Date.now() - T0)
        return Promise.resolve(reply(200))
      },
      () => Date.now(),
    )
    const p = f('https://x.example/')
    gate.closeUntil(T0 + 500) // the gate was open when the call began, and closes before it sends
    await vi.advanceTimersByTimeAsync(499)
    expect(sent).toStrictEqual([])
    await vi.advanceTimersByTimeAsync(1)
    await p
    expect(sent).toStrictEqual([500])
  })

  it('an abort during the wait makes the call at once with the aborted signal (it rejects as aborted)', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    const seen: boolean[] = []
    const f = gateFetch(
      gate,
      (_input, init) => {
        seen.push(init?.signal?.aborted === true)
        return Promise.reject(new DOMException('aborted', 'AbortError'))
      },
      () => Date.now(),
    )
    gate.closeUntil(T0 + 10_000)
    const c = new AbortController()
    const p = f('https://x.example/', { signal: c.signal })
    c.abort()
    await expect(p).rejects.toThrow('aborted')
    expect(seen).toStrictEqual([true])
  })

  it('reads the signal of a Request too', async () => {
    const gate = createRateGate({ now: () => Date.now() })
    const seen: boolean[] = []
    const f = gateFetch(
      gate,
      (input) => {
        seen.push((input as Request).signal.aborted)
        return Promise.resolve(reply(200))
      },
      () => Date.now(),
    )
    gate.closeUntil(T0 + 10_000)
    const c = new AbortController()
    const p = f(new Request('https://x.example/', { signal: c.signal }))
    await vi.advanceTimersByTimeAsync(100)
    expect(seen).toStrictEqual([])
    c.abort()
    await p
    expect(seen).toStrictEqual([true])
  })
})
