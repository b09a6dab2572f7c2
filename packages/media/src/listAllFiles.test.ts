import { describe, expect, it } from 'vitest'
import { decodeError, httpError } from '@imagekit-fp/utils'
import { listAllFiles, ListFilesResult } from '@imagekit-fp/media'
import { json, KEY, stubFetch, type Sent } from './test-support/stub'

const file = (i: number) => ({ fileId: `f${i}`, type: 'file', name: `${i}.jpg`, filePath: `/${i}.jpg` })
/** A library of `total` files, served page by page according to skip and limit. */
const library = (total: number) => (sent: Sent) => {
  const q = new Map(sent.query)
  const skip = Number(q.get('skip'))
  const limit = Number(q.get('limit'))
  return json(Array.from({ length: Math.max(0, Math.min(limit, total - skip)) }, (_, i) => file(skip + i)))
}
/** Every page, or the first `max` (a walk that never ends must fail its test, not hang it). */
const collect = async <T>(it: AsyncIterable<T>, max = 50): Promise<T[]> => {
  const out: T[] = []
  for await (const x of it) if (out.push(x) >= max) break
  return out
}
const pageQuery = (sent: Sent) => sent.query.filter(([k]) => k === 'skip' || k === 'limit')

describe('listAllFiles', () => {
  it('pages with skip/limit until a short page, one Right per page', async () => {
    const stub = stubFetch(library(5))
    const pages = await collect(
      listAllFiles({ privateKey: KEY, fetch: stub.fetch }, { limit: 2, path: '/p' }),
    )
    expect(pages).toStrictEqual([
      { _tag: 'Right', right: [file(0), file(1)] },
      { _tag: 'Right', right: [file(2), file(3)] },
      { _tag: 'Right', right: [file(4)] },
    ])
    expect(stub.calls.map((c) => c.query)).toStrictEqual([
      [
        ['path', '/p'],
        ['limit', '2'],
        ['skip', '0'],
      ],
      [
        ['path', '/p'],
        ['limit', '2'],
        ['skip', '2'],
      ],
      [
        ['path', '/p'],
        ['limit', '2'],
        ['skip', '4'],
      ],
    ])
  })

  it('ends with an empty page when the total is a multiple of the page size, starting at skip', async () => {
    const stub = stubFetch(library(6))
    const pages = await collect(listAllFiles({ privateKey: KEY, fetch: stub.fetch }, { limit: 2, skip: 2 }))
    expect(pages.map((p) => (p._tag === 'Right' ? p.right.length : p))).toStrictEqual([2, 2, 0])
    expect(stub.calls.map(pageQuery)).toStrictEqual([
      [
        ['limit', '2'],
        ['skip', '2'],
      ],
      [
        ['limit', '2'],
        ['skip', '4'],
      ],
      [
        ['limit', '2'],
        ['skip', '6'],
      ],
    ])
  })

  it('uses pages of 1000 by default', async () => {
    const stub = stubFetch(library(3))
    await collect(listAllFiles({ privateKey: KEY, fetch: stub.fetch }, {}))
    expect(stub.calls.map(pageQuery)).toStrictEqual([
      [
        ['limit', '1000'],
        ['skip', '0'],
      ],
    ])
  })

  it('stops after the first Left', async () => {
    let n = 0
    const stub = stubFetch((sent) => (n++ === 1 ? json({ message: 'Forbidden' }, 403) : library(10)(sent)))
    const pages = await collect(listAllFiles({ privateKey: KEY, fetch: stub.fetch }, { limit: 3 }))
    expect(pages).toStrictEqual([
      { _tag: 'Right', right: [file(0), file(1), file(2)] },
      {
        _tag: 'Left',
        left: httpError({
          status: 403,
          message: 'Forbidden',
          body: { message: 'Forbidden' },
          url: 'https://api.imagekit.io/v1/files?limit=3&skip=3',
        }),
      },
    ])
    expect(stub.calls.length).toBe(2)
  })

  it('ends with NetworkError Aborted when the signal aborts between pages', async () => {
    const controller = new AbortController()
    const stub = stubFetch(library(10))
    const pages = []
    for await (const page of listAllFiles(
      { privateKey: KEY, fetch: stub.fetch },
      { limit: 2, signal: controller.signal },
    )) {
      pages.push(page)
      controller.abort()
    }
    expect(
      pages.map((p) =>
        p._tag === 'Right' ? p.right.length : [p.left._tag, 'reason' in p.left && p.left.reason],
      ),
    ).toStrictEqual([2, ['NetworkError', 'Aborted']])
    expect(stub.calls.length).toBe(1)
  })

  it('sends nothing more when the caller stops iterating', async () => {
    const stub = stubFetch(library(10))
    for await (const page of listAllFiles({ privateKey: KEY, fetch: stub.fetch }, { limit: 2 })) {
      expect(page._tag).toBe('Right')
      break
    }
    expect(stub.calls.length).toBe(1)
  })

  it('ends with a DecodeError when the server ignores skip (a page with no new item), not after 500 requests', async () => {
    const stub = stubFetch((sent) =>
      library(10)({ ...sent, query: sent.query.map(([k, v]) => [k, k === 'skip' ? '0' : v]) }),
    )
    const pages = await collect(listAllFiles({ privateKey: KEY, fetch: stub.fetch }, { limit: 3 }))
    expect(pages).toStrictEqual([
      { _tag: 'Right', right: [file(0), file(1), file(2)] },
      {
        _tag: 'Left',
        left: decodeError(
          [],
          'listAllFiles: the server did not advance past skip=3: the page it sent for skip=3 holds only items of the page before it (does it ignore skip?)',
        ),
      },
    ])
    expect(stub.calls.map(pageQuery)).toStrictEqual([
      [
        ['limit', '3'],
        ['skip', '0'],
      ],
      [
        ['limit', '3'],
        ['skip', '3'],
      ],
    ])
  })

  it('tells folders apart by folderId when the server repeats a page of folders', async () => {
    const folder = (i: number) => ({ type: 'folder', folderId: `d${i}`, name: `d${i}`, folderPath: `/d${i}` })
    const stub = stubFetch(() => json([folder(0), folder(1)]))
    const pages = await collect(listAllFiles({ privateKey: KEY, fetch: stub.fetch }, { limit: 2 }))
    expect(pages.map((p) => p._tag)).toStrictEqual(['Right', 'Left'])
    expect(stub.calls.length).toBe(2)
  })

  it('goes on past a page that repeats some items of the one before (a file added during the walk)', async () => {
    let added = false
    const stub = stubFetch((sent) => {
      const q = new Map(sent.query)
      const skip = Number(q.get('skip'))
      // After the first page, a file is added in front: every later page starts one item earlier.
      const shift = added ? 1 : 0
      added = true
      return json(
        Array.from({ length: Math.max(0, Math.min(2, 5 - (skip - shift))) }, (_, i) =>
          file(skip - shift + i),
        ),
      )
    })
    const pages = await collect(listAllFiles({ privateKey: KEY, fetch: stub.fetch }, { limit: 2 }))
    expect(pages).toStrictEqual([
      { _tag: 'Right', right: [file(0), file(1)] },
      { _tag: 'Right', right: [file(1), file(2)] },
      { _tag: 'Right', right: [file(3), file(4)] },
      { _tag: 'Right', right: [] },
    ])
  })

  describe('pages larger than config.maxResponseBytes', () => {
    /** A file whose JSON is about 300 bytes. */
    const heavy = (i: number) => ({ ...file(i), customMetadata: { note: 'n'.repeat(240) } })
    const heavyLibrary = (total: number) => (sent: Sent) => {
      const q = new Map(sent.query)
      const skip = Number(q.get('skip'))
      const limit = Number(q.get('limit'))
      return json(
        Array.from({ length: Math.max(0, Math.min(limit, total - skip)) }, (_, i) => heavy(skip + i)),
      )
    }

    it('halves the page size until a page fits, and yields every item', async () => {
      const stub = stubFetch(heavyLibrary(23))
      const pages = await collect(
        listAllFiles({ privateKey: KEY, fetch: stub.fetch, maxResponseBytes: 2000 }, { limit: 10 }),
      )
      expect(pages.flatMap((p): unknown[] => (p._tag === 'Right' ? [...p.right] : [p]))).toStrictEqual(
        Array.from({ length: 23 }, (_, i) => heavy(i)),
      )
      expect(
        stub.calls.map((c) =>
          pageQuery(c)
            .map(([, v]) => v)
            .join('/'),
        ),
      ).toStrictEqual(['10/0', '5/0', '5/5', '5/10', '5/15', '5/20'])
    })

    it('ends with a DecodeError that says so when even one item is too large', async () => {
      const stub = stubFetch(heavyLibrary(3))
      const pages = await collect(
        listAllFiles({ privateKey: KEY, fetch: stub.fetch, maxResponseBytes: 100, retry: 0 }, { limit: 4 }),
      )
      const text = JSON.stringify([heavy(0)]).slice(0, 100)
      const url = 'https://api.imagekit.io/v1/files?limit=1&skip=0'
      expect(pages).toStrictEqual([
        {
          _tag: 'Left',
          left: {
            ...decodeError(
              [
                {
                  value: text,
                  context: [{ key: '', type: ListFilesResult, actual: undefined }],
                  message: 'larger than 100 bytes',
                },
              ],
              `listAllFiles: the item at skip=0 alone is larger than config.maxResponseBytes: the response to GET ${url} is larger than 100 bytes, the most the transport reads (config.maxResponseBytes)`,
            ),
            reason: 'ResponseTooLarge',
          },
        },
      ])
      expect(
        stub.calls.map((c) =>
          pageQuery(c)
            .map(([, v]) => v)
            .join('/'),
        ),
      ).toStrictEqual(['4/0', '2/0', '1/0'])
    })
  })
})
