// When to retry and how long to wait (DESIGN §7): connection errors, timeouts, 408, 429 and 5xx, with
// exponential backoff and jitter, honouring `retry-after-ms` and `Retry-After` (seconds or an HTTP date).

/** True for the statuses worth another attempt: 408, 429 and every 5xx. */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || (status >= 500 && status <= 599)

/** The wait a reply asks for, in ms, from `retry-after-ms` or `Retry-After`; `undefined` when it asks none. */
export const retryAfterMs = (headers: Headers, now: number): number | undefined => {
  const ms = headers.get('retry-after-ms')
  if (ms?.trim() && Number.isFinite(+ms)) return Math.max(0, +ms)
  const after = headers.get('retry-after')?.trim()
  if (!after) return undefined
  if (/^\d+(\.\d+)?$/.test(after)) return +after * 1000
  const wait = Date.parse(after) - now
  return Number.isFinite(wait) ? Math.max(0, wait) : undefined
}

/**
 * The wait before retry number `retry` (1-based): the server's wish if it stated one, else exponential
 * backoff from 500 ms with up to 25 % jitter; never more than `maxDelay`.
 */
export const retryDelay = (
  retry: number,
  maxDelay: number,
  hint: number | undefined,
  random: number,
): number =>
  hint === undefined
    ? Math.max(0, Math.round(Math.min(500 * 2 ** (retry - 1), maxDelay) * (1 - random / 4)))
    : Math.min(hint, maxDelay)
