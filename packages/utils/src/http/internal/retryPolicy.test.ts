import { afterEach, describe, expect, it, vi } from 'vitest'
import { kyRetry, RETRY_STATUSES, retryAfterHint, retryAfterMs } from './retryPolicy'

const NOW = Date.parse('2026-01-01T00:00:00Z')

describe('retryAfterMs', () => {
  it.each([
    [{}, undefined],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, 3000],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }, 0],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '' }, undefined],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after-ms': '-5' }, 0],
    [{ 'retry-after-ms': 'x', 'retry-after': '1' }, 1000],
    [{ 'retry-after-ms': '10', 'retry-after': '1' }, 10],
  ])('reads %j as %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), NOW)).toBe(expected)
  })
})

afterEach(() => {
  vi.restoreAllMocks()
})

/** The wait ky computes from these options when the reply asked for none: min(backoffLimit, jitter(delay(n))). */
const backoff = (retry: number, maxDelay: number, random: number): number => {
  vi.spyOn(Math, 'random').mockReturnValue(random)
  const o = kyRetry(2, maxDelay, 'GET', true, () => undefined)
  return Math.min(o.backoffLimit ?? Infinity, (o.jitter as (d: number) => number)(o.delay?.(retry) ?? NaN))
}

describe('kyRetry backoff (what ky waits with no Retry-After)', () => {
  it.each([
    [1, 8000, 0, 500],
    [2, 8000, 0, 1000],
    [3, 8000, 0, 2000],
    [3, 8000, 1, 1500],
    [6, 8000, 0, 8000],
    // ky caps after the jitter (min(backoffLimit, jittered)), so a wait at the cap has no jitter left.
    [2, 50, 0.5, 50],
  ])('waits before retry %i (maxDelay %i, random %s): %i ms', (retry, maxDelay, random, expected) => {
    expect(backoff(retry, maxDelay, random)).toBe(expected)
  })
})

describe('retryAfterHint (the Retry-After ky sees, in seconds, cut to maxDelay)', () => {
  it.each([
    [{ 'retry-after': '3' }, 8000, '3'],
    [{ 'retry-after': '3600' }, 8000, '8'],
    [{ 'retry-after': '1' }, 0, '0'],
    [{ 'retry-after-ms': '250' }, 8000, '0.25'],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, 8000, '3'],
    [{ 'x-ratelimit-reset': '1500' }, 8000, undefined],
    [{}, 8000, undefined],
  ])('reads %j with maxDelay %i as %s', (headers, maxDelay, expected) => {
    expect(retryAfterHint(new Headers(headers), NOW, maxDelay)).toBe(expected)
  })
})

describe('kyRetry', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [501, true],
    [503, true],
    [599, true],
    [400, false],
    [404, false],
    [409, false],
    [413, false],
    [600, false],
  ])('says %i is retryable: %s', (status, expected) => {
    const o = kyRetry(2, 8000, 'GET', true, () => undefined)
    expect([o.statusCodes?.includes(status), o.afterStatusCodes?.includes(status)]).toStrictEqual([
      expected,
      expected,
    ])
  })

  it('retries only the request method, and nothing when the request is not retriable', () => {
    const shouldRetry = () => undefined
    expect(kyRetry(3, 100, 'POST', true, shouldRetry)).toStrictEqual({
      limit: 3,
      methods: ['post'],
      statusCodes: RETRY_STATUSES,
      afterStatusCodes: RETRY_STATUSES,
      maxRetryAfter: 100,
      backoffLimit: 100,
      delay: expect.any(Function),
      jitter: expect.any(Function),
      retryOnTimeout: true,
      shouldRetry,
    })
    expect(kyRetry(3, 100, 'GET', false, shouldRetry)).toMatchObject({ limit: 0, methods: [] })
  })
})
