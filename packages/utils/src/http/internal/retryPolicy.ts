// The retry step: when to retry and how long to wait, as ky's own retry options: ky runs the loop, picks the
// statuses and methods, honours `Retry-After` (capped by `maxRetryAfter`), backs off with jitter up to
// `backoffLimit`, and waits on the call's signal. What stays ours is reading the wait the server asked for
// (`retryAfterHint`): ky knows no `retry-after-ms`, reads an HTTP date with `Date.now()` instead of the
// injected clock, and falls back to `X-RateLimit-Reset` as seconds where ImageKit sends milliseconds. So
// the reply ky sees carries one `Retry-After` in seconds, computed here, and none of the other headers.
import { isHTTPError, isTimeoutError, type RetryOptions as KyRetryOptions } from 'ky'
import type { Call } from './attempt'

/** 408, 429 and every 5xx: the statuses a retry may cure (ky's default list has 413 and misses 501, 505+). */
export const RETRY_STATUSES: readonly number[] = /*#__PURE__*/ [408, 429].concat(
  Array.from({ length: 100 }, (_, i) => 500 + i),
)

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
 * The `Retry-After` (seconds) that the reply handed to ky carries, or `undefined`: the server's wish, cut to
 * `maxDelay` here already (a wait of 2024-01-01 in ms or more would read to ky as a timestamp).
 */
export const retryAfterHint = (headers: Headers, now: number, maxDelay: number): string | undefined => {
  const wait = retryAfterMs(headers, now)
  return wait === undefined ? undefined : String(Math.min(wait, maxDelay) / 1000)
}

/**
 * Did this fetch failure happen before anything was sent? Only when its cause's code (Node's undici) says the
 * connection never opened; a bare `TypeError` (browsers tell nothing) or a reset counts as maybe sent.
 */
export const notSent = (e: unknown): boolean => {
  try {
    return /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|E(HOST|NET)UNREACH|UND_ERR_CONNECT_TIMEOUT)$/.test(
      (e as { cause: { code: string } }).cause.code,
    )
  } catch {
    return false
  }
}

/**
 * ky's retry options for one request: `limit` retries when `retriable`, of this method only, on 408, 429 and
 * 5xx, connection errors and timeouts; backoff 500 ms × 2^(n-1) less up to 25 % jitter, never past `maxDelay`.
 */
export const kyRetry = (
  limit: number,
  maxDelay: number,
  method: string,
  retriable: boolean | 'unsent',
  shouldRetry: NonNullable<KyRetryOptions['shouldRetry']>,
): KyRetryOptions => ({
  limit: retriable ? limit : 0,
  methods: retriable ? [method.toLowerCase()] : [],
  statusCodes: RETRY_STATUSES as number[],
  afterStatusCodes: RETRY_STATUSES as number[],
  maxRetryAfter: maxDelay,
  backoffLimit: maxDelay,
  delay: (n) => 500 * 2 ** (n - 1),
  jitter: (d) => Math.round(d * (1 - Math.random() / 4)),
  retryOnTimeout: true,
  shouldRetry,
})

/**
 * The retry step's own say, asked by ky before each retry: never after a final failure or an abort; with
 * `'unsent'`, only on a 429 or a connection that never opened. It also notes a reply that may have been lost.
 */
export const shouldRetry =
  (call: Call, retriable: boolean | 'unsent'): NonNullable<KyRetryOptions['shouldRetry']> =>
  ({ error }) => {
    if (call.final !== undefined || call.signal.aborted) return false
    const http = isHTTPError(error)
    if (!http) call.lost ||= isTimeoutError(error) || !notSent(error)
    return retriable === 'unsent' && !(http ? error.response.status === 429 : notSent(error))
      ? false
      : undefined
  }
