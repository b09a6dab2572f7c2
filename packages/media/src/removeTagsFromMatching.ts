import type { taskEither } from 'fp-ts'
import { removeTags, removeTagsOperation } from './removeTags'
import { runMatching, tagsAction } from './internal/matching'
import type { MatchingOptions, MatchingQuery, MatchingReport } from './model/Matching'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Removes `tags` from every file a search matches: lists them all with `listAllFiles` first (only
 * `{ fileId, filePath, url }` kept per file), then calls `removeTags` for 50 files at a time (ImageKit's
 * documented limit), on the bulk engine: `concurrency` calls at once, a 429 pausing every worker until the
 * window reopens, `onProgress`, abort. The listing is read to the end before any change, because a change (to
 * the tags the query filters on, say) shifts the `skip`-based pages and would make the walk miss files. A 207
 * partial success or a 404 naming missing files marks exactly those files `Failed` (a 404's other files are
 * sent again); every file appears once in the report. With `dryRun: true` nothing is changed.
 *
 * @param config - private key and transport settings.
 * @param query - the `listFiles` query (`{}`: every file).
 * @param tags - the tags to remove (non-empty strings).
 * @param options - concurrency, gate, signal, listeners, `keep`, `dryRun`; see {@link MatchingOptions}.
 * @returns a TaskEither of the {@link MatchingReport}, or a Left when nothing was acted on: `ValidationError`
 *   (bad query, tags or options, nothing sent) or the listing's `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { removeTagsFromMatching } from '@imagekit-fp/media/bulk'
 *
 * await removeTagsFromMatching({ privateKey: 'private_xxx' }, { searchQuery: 'createdAt > "7d"' }, ['draft'])()
 * // resolves to { _tag: 'Right', right: { done: [...], failed: [], total: 120, matched: 120, aborted: false } }
 * @since 0.2.0
 * @category files
 */
export const removeTagsFromMatching = (
  config: MediaConfig,
  query: MatchingQuery,
  tags: readonly string[],
  options?: MatchingOptions<void>,
): taskEither.TaskEither<MediaError, MatchingReport<void>> =>
  runMatching(config, query, options, () => tagsAction(removeTagsOperation.path, tags, removeTags))
