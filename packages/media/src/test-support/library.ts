// A stub account for the bulk helpers' unit tests: `GET /v1/files` serves `total` files page by page (skip and
// limit honoured), any other call is answered by `act` (default: 200 with every id of the call done), and every
// call is recorded.
import type { MatchedFile } from '../model/Matching'
import { json, stubFetch, type Sent } from './stub'

/** The listed form of file `i`. */
export const listed = (i: number) => ({
  fileId: `f${i}`,
  type: 'file',
  name: `${i}.jpg`,
  filePath: `/p/${i}.jpg`,
  url: `https://ik.imagekit.io/demo/p/${i}.jpg`,
})

/** The report's ref of file `i`. */
export const ref = (i: number): MatchedFile => {
  const { fileId, filePath, url } = listed(i)
  return { fileId, filePath, url }
}

/** The ids a bulk call sent. */
export const idsOf = (sent: Sent): string[] => (sent.json as { fileIds: string[] }).fileIds

/** `0 .. n-1`. */
export const range = (n: number, from = 0): number[] => Array.from({ length: n }, (_, i) => from + i)

/** 200 with every id of a bulk call done under `key`. */
export const allDone =
  (key = 'successfullyUpdatedFileIds') =>
  (sent: Sent): Response =>
    json({ [key]: idsOf(sent) })

/** A stub account of `total` files (plus the `extra` items, e.g. folders, on the first page). */
export const library = (
  total: number,
  act: (sent: Sent) => Response | Promise<Response> = allDone(),
  extra: readonly unknown[] = [],
) =>
  stubFetch((sent) => {
    if (sent.method !== 'GET') return act(sent)
    const q = new Map(sent.query)
    const skip = Number(q.get('skip'))
    const limit = Number(q.get('limit'))
    const items = [...extra, ...range(total).map(listed)]
    return json(items.slice(skip, skip + limit))
  })

/** The calls that were not the listing's. */
export const acted = (calls: readonly Sent[]): Sent[] => calls.filter((c) => c.method !== 'GET')
