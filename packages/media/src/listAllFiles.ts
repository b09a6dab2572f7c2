import type { either } from 'fp-ts'
import { networkError } from '@imagekit-fp/utils'
import { left, right } from '@imagekit-fp/internal'
import { listQuery } from './internal/listQuery'
import { send } from './internal/send'
import { abortOf, optional, prepare, signal } from './internal/validate'
import { ListFilesResult, type ListFilesOptions } from './listFiles'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Pages through every result of a `listFiles` query: `GET /v1/files` again and again with `skip` advanced by
 * each page, until a page is shorter than `limit`. Yields one `Either` per page (`Right` with the page, or one
 * `Left`, after which it stops), so at most one page is held at a time. The page size is `limit` (1 to 1000,
 * default 1000), the start is `skip` (default 0). Aborting `signal` ends the walk with a `NetworkError`
 * `Aborted` (during a request or between two). Each request is retried like any GET. The iterator never
 * throws.
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
 *   for (const item of page.right) console.log(item.name)
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
  const limit = query.limit ?? 1000
  for (let skip = query.skip ?? 0; ;) {
    const stop = abortOf(abort)
    if (stop) return yield left(networkError('Aborted', 'listAllFiles was aborted', stop.reason))
    const page = await send(
      config,
      right({
        method: 'GET',
        path: '/v1/files',
        query: { ...query, limit, skip },
        codec: ListFilesResult,
        signal: abort,
      }),
    )()
    yield page
    if (page._tag === 'Left' || page.right.length < limit) return
    skip += page.right.length
  }
}
