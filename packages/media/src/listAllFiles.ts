import type { either } from 'fp-ts'
import { decodeError, networkError } from '@imagekit-fp/utils'
import { left, right } from '@imagekit-fp/internal'
import { listQuery } from './internal/listQuery'
import { isResponseTooLarge, send } from './internal/send'
import { abortOf, optional, prepare, signal } from './internal/validate'
import { listFilesOperation, type ListFilesOptions, type ListFilesResult } from './listFiles'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Pages through every result of a `listFiles` query: `GET /v1/files` again and again with `skip` advanced by
 * each page, until a page is shorter than `limit`. Yields one `Either` per page (`Right` with the page, or one
 * `Left`, after which it stops), so at most one page is held at a time. The page size is `limit` (1 to 1000,
 * default 1000), the start is `skip` (default 0). Aborting `signal` ends the walk with a `NetworkError`
 * `Aborted` (during a request or between two). Each request is retried like any GET. The iterator never
 * throws.
 *
 * A page longer than `config.maxResponseBytes` is asked for again at half the size (down to 1 item; the walk
 * goes on at the smaller size); a single item too large ends the walk with a `DecodeError` that says so. A
 * page with no item that the page before it did not have (a server that ignores `skip`) ends the walk with a
 * `DecodeError` saying the server did not advance past that `skip`.
 *
 * Paging by `skip` is what the API offers: files added or deleted during the walk can shift the pages (a file
 * may be seen twice or missed). Sort by `ASC_CREATED` (the default) to page through a stable order.
 *
 * @param config - private key and transport settings.
 * @param input - the `listFiles` query; `limit` is the page size.
 * @returns an async iterable of pages: `Either<MediaError, ListFilesResult>`.
 * @example
 * import { listAllFiles } from '@imagekit-fp/media'
 *
 * for await (const page of listAllFiles({ privateKey: 'private_xxx' }, { path: '/products', limit: 100 })) {
 *   if (page._tag === 'Left') break // page.left: the error that ended the walk
 *   for (const item of page.right) if (item.type !== 'unknown') console.log(item.name)
 * }
 * @since 0.1.0
 * @category files
 */
export const listAllFiles = async function* (
  config: MediaConfig,
  input: ListFilesOptions,
): AsyncGenerator<either.Either<MediaError, ListFilesResult>, void, undefined> {
  const checked = prepare(input, (field) => ({
    query: listQuery(field),
    signal: field('signal', optional(signal)),
  }))
  if (checked._tag === 'Left') return yield checked
  const { query, signal: abort } = checked.right
  let limit = query.limit ?? 1000
  /** The ids of the page before (a file's or a folder's; an item without either, as JSON). */
  let before: Set<unknown> | undefined
  for (let skip = query.skip ?? 0; ;) {
    const stop = abortOf(abort)
    if (stop) return yield left(networkError('Aborted', 'listAllFiles was aborted', stop.reason))
    const page = await send(
      config,
      listFilesOperation,
      right([listFilesOperation.path, { searchParams: { ...query, limit, skip } }, abort] as const),
    )()
    if (page._tag === 'Left' && isResponseTooLarge(page.left)) {
      if (limit > 1) {
        limit = Math.ceil(limit / 2)
        continue
      }
      const why = `the item at skip=${skip} alone is larger than config.maxResponseBytes`
      return yield left({ ...page.left, message: `listAllFiles: ${why}: ${page.left.message}` })
    }
    if (page._tag === 'Left') return yield page
    const ids = new Set<unknown>(
      page.right.map((item) => {
        const { fileId, folderId } = item as { fileId?: unknown; folderId?: unknown }
        return fileId ?? folderId ?? JSON.stringify(item)
      }),
    )
    if (before && ids.size > 0 && [...ids].every((k) => before?.has(k)))
      return yield left(
        decodeError(
          [],
          `listAllFiles: the server did not advance past skip=${skip}: the page it sent for skip=${skip} holds only items of the page before it (does it ignore skip?)`,
        ),
      )
    yield page
    if (page.right.length < limit) return
    before = ids
    skip += page.right.length
  }
}
