import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { operationFunction, type Operation } from './internal/send'
import { nonEmptyString } from './internal/validate'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link moveFile}.
 *
 * @since 0.1.0
 * @category model
 */
export interface MoveFileOptions extends Abortable {
  /** Full path of the file to move, e.g. `/path/to/file.jpg`. */
  readonly sourceFilePath: string
  /** Folder to move it into, e.g. `/folder/to/move/into/`. */
  readonly destinationPath: string
}

/** The declaration of {@link moveFile}: the call it makes, its input check and its codec. */
export const moveFileOperation: Operation<MoveFileOptions, void, void> = {
  method: 'POST',
  path: '/v1/files/move',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      sourceFilePath: field('sourceFilePath', nonEmptyString),
      destinationPath: field('destinationPath', nonEmptyString),
    },
  }),
  codec: Empty,
  idempotent: 'unsent',
}

/**
 * Moves a file, with all its versions, into a folder: `POST /v1/files/move`. Retried only where nothing
 * reached ImageKit (a 429, a connection that never opened), never after a lost reply: the second move would
 * find no file (404).
 *
 * @param config - private key and transport settings.
 * @param input - `{ sourceFilePath, destinationPath }`.
 * @returns a TaskEither of `void` (ImageKit's 204); `ValidationError`, `HttpError` (404 with `reason` in
 *   `body`), `NetworkError` or `DecodeError`.
 * @example
 * import { moveFile } from '@imagekit-fp/media'
 *
 * await moveFile({ privateKey: 'private_xxx' }, { sourceFilePath: '/a/file.jpg', destinationPath: '/b/' })()
 * // resolves to { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category files
 */
export const moveFile: (
  config: MediaConfig,
  input: MoveFileOptions,
) => taskEither.TaskEither<MediaError, void> = /*#__PURE__*/ operationFunction(moveFileOperation)
