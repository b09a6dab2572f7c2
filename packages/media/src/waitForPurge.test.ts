import { describe, expect, it } from 'vitest'
import { networkError } from '@imagekit-fp/utils'
import { waitForPurge } from '@imagekit-fp/media'
import { json, KEY, stubFetch } from './test-support/stub'

/** Replies with the given statuses in turn (the last one repeats), noting when each request came. */
const statuses = (...list: string[]) => {
  const times: number[] = []
  const stub = stubFetch(() => {
    times.push(performance.now())
    return json({ status: list[Math.min(times.length - 1, list.length - 1)] })
  })
  return { ...stub, times }
}

describe('waitForPurge', () => {
  it('polls until Completed', async () => {
    const { fetch, calls } = statuses('Pending', 'Pending', 'Completed')
    expect(await waitForPurge({ privateKey: KEY, fetch }, { requestId: 'r1', interval: 1 })()).toStrictEqual({
      _tag: 'Right',
      right: { status: 'Completed' },
    })
    expect(calls.map((c) => c.path)).toStrictEqual(Array(3).fill('/v1/files/purge/r1'))
  })

  it('waits interval, then twice as long each time, up to maxInterval', async () => {
    const { fetch, times } = statuses('Pending', 'Pending', 'Pending', 'Pending', 'Completed')
    await waitForPurge({ privateKey: KEY, fetch }, { requestId: 'r1', interval: 20, maxInterval: 50 })()
    const gaps = times.slice(1).map((t, i) => t - times[i]!)
    // Timers never fire early (1 ms of slack for clock rounding); they may fire late on a busy machine.
    expect(gaps.map((g, i) => g >= [20, 40, 50, 50][i]! - 1)).toStrictEqual([true, true, true, true])
  })

  it('is NetworkError Timeout once the total timeout has passed (injected clock)', async () => {
    const { fetch, calls } = statuses('Pending')
    let t = 0
    const now = () => (t += 600)
    expect(
      await waitForPurge({ privateKey: KEY, fetch, now }, { requestId: 'r1', timeout: 1000, interval: 1 })(),
    ).toStrictEqual({
      _tag: 'Left',
      left: networkError('Timeout', 'purge r1 did not complete within 1000 ms', undefined),
    })
    // deadline 600 + 1000; after poll 1 the clock reads 1200 (wait once more), after poll 2 it reads 1800.
    expect(calls.length).toBe(2)
  })

  it('is NetworkError Aborted when the signal aborts while waiting', async () => {
    const { fetch, calls } = statuses('Pending')
    const controller = new AbortController()
    // Aborted as the wait after the first reply begins (the moment it listens to the signal), not after a fixed
    // time: on a busy machine the first reply may take longer than any such time.
    const { signal } = controller
    const listen = signal.addEventListener.bind(signal)
    signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => {
      listen(...args)
      if (args[0] === 'abort' && calls.length === 1) controller.abort('stop')
    }
    expect(
      await waitForPurge(
        { privateKey: KEY, fetch },
        { requestId: 'r1', interval: 10_000, signal: controller.signal },
      )(),
    ).toStrictEqual({
      _tag: 'Left',
      left: networkError('Aborted', 'waiting for purge r1 was aborted', 'stop'),
    })
    expect(calls.length).toBe(1)
  })

  it('returns the first error of a status call', async () => {
    const stub = stubFetch(() => json({ message: 'No request found for this requestId.' }, 400))
    const result = await waitForPurge(
      { privateKey: KEY, fetch: stub.fetch },
      { requestId: 'r1', interval: 1 },
    )()
    expect(
      result._tag === 'Left' && result.left._tag === 'HttpError' && [result.left.status, result.left.message],
    ).toStrictEqual([400, 'No request found for this requestId.'])
    expect(stub.calls.length).toBe(1)
  })
})
