// A rate limit per key in fixed windows: N requests per window, the next ones answered 429 as ImageKit does.
import { fail, type Reply } from './reply'

/**
 * A rate limit: at most `requests` calls per key (the Basic-auth private key, or the public key of a client-side
 * upload) in each fixed window of `windowMs` milliseconds (windows start at multiples of `windowMs` on the
 * stand-in's clock). Calls over the limit are answered 429 and do not count.
 *
 * @since 0.1.0
 * @category model
 */
export interface RateLimit {
  /** Calls allowed per key in one window (a positive integer). */
  readonly requests: number
  /** The window's length in milliseconds (a positive integer). */
  readonly windowMs: number
  /** The operations it counts and limits (operationIds, e.g. `upload-file`), together; every one when absent. */
  readonly operations?: readonly string[]
}

/** The rate limit of one stand-in and each key's current window. */
export interface RateLimiter {
  /** Replaces the limit (`undefined`: none) and forgets every window. */
  readonly set: (limit: RateLimit | undefined) => void
  /** Counts a call by `key` to `operation`; the 429 reply when its window is already full. */
  readonly take: (operation: string, key: string) => Reply | undefined
}

const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n > 0

/** Throws a `TypeError` on a limit that is not one (a test setup error, as `addFile`'s). */
const checked = (limit: RateLimit | undefined): RateLimit | undefined => {
  if (limit === undefined) return undefined
  if (!isCount(limit.requests) || !isCount(limit.windowMs))
    throw new TypeError('rateLimit: requests and windowMs must be positive integers.')
  if (limit.operations !== undefined && !Array.isArray(limit.operations))
    throw new TypeError('rateLimit: operations must be an array of operation names.')
  return { ...limit, ...(limit.operations === undefined ? {} : { operations: [...limit.operations] }) }
}

/** The 429 ImageKit answers when a window is full: `Retry-After` in whole seconds, `X-RateLimit-*` in ms. */
const tooMany = (limit: RateLimit, resetMs: number): Reply => ({
  ...fail(429, 'Too many requests. Retry after the time given in the X-RateLimit-Reset header.'),
  headers: {
    'retry-after': String(Math.ceil(resetMs / 1000)),
    'x-ratelimit-limit': String(limit.requests),
    'x-ratelimit-reset': String(resetMs),
    'x-ratelimit-interval': String(limit.windowMs),
  },
})

/** A rate limiter on clock `now`, starting with `initial` (none when absent). */
export const makeRateLimiter = (now: () => number, initial?: RateLimit): RateLimiter => {
  let limit = checked(initial)
  let windows = new Map<string, { start: number; count: number }>()
  return {
    set: (next) => {
      limit = checked(next)
      windows = new Map()
    },
    take: (operation, key) => {
      if (limit === undefined || (limit.operations !== undefined && !limit.operations.includes(operation)))
        return undefined
      const at = now()
      const start = Math.floor(at / limit.windowMs) * limit.windowMs
      const window = windows.get(key)
      if (window === undefined || window.start !== start) {
        windows.set(key, { start, count: 1 })
        return undefined
      }
      if (window.count < limit.requests) {
        window.count += 1
        return undefined
      }
      return tooMany(limit, start + limit.windowMs - at)
    },
  }
}
