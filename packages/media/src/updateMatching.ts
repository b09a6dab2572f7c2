import type { taskEither } from 'fp-ts'
import { validationError } from '@imagekit-fp/utils'
import { attempt, fields, right } from '@imagekit-fp/internal'
import { perFile, runMatching } from './internal/matching'
import { send } from './internal/send'
import { fail, fillPath } from './internal/validate'
import type { MatchingOptions, MatchingQuery, MatchingReport } from './model/Matching'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import {
  updateFileDetailsOperation,
  type FileDetailsUpdate,
  type FilePublishUpdate,
  type UpdateFileDetailsOptions,
  type UpdateFileDetailsResult,
} from './updateFileDetails'

/**
 * Applies one `updateFileDetails` update to every file a search matches: lists them all with `listAllFiles`
 * first (only `{ fileId, filePath, url }` kept per file), then sends one `PATCH /v1/files/{fileId}/details`
 * per file, on the bulk engine: `concurrency` calls at once, a 429 pausing every worker until the window
 * reopens, `onProgress`, abort. The listing is read to the end before the first update, because an update to
 * what the query filters on (tags, custom metadata) shifts the `skip`-based pages and would make the walk miss
 * files. The update is checked once, before anything is sent; it is retried as `updateFileDetails` is (with
 * `extensions`: only where nothing reached ImageKit). With `dryRun: true` nothing is changed.
 *
 * @param config - private key and transport settings.
 * @param query - the `listFiles` query (`{}`: every file).
 * @param update - the update form (`tags`, `customMetadata`, …) or the publish form, as `updateFileDetails` takes it.
 * @param options - concurrency, gate, signal, listeners, `keep`, `dryRun`; see {@link MatchingOptions}. Each
 *   done file's result is the updated file: `keep: 'failed'` keeps a large run's report small.
 * @returns a TaskEither of the {@link MatchingReport} (each done file's result: its
 *   {@link UpdateFileDetailsResult}), or a Left when nothing was acted on: `ValidationError` (bad query, update
 *   or options, nothing sent) or the listing's `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { updateMatching } from '@imagekit-fp/media/bulk'
 *
 * await updateMatching({ privateKey: 'private_xxx' }, { path: '/drafts' }, { publish: { isPublished: false } })()
 * // resolves to { _tag: 'Right', right: { done: [...], failed: [], total: 12, matched: 12, aborted: false } }
 * @since 0.2.0
 * @category files
 */
export const updateMatching = (
  config: MediaConfig,
  query: MatchingQuery,
  update: FileDetailsUpdate | FilePublishUpdate,
  options?: MatchingOptions<UpdateFileDetailsResult>,
): taskEither.TaskEither<MediaError, MatchingReport<UpdateFileDetailsResult>> =>
  runMatching(config, query, options, () => {
    // The update's own check names its faults under `input`: here the argument is `update`.
    const checked = attempt(
      () => updateFileDetailsOperation.input!(fields<UpdateFileDetailsOptions>(update, 'update')),
      'update',
      validationError,
    )
    if (checked._tag === 'Left') fail(checked.left.path.replace(/^input\b/, 'update'), checked.left.message)
    const parts = checked.right
    return perFile((cfg, { fileId }, signal) =>
      send(
        cfg,
        updateFileDetailsOperation,
        right([fillPath(updateFileDetailsOperation.path, () => fileId), parts, signal] as const),
      ),
    )
  })
