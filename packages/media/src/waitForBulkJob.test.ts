import { describe, expect, it } from 'vitest'
import { networkError } from '@imagekit-fp/utils'
import { waitForBulkJob } from '@imagekit-fp/media'
import { json, KEY, stubFetch } from './test-support/stub'

describe('waitForBulkJob', () => {
  it('polls until Completed', async () => {
    let n = 0
    const stub = stubFetch(() =>
      json({ jobId: 'j1', type: 'COPY_FOLDER', status: n++ < 2 ? 'Pending' : 'Completed' }),
    )
    expect(
      await waitForBulkJob({ privateKey: KEY, fetch: stub.fetch }, { jobId: 'j1', interval: 1 })(),
    ).toStrictEqual({
      _tag: 'Right',
      right: { jobId: 'j1', type: 'COPY_FOLDER', status: 'Completed', partial: false },
    })
    expect(stub.calls.length).toBe(3)
  })

  it('stops at a 207 partial success (the job has finished)', async () => {
    let n = 0
    const stub = stubFetch(() =>
      n++ === 0
        ? json({ jobId: 'j1', status: 'Pending' })
        : json({ jobId: 'j1', status: 'Partial success', message: 'purging failed' }, 207),
    )
    expect(
      await waitForBulkJob({ privateKey: KEY, fetch: stub.fetch }, { jobId: 'j1', interval: 1 })(),
    ).toStrictEqual({
      _tag: 'Right',
      right: { jobId: 'j1', status: 'Partial success', message: 'purging failed', partial: true },
    })
    expect(stub.calls.length).toBe(2)
  })

  it.each(['Failed', 'Cancelled', 'Some status ImageKit adds later'])(
    'returns at once when the job ends in %s: an answer, not a timeout (injected clock)',
    async (status) => {
      const stub = stubFetch(() => json({ jobId: 'j1', type: 'MOVE_FOLDER', status }))
      let t = 0
      const config = { privateKey: KEY, fetch: stub.fetch, now: () => (t += 5000) }
      expect(await waitForBulkJob(config, { jobId: 'j1', timeout: 9000, interval: 1 })()).toStrictEqual({
        _tag: 'Right',
        right: { jobId: 'j1', type: 'MOVE_FOLDER', status, partial: false },
      })
      expect(stub.calls.length).toBe(1)
    },
  )

  it('keeps polling while the job is Pending', async () => {
    let n = 0
    const stub = stubFetch(() => json({ jobId: 'j1', status: n++ < 3 ? 'Pending' : 'Failed' }))
    let t = 0
    const config = { privateKey: KEY, fetch: stub.fetch, now: () => (t += 100) }
    const result = await waitForBulkJob(config, { jobId: 'j1', timeout: 1000, interval: 1 })()
    expect(result).toStrictEqual({ _tag: 'Right', right: { jobId: 'j1', status: 'Failed', partial: false } })
    expect(stub.calls.length).toBe(4)
  })

  it('is NetworkError Timeout once the total timeout has passed (injected clock)', async () => {
    const stub = stubFetch(() => json({ jobId: 'j1', status: 'Pending' }))
    let t = 0
    const config = { privateKey: KEY, fetch: stub.fetch, now: () => (t += 5000) }
    expect(await waitForBulkJob(config, { jobId: 'j1', timeout: 9000, interval: 1 })()).toStrictEqual({
      _tag: 'Left',
      left: networkError('Timeout', 'bulk job j1 did not complete within 9000 ms', undefined),
    })
    expect(stub.calls.length).toBe(2)
  })
})
