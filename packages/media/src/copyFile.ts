import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { operationFunction, type Operation } from './internal/send'
import { boolean, nonEmptyString, optional } from './internal/validate'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link copyFile}.
 *
 * @since 0.1.0
 * @category model
 */
export interface CopyFileOptions extends Abortable {
  /** Full path of the file to copy, e.g. `/path/to/file.jpg`. */
  readonly sourceFilePath: string
  /** Folder to copy it into, e.g. `/folder/to/copy/into/`. */
  readonly destinationPath: string
  /**
   * Copy every version of the file too.
   * @default false
   */
  readonly includeFileVersions?: boolean
}

/** The declaration of {@link copyFile}: the call it makes, its input check and its codec. */
export const copyFileOperation: Operation<CopyFileOptions, void, void> = {
  method: 'POST',
  path: '/v1/files/copy',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      sourceFilePath: field('sourceFilePath', nonEmptyString),
      destinationPath: field('destinationPath', nonEmptyString),
      includeFileVersions: field('includeFileVersions', optional(boolean)),
    },
  }),
  codec: Empty,
  idempotent: 'unsent',
}

/**
 * Copies a file into a folder: `POST /v1/files/copy`. A file of the same name there is overwritten (as a new
 * version). Retried only where nothing reached ImageKit (a 429, a connection that never opened), never after
 * a lost reply: a second copy would add a version.
 *
 * @param config - private key and transport settings.
 * @param input - `{ sourceFilePath, destinationPath, includeFileVersions? }`.
 * @returns a TaskEither of `void` (ImageKit's 204); `ValidationError`, `HttpError` (404 with `reason`
 *   `SOURCE_FILE_MISSING` or `DESTINATION_PATH_MISSING` in `body`), `NetworkError` or `DecodeError`.
 * @example
 * import { copyFile } from '@imagekit-fp/media'
 *
 * await copyFile({ privateKey: 'private_xxx' }, { sourceFilePath: '/a/file.jpg', destinationPath: '/b/' })()
 * // resolves to { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category files
 */
export const copyFile: (
  config: MediaConfig,
  input: CopyFileOptions,
) => taskEither.TaskEither<MediaError, void> = /*#__PURE__*/ operationFunction(copyFileOperation)
