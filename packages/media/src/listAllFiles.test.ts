import { describe, expect, it } from 'vitest'
import { httpError } from '@imagekit-fp/utils'
import { listAllFiles } from '@imagekit-fp/media'
import { json, KEY, stubFetch, type Sent } from './test-support/stub'

const file = (i: number) => ({ fileId: `f${i}`, type: 'file', name: `${i}.jpg`, filePath: `/${i}.jpg` })
/** A library of `total` files, served page by page according to skip and limit. */
const library = (total: number) => (sent: Sent) => {
  const q = new Map(sent.query)
  const skip = Number(q.get('skip'))
  const limit = Number(q.get('limit'))
  return json(Array.from({ length: Math.max(0, Math.min(limit, total - skip)) }, (_, i) => file(skip + i)))
}
const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = []
  for await (const x of it) out.push(x)
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
})
