import { describe, expect, it } from 'vitest'
import { httpError } from '@imagekit-fp/utils'
import { deleteMatching } from '@imagekit-fp/media/bulk'
import { json, KEY } from './test-support/stub'
import { acted, allDone, idsOf, library, range, ref } from './test-support/library'

const config = (fetch: typeof globalThis.fetch) => ({ privateKey: KEY, fetch, retry: 0 })
const done = (i: number) => ({ _tag: 'Done', index: i, ref: ref(i), result: undefined }) as const

describe('deleteMatching', () => {
  it('reads the whole listing, then deletes 100 files per call: 201 files make calls of 100, 100 and 1', async () => {
    const stub = library(201, allDone('successfullyDeletedFileIds'))
    const r = await deleteMatching(config(stub.fetch), { path: '/p', limit: 100 }, { concurrency: 1 })()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: { done: range(201).map(done), failed: [], total: 201, aborted: false, matched: 201 },
    })
    const order = stub.calls.map((c) => c.method)
    expect(order).toStrictEqual(['GET', 'GET', 'GET', 'POST', 'POST', 'POST'])
    expect(acted(stub.calls).map((c) => [c.path, idsOf(c)])).toStrictEqual([
      ['/v1/files/batch/deleteByFileIds', range(100).map((i) => `f${i}`)],
      ['/v1/files/batch/deleteByFileIds', range(100, 100).map((i) => `f${i}`)],
      ['/v1/files/batch/deleteByFileIds', ['f200']],
    ])
  })

  it('a 207 fails exactly the files it did not delete', async () => {
    const reply = { successfullyDeletedFileIds: ['f1'], errors: [{ fileId: 'f0', error: 'in use' }] }
    const stub = library(2, () => json(reply, 207))
    const r = await deleteMatching(config(stub.fetch), {})()
    const url = 'https://api.imagekit.io/v1/files/batch/deleteByFileIds'
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: [done(1)],
        failed: [
          {
            _tag: 'Failed',
            index: 0,
            ref: ref(0),
            error: httpError({ status: 207, message: 'in use', body: { ...reply, partial: true }, url }),
          },
        ],
        total: 2,
        aborted: false,
        matched: 2,
      },
    })
  })

  it('after a lost reply, a 404 listing every file says they were deleted: alreadyDeleted', async () => {
    let n = 0
    const stub = library(2, (sent) =>
      n++ === 0
        ? Promise.reject(new TypeError('fetch failed'))
        : json({ message: 'The requested file(s) does not exist.', missingFileIds: idsOf(sent) }, 404),
    )
    const r = await deleteMatching(
      { privateKey: KEY, fetch: stub.fetch, retry: { limit: 1, maxDelay: 1 } },
      {},
    )()
    const gone = (i: number) => ({ _tag: 'Done', index: i, ref: ref(i), result: { alreadyDeleted: true } })
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: { done: [gone(0), gone(1)], failed: [], total: 2, aborted: false, matched: 2 },
    })
  })

  it('with dryRun lists what it would delete and deletes nothing', async () => {
    const stub = library(250, allDone('successfullyDeletedFileIds'))
    const r = await deleteMatching(config(stub.fetch), {}, { dryRun: true })()
    expect(
      r._tag === 'Right' && [r.right.matched, r.right.dryRun?.calls, r.right.dryRun?.files.length],
    ).toStrictEqual([250, 3, 250])
    expect(acted(stub.calls)).toStrictEqual([])
  })
})
