import { describe, expect, it } from 'vitest'
import { httpError, validationError } from '@imagekit-fp/utils'
import { addTagsToMatching, type MatchingOutcome, type MatchingProgress } from '@imagekit-fp/media/bulk'
import { json, KEY } from './test-support/stub'
import { acted, idsOf, library, listed, range, ref } from './test-support/library'

const config = (fetch: typeof globalThis.fetch) => ({ privateKey: KEY, fetch, retry: 0 })
const done = (i: number) => ({ _tag: 'Done', index: i, ref: ref(i), result: undefined }) as const
const URL_ADD = 'https://api.imagekit.io/v1/files/addTags'

describe('addTagsToMatching', () => {
  it('lists every page first, then tags 50 files per call: 101 files make calls of 50, 50 and 1', async () => {
    const stub = library(101)
    const r = await addTagsToMatching(config(stub.fetch), { path: '/p', limit: 40 }, ['sale'], {
      concurrency: 1,
    })()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: { done: range(101).map(done), failed: [], total: 101, aborted: false, matched: 101 },
    })
    expect(stub.calls.map((c) => `${c.method} ${c.path}`)).toStrictEqual([
      ...Array(3).fill('GET /v1/files'),
      ...Array(3).fill('POST /v1/files/addTags'),
    ])
    expect(acted(stub.calls).map((c) => c.json)).toStrictEqual([
      { fileIds: range(50).map((i) => `f${i}`), tags: ['sale'] },
      { fileIds: range(50, 50).map((i) => `f${i}`), tags: ['sale'] },
      { fileIds: ['f100'], tags: ['sale'] },
    ])
  })

  it('a 207 partial success fails exactly the files it did not update, with its errors entry', async () => {
    const reply = { successfullyUpdatedFileIds: ['f0', 'f2'], errors: [{ fileId: 'f1', error: 'locked' }] }
    const stub = library(4, (sent) =>
      idsOf(sent).length === 4 ? json(reply, 207) : json({ successfullyUpdatedFileIds: idsOf(sent) }),
    )
    const r = await addTagsToMatching(config(stub.fetch), {}, ['sale'])()
    const body = { ...reply, partial: true }
    const why = `ImageKit did not list this file in successfullyUpdatedFileIds (status 207)`
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: [done(0), done(2)],
        failed: [
          {
            _tag: 'Failed',
            index: 1,
            ref: ref(1),
            error: httpError({ status: 207, message: 'locked', body, url: URL_ADD }),
          },
          {
            _tag: 'Failed',
            index: 3,
            ref: ref(3),
            error: httpError({ status: 207, message: why, body, url: URL_ADD }),
          },
        ],
        total: 4,
        aborted: false,
        matched: 4,
      },
    })
    expect(acted(stub.calls).length).toBe(1)
  })

  it('a 404 fails the files in missingFileIds and sends the others again', async () => {
    const missing = { message: 'The requested file(s) does not exist.', missingFileIds: ['f1'] }
    const stub = library(3, (sent) =>
      idsOf(sent).includes('f1') ? json(missing, 404) : json({ successfullyUpdatedFileIds: idsOf(sent) }),
    )
    const r = await addTagsToMatching(config(stub.fetch), {}, ['sale'])()
    expect(acted(stub.calls).map(idsOf)).toStrictEqual([
      ['f0', 'f1', 'f2'],
      ['f0', 'f2'],
    ])
    const error = httpError({ status: 404, message: missing.message, body: missing, url: URL_ADD })
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: [done(0), done(2)],
        failed: [{ _tag: 'Failed', index: 1, ref: ref(1), error }],
        total: 3,
        aborted: false,
        matched: 3,
      },
    })
  })

  it('a 429 after a 404 sends the whole call again once the gate reopens', async () => {
    const missing = { message: 'The requested file(s) does not exist.', missingFileIds: ['f1'] }
    let limited = 0
    const stub = library(3, (sent) =>
      idsOf(sent).includes('f1')
        ? json(missing, 404)
        : limited++ === 0
          ? json({ message: 'Too many requests' }, 429, { 'retry-after': '0' })
          : json({ successfullyUpdatedFileIds: idsOf(sent) }),
    )
    const r = await addTagsToMatching(config(stub.fetch), {}, ['sale'])()
    expect(acted(stub.calls).map(idsOf)).toStrictEqual([
      ['f0', 'f1', 'f2'],
      ['f0', 'f2'],
      ['f0', 'f1', 'f2'],
      ['f0', 'f2'],
    ])
    expect(r._tag === 'Right' && [r.right.done, r.right.failed.map((f) => f.index)]).toStrictEqual([
      [done(0), done(2)],
      [1],
    ])
  })

  it('a 404 that also lists successfullyUpdatedFileIds marks those done without sending them again', async () => {
    const body = {
      message: 'Some files do not exist.',
      missingFileIds: ['f1'],
      successfullyUpdatedFileIds: ['f0'],
    }
    const stub = library(3, (sent) =>
      idsOf(sent).includes('f1') ? json(body, 404) : json({ successfullyUpdatedFileIds: idsOf(sent) }),
    )
    const r = await addTagsToMatching(config(stub.fetch), {}, ['sale'])()
    expect(acted(stub.calls).map(idsOf)).toStrictEqual([['f0', 'f1', 'f2'], ['f2']])
    expect(r._tag === 'Right' && [r.right.done, r.right.failed.map((f) => f.index)]).toStrictEqual([
      [done(0), done(2)],
      [1],
    ])
  })

  it("fails every file of a call with that call's error, and goes on with the other calls", async () => {
    const stub = library(60, (sent) =>
      idsOf(sent).includes('f0')
        ? json({ message: 'busy' }, 500)
        : json({ successfullyUpdatedFileIds: idsOf(sent) }),
    )
    const r = await addTagsToMatching(config(stub.fetch), {}, ['sale'])()
    const error = httpError({ status: 500, message: 'busy', body: { message: 'busy' }, url: URL_ADD })
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: range(10, 50).map(done),
        failed: range(50).map((i) => ({ _tag: 'Failed', index: i, ref: ref(i), error })),
        total: 60,
        aborted: false,
        matched: 60,
      },
    })
  })

  it('with dryRun lists the files and the calls it would make, and sends no change', async () => {
    const stub = library(101)
    const r = await addTagsToMatching(config(stub.fetch), {}, ['sale'], { dryRun: true })()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: [],
        failed: [],
        total: 0,
        aborted: false,
        matched: 101,
        dryRun: { files: range(101).map(ref), calls: 3 },
      },
    })
    expect(stub.calls.filter((c) => c.method !== 'GET')).toStrictEqual([])
  })

  it('skips the folders of the listing', async () => {
    const folder = { type: 'folder', folderId: 'd1', name: 'd', folderPath: '/p/d' }
    const stub = library(2, undefined, [folder])
    const r = await addTagsToMatching(config(stub.fetch), { type: 'all' }, ['sale'])()
    expect(r._tag === 'Right' && [r.right.matched, r.right.done]).toStrictEqual([2, [done(0), done(1)]])
    expect(acted(stub.calls).map(idsOf)).toStrictEqual([['f0', 'f1']])
  })

  it('tells onItem every file once and onProgress the counts in files', async () => {
    const stub = library(120)
    const items: MatchingOutcome<void>[] = []
    const progress: MatchingProgress[] = []
    const r = await addTagsToMatching(config(stub.fetch), {}, ['sale'], {
      keep: 'failed',
      onItem: (o) => items.push(o),
      onProgress: (p) => progress.push(p),
    })()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: { done: [], failed: [], total: 120, aborted: false, matched: 120 },
    })
    expect(items.map((o) => o.index).sort((a, b) => a - b)).toStrictEqual(range(120))
    const last = progress.at(-1)!
    expect([last.matched, last.done, last.failed, last.inFlight]).toStrictEqual([120, 120, 0, 0])
  })

  it('returns the Left of the listing, acting on nothing', async () => {
    const stub = library(3)
    const listing =
      (i: typeof globalThis.fetch): typeof globalThis.fetch =>
      async (input, init) =>
        (init?.method ?? 'GET') === 'GET'
          ? json({ message: 'Your account cannot be authenticated.' }, 401)
          : i(input, init)
    const r = await addTagsToMatching(config(listing(stub.fetch)), {}, ['sale'])()
    expect(r._tag === 'Left' && [r.left._tag, r.left.message]).toStrictEqual([
      'HttpError',
      'Your account cannot be authenticated.',
    ])
    expect(stub.calls).toStrictEqual([])
  })

  it.each([
    ['no tags', [], 'tags', 'must not be empty'],
    ['an empty tag', ['a', ' '], 'tags[1]', 'must be a non-empty string'],
    ['tags that are not a list', 'sale', 'tags', 'must be an array'],
  ])('refuses %s before sending anything', async (_, tags, path, message) => {
    const stub = library(3)
    expect(await addTagsToMatching(config(stub.fetch), {}, tags as never)()).toStrictEqual({
      _tag: 'Left',
      left: validationError(path, message),
    })
    expect(stub.calls).toStrictEqual([])
  })

  it('keeps only fileId, filePath and url of each listed file', async () => {
    const stub = library(1)
    const r = await addTagsToMatching(config(stub.fetch), {}, ['sale'], { dryRun: true })()
    expect(Object.keys(listed(0)).length).toBeGreaterThan(3)
    expect(r._tag === 'Right' && r.right.dryRun?.files).toStrictEqual([ref(0)])
  })
})
