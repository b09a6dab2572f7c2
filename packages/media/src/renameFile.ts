import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { partialSuccess } from './internal/partial'
import type * as t from 'io-ts'
import { laxString, struct } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { boolean, name, nonEmptyString, optional } from './internal/validate'
import type { Abortable } from './model/Abortable'

/**
 * The reply of {@link renameFile}: `purgeRequestId` when `purgeCache` was asked; on a 207 (renamed, but the
 * purge failed) `reason`, `message` and `help` instead.
 *
 * @example
 * import { RenameFileReply } from '@imagekit-fp/media'
 *
 * RenameFileReply.is({ purgeRequestId: '598821f949c0a938d57563bd' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const RenameFileReply = /*#__PURE__*/ struct('RenameFileReply', {
  optional: { purgeRequestId: laxString, reason: laxString, message: laxString, help: laxString },
})

/**
 * The result of {@link renameFile}: the reply and `partial` (`true` for ImageKit's 207: the file was renamed
 * but its old URL's cache was not purged; `message` says why).
 *
 * @since 0.1.0
 * @category model
 */
export type RenameFileResult = t.TypeOf<typeof RenameFileReply> & { readonly partial: boolean }

/**
 * Input of {@link renameFile}.
 *
 * @since 0.1.0
 * @category model
 */
export interface RenameFileOptions extends Abortable {
  /** Full path of the file, e.g. `/path/to/file.jpg`. */
  readonly filePath: string
  /** The new name, without a path: `newFileName.jpg`. */
  readonly newFileName: string
  /**
   * Also purge the old URL from the CDN cache (the reply then carries `purgeRequestId`).
   * @default false
   */
  readonly purgeCache?: boolean
}

/** The declaration of {@link renameFile}: the call it makes, its input check and its codec. */
export const renameFileOperation: Operation<
  RenameFileOptions,
  t.TypeOf<typeof RenameFileReply>,
  RenameFileResult
> = {
  method: 'PUT',
  path: '/v1/files/rename',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      filePath: field('filePath', nonEmptyString),
      newFileName: field('newFileName', name),
      purgeCache: field('purgeCache', optional(boolean)),
    },
  }),
  ...partialSuccess(RenameFileReply),
  idempotent: 'unsent',
}

/**
 * Renames a file, with all its versions: `PUT /v1/files/rename`. Retried only where nothing reached ImageKit
 * (a 429, a connection that never opened), never after a lost reply: the retry of a rename that happened
 * would be a 404 for the old path.
 *
 * @param config - private key and transport settings.
 * @param input - `{ filePath, newFileName, purgeCache? }`.
 * @returns a TaskEither of the {@link RenameFileResult}; `ValidationError` (also for a `newFileName` with a
 *   `/`), `HttpError` (404 `FILE_MISSING`, 409 `FILE_ALREADY_EXISTS`, with `reason` in `body`), `NetworkError`
 *   or `DecodeError`.
 * @example
 * import { renameFile } from '@imagekit-fp/media'
 *
 * await renameFile({ privateKey: 'private_xxx' }, { filePath: '/a/file.jpg', newFileName: 'new.jpg', purgeCache: true })()
 * // resolves to { _tag: 'Right', right: { purgeRequestId: '…', partial: false } }
 * @since 0.1.0
 * @category files
 */
export const renameFile: (
  config: MediaConfig,
  input: RenameFileOptions,
) => taskEither.TaskEither<MediaError, RenameFileResult> =
  /*#__PURE__*/ operationFunction(renameFileOperation)
