// When to retry and how long to wait (DESIGN §7): connection errors, timeouts, 408, 429 and 5xx, with
// exponential backoff and jitter, honouring `retry-after-ms` and `Retry-After` (seconds or an HTTP date).
import type { HttpError, NetworkError, ValidationError, DecodeError } from '../../errors'

/** First backoff step, in milliseconds; step n waits `BASE_DELAY * 2^(n-1)` before jitter. */
export const BASE_DELAY = 500

export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status <= 599)

/** Whether an error may be cured by trying again (aborts, validation and decode errors may not). */
export const isRetryable = (error: ValidationError | HttpError | NetworkError | DecodeError): boolean =>
  error._tag === 'HttpError'
    ? isRetryableStatus(error.status)
    : error._tag === 'NetworkError' && error.reason !== 'Aborted'

/** The wait a reply asks for, in ms, from `retry-after-ms` or `Retry-After`; `undefined` when it asks none. */
export const retryAfterMs = (headers: Headers, now: number): number | undefined => {
  const ms = headers.get('retry-after-ms')
  if (ms !== null && ms.trim() !== '') {
    const n = Number(ms)
    if (Number.isFinite(n)) return Math.max(0, n)
  }
  const after = headers.get('retry-after')
  if (after === null || after.trim() === '') return undefined
  if (/^\s*\d+(\.\d+)?\s*$/.test(after)) return Number(after) * 1000
  const date = Date.parse(after)
  return Number.isNaN(date) || !Number.isFinite(now) ? undefined : Math.max(0, date - now)
}

/**
 * The wait before retry number `retry` (1-based): the server's wish if it stated one, else exponential
 * backoff with up to 25 % jitter; never more than `maxDelay`.
 */
export const retryDelay = (
  retry: number,
  maxDelay: number,
  hint: number | undefined,
  random: number,
): number => {
  if (hint !== undefined) return Math.min(hint, maxDelay)
  const backoff = Math.min(BASE_DELAY * 2 ** (retry - 1), maxDelay)
  return Math.max(0, Math.round(backoff * (1 - 0.25 * random)))
}
