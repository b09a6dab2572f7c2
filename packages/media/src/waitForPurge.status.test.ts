// waitForPurge stops at the first status that is not `Pending`. The status call is replaced here so that a
// status outside the documented `Pending | Completed` reaches the wait whatever PurgeStatus's codec accepts.
import { describe, expect, it, vi } from 'vitest'
import { networkError } from '@imagekit-fp/utils'
import { right } from '@imagekit-fp/internal'
import { getPurgeCacheStatus } from './getPurgeCacheStatus'
import { waitForPurge } from './waitForPurge'
import type { PurgeStatus } from './model/PurgeStatus'
import { KEY } from './test-support/stub'

vi.mock('./getPurgeCacheStatus', () => ({ getPurgeCacheStatus: vi.fn() }))

/** The status call answers the given statuses in turn (the last one repeats); `polls` counts the answers. */
const answers = (...statuses: string[]) => {
  const mock = vi.mocked(getPurgeCacheStatus)
  const polls = { count: 0 }
  mock.mockReset()
  mock.mockImplementation(() => async () => {
    const status = statuses[Math.min(polls.count++, statuses.length - 1)]
    return right({ status } as unknown as PurgeStatus)
  })
  return { mock, polls }
}

describe('waitForPurge: statuses', () => {
  it.each(['Failed', 'Error', 'Cancelled'])(
    'returns at once with %s: an answer, not a timeout (injected clock)',
    async (status) => {
      const { mock, polls } = answers(status)
      let t = 0
      const config = { privateKey: KEY, now: () => (t += 600) }
      expect(await waitForPurge(config, { requestId: 'r1', timeout: 1000, interval: 1 })()).toStrictEqual({
        _tag: 'Right',
        right: { status },
      })
      expect(mock.mock.calls).toStrictEqual([[config, { requestId: 'r1' }]])
      expect(polls.count).toBe(1)
    },
  )

  it('keeps polling while Pending, then returns the status that ends it', async () => {
    const { polls } = answers('Pending', 'Pending', 'Failed')
    let t = 0
    const config = { privateKey: KEY, now: () => (t += 100) }
    expect(await waitForPurge(config, { requestId: 'r1', timeout: 1000, interval: 1 })()).toStrictEqual({
      _tag: 'Right',
      right: { status: 'Failed' },
    })
    expect(polls.count).toBe(3)
  })

  it('still times out on a purge that stays Pending (injected clock)', async () => {
    const { polls } = answers('Pending')
    let t = 0
    const config = { privateKey: KEY, now: () => (t += 600) }
    expect(await waitForPurge(config, { requestId: 'r1', timeout: 1000, interval: 1 })()).toStrictEqual({
      _tag: 'Left',
      left: networkError('Timeout', 'purge r1 did not complete within 1000 ms', undefined),
    })
    expect(polls.count).toBe(2)
  })
})
