// The bulk helpers of @imagekit-fp/media over a search, against the stand-in: every matching file acted on
// exactly once, in chunks of ImageKit's size, through a 429 that pauses every worker, an abort, a file that
// disappears between the listing and the action, and a dry run that changes nothing.
import { describe, expect, it } from 'vitest'
import {
  addTagsToMatching,
  deleteMatching,
  purgeMatching,
  removeTagsFromMatching,
  updateMatching,
  type MatchingProgress,
} from '@imagekit-fp/media/bulk'
import { createImagekitStandIn, type StandIn, type StandInRequest } from '@imagekit-fp/testing'
import { call } from './test-support/call'

/** A stand-in with `n` files `0.jpg … ` in `/bulk` (tagged `old`) and one file elsewhere. */
const account = (n: number) => {
  const s = createImagekitStandIn()
  const files = Array.from({ length: n }, (_, i) =>
    s.addFile({ fileName: `${i}.jpg`, folder: '/bulk', tags: ['old'] }),
  )
  s.addFile({ fileName: 'other.jpg', folder: '/elsewhere', tags: ['old'] })
  return { s, ids: files.map((f) => f.fileId) }
}
const config = (s: StandIn, fetch: typeof globalThis.fetch = s.fetch) => ({
  privateKey: s.privateKey,
  fetch,
  retry: 0,
})
const ids = (r: StandInRequest): string[] => (r.body as { fileIds: string[] }).fileIds
const sorted = (xs: readonly string[]) => [...xs].sort()
const posts = (s: StandIn) => s.requests().filter((r) => r.method !== 'GET')
/** The path and method of a fetch call, read without touching its body (a Request made from it would take it). */
const seen = (input: RequestInfo | URL, init?: RequestInit) =>
  input instanceof Request
    ? { path: new URL(input.url).pathname, method: input.method }
    : { path: new URL(input).pathname, method: init?.method ?? 'GET' }

describe('bulk helpers over a search, against the stand-in', () => {
  it('removeTagsFromMatching removes a tag the query filters on from all 101 files: the listing is read first', async () => {
    const { s, ids: all } = account(101)
    const r = await removeTagsFromMatching(config(s), { path: '/bulk', tags: 'old', limit: 30 }, ['old'])()
    expect(
      r._tag === 'Right' && [r.right.total, r.right.matched, r.right.failed, r.right.aborted],
    ).toStrictEqual([101, 101, [], false])
    expect(r._tag === 'Right' && sorted(r.right.done.map((d) => d.ref.fileId))).toStrictEqual(sorted(all))
    const ops = s.requests().map((q) => q.operation)
    expect(ops).toStrictEqual([
      ...Array(4).fill('list-and-search-assets'),
      ...Array(3).fill('remove-tags-bulk'),
    ])
    expect(
      posts(s)
        .map((q) => ids(q).length)
        .sort((a, b) => a - b),
    ).toStrictEqual([1, 50, 50])
    expect(sorted(posts(s).flatMap(ids))).toStrictEqual(sorted(all))
    expect(s.files().map((f) => [f.name, f.tags])).toStrictEqual([
      ...Array.from({ length: 101 }, (_, i) => [`${i}.jpg`, null]),
      ['other.jpg', ['old']],
    ])
  })

  it('deleteMatching deletes all 201 matching files in calls of 100, 100 and 1, and nothing else', async () => {
    const { s, ids: all } = account(201)
    const r = await deleteMatching(config(s), { path: '/bulk' })()
    expect(r._tag === 'Right' && [r.right.total, r.right.failed.length]).toStrictEqual([201, 0])
    expect(r._tag === 'Right' && sorted(r.right.done.map((d) => d.ref.fileId))).toStrictEqual(sorted(all))
    expect(
      posts(s)
        .map((q) => ids(q).length)
        .sort((a, b) => a - b),
    ).toStrictEqual([1, 100, 100])
    expect(s.files().map((f) => f.name)).toStrictEqual(['other.jpg'])
  })

  it('purgeMatching purges each file URL once and reports its requestId', async () => {
    const { s } = account(5)
    const r = await purgeMatching(config(s), { path: '/bulk' })()
    const urls = posts(s).map((q) => (q.body as { url: string }).url)
    expect(sorted(urls)).toStrictEqual(
      sorted(Array.from({ length: 5 }, (_, i) => `https://ik.imagekit.io/standin/bulk/${i}.jpg`)),
    )
    expect(r._tag === 'Right' && r.right.done.every((d) => typeof d.result.requestId === 'string')).toBe(true)
    expect(r._tag === 'Right' && r.right.done.length).toBe(5)
  })

  it('updateMatching updates each matching file once', async () => {
    const { s } = account(4)
    const r = await updateMatching(config(s), { path: '/bulk' }, { tags: ['new'] })()
    expect(r._tag === 'Right' && r.right.done.map((d) => d.result.tags)).toStrictEqual(Array(4).fill(['new']))
    expect(posts(s).map((q) => q.operation)).toStrictEqual(Array(4).fill('update-file-details'))
    expect(s.files().map((f) => f.tags)).toStrictEqual([['new'], ['new'], ['new'], ['new'], ['old']])
  })

  it('a 429 closes the gate for every worker until Retry-After, then every file is tagged exactly once', async () => {
    const { s, ids: all } = account(250)
    s.inject({ operation: 'add-tags-bulk', status: 429, retryAfter: 1 })
    const started: { at: number; path: string }[] = []
    let limitedAt = Number.NaN
    const fetch: typeof globalThis.fetch = async (input, init) => {
      started.push({ at: Date.now(), path: seen(input, init).path })
      const res = await s.fetch(input, init)
      if (res.status === 429) limitedAt = Date.now()
      return res
    }
    const progress: MatchingProgress[] = []
    const r = await addTagsToMatching(config(s, fetch), { path: '/bulk' }, ['sale'], {
      concurrency: 2,
      onProgress: (p) => progress.push(p),
    })()
    expect(r._tag === 'Right' && [r.right.total, r.right.failed]).toStrictEqual([250, []])
    const answered = posts(s).filter((q) => q.status === 200)
    expect(sorted(answered.flatMap(ids))).toStrictEqual(sorted(all))
    expect(
      posts(s)
        .map((q) => q.status)
        .sort(),
    ).toStrictEqual([200, 200, 200, 200, 200, 429])
    const after = started.filter((c) => c.path === '/v1/files/addTags' && c.at > limitedAt)
    expect(after.length).toBeGreaterThan(0)
    expect(after.filter((c) => c.at < limitedAt + 1000)).toStrictEqual([])
    expect(progress.some((p) => p.waitingForRateLimit)).toBe(true)
  })

  it('a file deleted between the listing and the action fails alone, with the 404; the others are tagged', async () => {
    const { s, ids: all } = account(3)
    let first = true
    const fetch: typeof globalThis.fetch = async (input, init) => {
      if (first && seen(input, init).method === 'POST') {
        first = false
        await call(s, 'DELETE', `/v1/files/${all[1]}`)
      }
      return s.fetch(input, init)
    }
    const r = await addTagsToMatching(config(s, fetch), { path: '/bulk' }, ['sale'])()
    const failed = r._tag === 'Right' ? r.right.failed : []
    expect(
      failed.map((f) => [f.ref.fileId, f.error._tag, f.error._tag === 'HttpError' && f.error.body]),
    ).toStrictEqual([
      [
        all[1],
        'HttpError',
        {
          message: 'The requested file(s) does not exist.',
          help: 'For support kindly contact us at support@imagekit.io .',
          missingFileIds: [all[1]],
        },
      ],
    ])
    expect(r._tag === 'Right' && r.right.done.map((d) => d.ref.fileId)).toStrictEqual([all[0], all[2]])
    expect(s.files().map((f) => f.tags)).toStrictEqual([['old', 'sale'], ['old', 'sale'], ['old']])
  })

  it('an abort stops new calls: each file taken is reported once, and only done files are deleted', async () => {
    const { s, ids: all } = account(250)
    const controller = new AbortController()
    const r = await deleteMatching(
      config(s),
      { path: '/bulk' },
      {
        concurrency: 1,
        signal: controller.signal,
        onItem: () => controller.abort(),
      },
    )()
    const report = r._tag === 'Right' ? r.right : undefined
    expect(report?.aborted).toBe(true)
    const done = report?.done.map((d) => d.ref.fileId) ?? []
    const failed = report?.failed.map((d) => d.ref.fileId) ?? []
    expect(new Set([...done, ...failed]).size).toBe(report?.total)
    expect(report?.total).toBeLessThan(250)
    expect(done.length).toBeGreaterThan(0)
    const left = new Set(s.files().map((f) => f.fileId))
    expect(done.filter((id) => left.has(id))).toStrictEqual([])
    expect(all.filter((id) => !left.has(id))).toStrictEqual(done)
  })

  it('a dry run reads the listing and sends no change', async () => {
    const { s } = account(120)
    const before = s.files()
    const r = await deleteMatching(config(s), { path: '/bulk' }, { dryRun: true })()
    expect(r._tag === 'Right' && [r.right.matched, r.right.dryRun?.calls, r.right.total]).toStrictEqual([
      120, 2, 0,
    ])
    expect(new Set(s.requests().map((q) => q.operation))).toStrictEqual(new Set(['list-and-search-assets']))
    expect(s.files()).toStrictEqual(before)
  })
})
