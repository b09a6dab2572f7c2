import type { taskEither } from 'fp-ts'
import { decodeError } from '@imagekit-fp/utils'
import { left } from '@imagekit-fp/internal'
import { perFile, runMatching } from './internal/matching'
import type { MatchingOptions, MatchingQuery, MatchingReport } from './model/Matching'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { purgeCache, type PurgeCacheResult } from './purgeCache'

/**
 * Purges the CDN cache of every file a search matches: lists them all with `listAllFiles` first (only
 * `{ fileId, filePath, url }` kept per file), then calls `purgeCache` once per file URL, on the bulk engine:
 * `concurrency` calls at once, a 429 pausing every worker until the window reopens, `onProgress`, abort. The
 * listing is read to the end before the first purge (as every bulk helper does, so that the walk sees one
 * stable listing). It does not wait for the purges: each done file's result holds its `requestId`, for
 * `waitForPurge`. A file listed without a URL fails with a `DecodeError`. With `dryRun: true` nothing is purged.
 *
 * @param config - private key and transport settings.
 * @param query - the `listFiles` query (`{}`: every file).
 * @param options - concurrency, gate, signal, listeners, `keep`, `dryRun`; see {@link MatchingOptions}.
 * @returns a TaskEither of the {@link MatchingReport} (each done file's result: its {@link PurgeCacheResult}),
 *   or a Left when nothing was acted on: `ValidationError` (bad query or options, nothing sent) or the
 *   listing's `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { purgeMatching } from '@imagekit-fp/media/bulk'
 *
 * await purgeMatching({ privateKey: 'private_xxx' }, { path: '/products' }, { concurrency: 8 })()
 * // resolves to { _tag: 'Right', right: { done: [{ _tag: 'Done', index: 0, ref: { fileId, filePath, url }, result: { requestId } }, …], … } }
 * @since 0.2.0
 * @category media
 */
export const purgeMatching = (
  config: MediaConfig,
  query: MatchingQuery,
  options?: MatchingOptions<PurgeCacheResult>,
): taskEither.TaskEither<MediaError, MatchingReport<PurgeCacheResult>> =>
  runMatching(config, query, options, () =>
    perFile((cfg, { fileId, url }, signal) =>
      url === undefined
        ? async () => left(decodeError([], `the listing gave no url for file ${fileId}: nothing to purge`))
        : purgeCache(cfg, { url, signal }),
    ),
  )
