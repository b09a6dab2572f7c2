import type { taskEither } from 'fp-ts'
import { bulkDeleteFiles, bulkDeleteFilesOperation } from './bulkDeleteFiles'
import { bulkChunk, DELETE_CHUNK, runMatching } from './internal/matching'
import type { DeleteResult } from './model/DeleteResult'
import type { MatchingOptions, MatchingQuery, MatchingReport } from './model/Matching'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Deletes every file a search matches, with its versions: lists them all with `listAllFiles` first (only
 * `{ fileId, filePath, url }` kept per file), then calls `bulkDeleteFiles` for 100 files at a time (ImageKit's
 * documented limit), on the bulk engine: `concurrency` calls at once, a 429 pausing every worker until the
 * window reopens, `onProgress`, abort. The listing is read to the end before anything is deleted, because each
 * delete shifts the `skip`-based pages and a walk that deleted as it went would miss files. A 207 partial
 * success or a 404 naming missing files marks exactly those files `Failed` (a 404's other files are sent
 * again); every file appears once in the report. Try `dryRun: true` first: it lists what would be deleted.
 *
 * @param config - private key and transport settings.
 * @param query - the `listFiles` query (`{}`: every file of the account).
 * @param options - concurrency, gate, signal, listeners, `keep`, `dryRun`; see {@link MatchingOptions}.
 * @returns a TaskEither of the {@link MatchingReport} (each done file's result: `undefined`, or
 *   `{ alreadyDeleted: true }` when a retry after a lost reply found the files gone), or a Left when nothing
 *   was acted on: `ValidationError` (bad query or options, nothing sent) or the listing's `HttpError`,
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { deleteMatching } from '@imagekit-fp/media/bulk'
 *
 * await deleteMatching({ privateKey: 'private_xxx' }, { path: '/tmp' }, { dryRun: true })()
 * // resolves to { _tag: 'Right', right: { dryRun: { files: [...], calls: 2 }, matched: 120, total: 0, … } }
 * @since 0.2.0
 * @category files
 */
export const deleteMatching = (
  config: MediaConfig,
  query: MatchingQuery,
  options?: MatchingOptions<DeleteResult>,
): taskEither.TaskEither<MediaError, MatchingReport<DeleteResult>> =>
  runMatching(config, query, options, () => ({
    chunk: DELETE_CHUNK,
    act: (cfg, files, signal) =>
      bulkChunk(
        cfg,
        bulkDeleteFilesOperation.path,
        'successfullyDeletedFileIds',
        files,
        (fileIds) => bulkDeleteFiles(cfg, { fileIds, signal }),
        (reply): DeleteResult => (reply?.alreadyDeleted ? { alreadyDeleted: true } : undefined),
      ),
  }))
