import { fail } from './fail'
import { read } from './prop'

// One reading of the injected clock and one expiry rule, for every package (`now` is an injected
// capability). Both fail through `fail` (./fail.ts).

/** Largest magnitude a JavaScript Date accepts, in milliseconds (±100,000,000 days). */
const MAX_TIME_MS = 8.64e15

/** ImageKit rejects an `expire` more than one hour ahead. */
export const MAX_EXPIRE_SECONDS = 3600

/** Lifetime of upload credentials minted without an explicit `expire`, as the official SDKs use (30 minutes). */
export const DEFAULT_EXPIRE_SECONDS = 1800

/**
 * Reads the injected clock `config.now` (absent, `undefined` or `null`: `Date.now`) and calls it once, without a
 * receiver. Fails at `config.now` when it cannot be read, is not a function, throws, or returns something other
 * than a time in milliseconds.
 */
export const readNow = (config: object): number => {
  const clock = read(config, 'now', 'config.now') ?? Date.now
  if (typeof clock !== 'function') fail('config.now', 'must be a function returning milliseconds')
  let ms: unknown
  try {
    ms = (clock as () => unknown)()
  } catch {
    fail('config.now', 'threw instead of returning milliseconds')
  }
  // `Number.isFinite` is false for anything but a number.
  if (!Number.isFinite(ms) || Math.abs(ms as number) > MAX_TIME_MS)
    fail('config.now', 'must return a time in milliseconds since the Unix epoch')
  return ms as number
}

/**
 * The one rule for an upload signature's `expire` (auth parameters and client-side uploads alike): an integer
 * Unix time in seconds, strictly after `floor(nowMs / 1000)` and at most {@link MAX_EXPIRE_SECONDS} after it.
 * Fails at `path` otherwise.
 */
export const checkExpire = (expire: unknown, nowMs: number, path: string): number => {
  const now = Math.floor(nowMs / 1000)
  if (typeof expire !== 'number' || !Number.isSafeInteger(expire))
    fail(path, 'must be an integer Unix time in seconds')
  if (expire <= now) fail(path, `must be in the future (it is ${expire}, now is ${now})`)
  if (expire > now + MAX_EXPIRE_SECONDS)
    fail(
      path,
      `must be at most ${MAX_EXPIRE_SECONDS} s after now (it is ${expire}, now is ${now}); ImageKit rejects it`,
    )
  return expire
}
