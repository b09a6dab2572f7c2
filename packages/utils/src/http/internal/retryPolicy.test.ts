import { describe, expect, it } from 'vitest'
import { isRetryableStatus, retryAfterMs, retryDelay } from './retryPolicy'

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

describe('retryDelay', () => {
  it.each([
    [1, 8000, undefined, 0, 500],
    [2, 8000, undefined, 0, 1000],
    [3, 8000, undefined, 0, 2000],
    [3, 8000, undefined, 1, 1500],
    [6, 8000, undefined, 0, 8000],
    [2, 50, undefined, 0.5, 44],
    [1, 8000, 3000, 0.9, 3000],
    [1, 8000, 3_600_000, 0, 8000],
    [1, 0, 1000, 0, 0],
  ])(
    'waits before retry %i (maxDelay %i, hint %s, random %s): %i ms',
    (retry, maxDelay, hint, random, expected) => {
      expect(retryDelay(retry, maxDelay, hint, random)).toBe(expected)
    },
  )
})

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [503, true],
    [599, true],
    [400, false],
    [404, false],
    [409, false],
    [413, false],
    [600, false],
  ])('says %i is retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected)
  })
})
