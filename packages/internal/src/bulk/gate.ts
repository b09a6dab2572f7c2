// The rate-limit gate of bulk work: one pause shared by every worker that holds it. A per-time-window limit is not
// cured by each request backing off alone, so a 429 seen by one worker closes the gate for all of them. The gate is
// a value its caller creates and passes on; nothing here is global.

/** A shared pause for every worker of one or more bulk calls. Belongs to the caller, never global. */
export interface RateGate {
  /** Resolves `true` when the gate is open (at once, or when it reopens), `false` if `signal` aborts first. Never rejects. */
  readonly whenOpen: (signal?: AbortSignal) => Promise<boolean>
  /** Closes the gate until `epochMs` (the later of the current and the new time wins). */
  readonly closeUntil: (epochMs: number) => void
}

/**
 * A gate from {@link createRateGate} answers at once whether it is open (a key no other code holds), so that
 * {@link gateFetch} checks it again in the very turn it sends: between `whenOpen` resolving and the send, another
 * worker's 429 may have closed it.
 */
const IS_OPEN: unique symbol = /*#__PURE__*/ Symbol()

/** The longest single timer (setTimeout fires at once past 2^31-1 ms); a longer close waits in steps. */
const MAX_TIMER_MS = 2_147_483_647

/** Duck-typed (Vercel Edge tags its signals `[object EventTarget]`): `aborted` and listener methods. */
const isSignal = (u: unknown): u is AbortSignal => {
  try {
    const s = u as AbortSignal
    return (
      typeof s?.aborted === 'boolean' &&
      typeof s.addEventListener === 'function' &&
      typeof s.removeEventListener === 'function'
    )
  } catch {
    return false
  }
}

/** The longest pause one 429 can ask for: an hour (a longer Reset is a broken header, not a window). */
export const MAX_RATE_LIMIT_WAIT_MS = 3_600_000

/** The pause after a 429 that names no wait. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 1000

/** Calls the clock; a clock that throws or returns no finite number reads as `Date.now()`. */
export const reading = (now: () => number) => (): number => {
  try {
    const t = now()
    if (typeof t === 'number' && Number.isFinite(t)) return t
  } catch {
    // fall through
  }
  return Date.now()
}

/**
 * A new, open {@link RateGate}. `options.now` is the clock that `closeUntil` times are read against (default
 * `Date.now`). A timer runs only while a worker waits on a closed gate, so an idle gate keeps no process alive.
 */
export const createRateGate = (options?: { readonly now?: () => number }): RateGate => {
  const now = reading(typeof options?.now === 'function' ? options.now : Date.now)
  let until = -Infinity
  let timer: ReturnType<typeof setTimeout> | undefined
  const waiters = new Set<() => void>()

  const stop = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }
  // Re-reads the clock when the timer fires (timers may fire early, or the clock may be a test's).
  const check = () => {
    stop()
    if (waiters.size === 0) return
    const wait = until - now()
    if (wait > 0) timer = setTimeout(check, Math.min(Math.ceil(wait), MAX_TIMER_MS))
    else for (const open of [...waiters]) open()
  }

  const isOpen = () => until <= now()
  const gate: RateGate & { readonly [IS_OPEN]: () => boolean } = {
    [IS_OPEN]: isOpen,
    whenOpen: (given) => {
      // Something that is not a usable signal is no signal: the promise must never reject.
      const signal = isSignal(given) ? given : undefined
      if (signal?.aborted) return Promise.resolve(false)
      if (isOpen()) return Promise.resolve(true)
      return new Promise<boolean>((resolve) => {
        const settle = (open: boolean) => {
          waiters.delete(waiter)
          signal?.removeEventListener('abort', aborted)
          if (waiters.size === 0) stop()
          resolve(open)
        }
        const waiter = () => settle(true)
        const aborted = () => settle(false)
        waiters.add(waiter)
        signal?.addEventListener('abort', aborted, { once: true })
        if (timer === undefined) check()
      })
    },
    closeUntil: (epochMs) => {
      if (typeof epochMs !== 'number' || Number.isNaN(epochMs) || epochMs <= until) return
      until = epochMs
      if (waiters.size > 0) check()
    },
  }
  return gate
}

/**
 * The wait a 429 reply asks for, in ms: `X-RateLimit-Reset` (ms until ImageKit's window reopens), else
 * `Retry-After` (seconds, rounded up to whole ones, or an HTTP date), else 1 s; at most an hour. The reset comes first because it is
 * exact: waiting out a rounded-up `Retry-After` wastes up to a second of every window.
 */
export const rateLimitWaitMs = (headers: Headers, now: number): number =>
  Math.min(askedWaitMs(headers, now), MAX_RATE_LIMIT_WAIT_MS)

const askedWaitMs = (headers: Headers, now: number): number => {
  const reset = headers.get('x-ratelimit-reset')?.trim()
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return +reset
  const after = headers.get('retry-after')?.trim()
  if (after) {
    if (/^\d+(\.\d+)?$/.test(after)) return +after * 1000
    const date = Date.parse(after)
    if (Number.isFinite(date)) return Math.max(0, date - now)
  }
  return DEFAULT_RATE_LIMIT_WAIT_MS
}

/** The signal of a fetch call: `init.signal`, else the `Request`'s own. */
const signalOf = (input: unknown, init: RequestInit | undefined): AbortSignal | undefined => {
  try {
    return init?.signal ?? (input as Request | undefined)?.signal ?? undefined
  } catch {
    return undefined
  }
}

/**
 * Wraps a fetch so every 429 reply closes the gate until X-RateLimit-Reset (ms from now) or Retry-After
 * (seconds or HTTP date) says, default 1 s. The reply itself is passed on untouched.
 * Each call first waits while the gate is closed (so a transport's own retries do not send into a closed
 * window either); when the call's signal aborts during that wait, the fetch is made anyway and rejects as aborted.
 */
export const gateFetch =
  (gate: RateGate, fetch: typeof globalThis.fetch, now: () => number): typeof globalThis.fetch =>
  async (input, init) => {
    const signal = signalOf(input, init)
    const isOpen = (gate as Partial<Record<typeof IS_OPEN, () => boolean>>)[IS_OPEN]
    while ((await gate.whenOpen(signal)) && isOpen !== undefined && !isOpen()) {
      // closed again by a 429 that arrived while this call was waking: wait once more
    }
    const reply = await fetch(input, init)
    try {
      if (reply.status === 429) {
        const t = reading(now)()
        gate.closeUntil(t + rateLimitWaitMs(reply.headers, t))
      }
    } catch {
      // a reply without readable status or headers: the transport reports it
    }
    return reply
  }
