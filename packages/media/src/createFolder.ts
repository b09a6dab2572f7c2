import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { operationFunction, type Operation } from './internal/send'
import { name, nonEmptyString } from './internal/validate'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link createFolder}.
 *
 * @since 0.1.0
 * @category model
 */
export interface CreateFolderOptions extends Abortable {
  /** The new folder's name (no `/`). */
  readonly folderName: string
  /** Where to create it, e.g. `/` or `/products`; missing parent folders are created too. */
  readonly parentFolderPath: string
}

/** The declaration of {@link createFolder}: the call it makes, its input check and its codec. */
export const createFolderOperation: Operation<CreateFolderOptions, void, void> = {
  method: 'POST',
  path: '/v1/folder',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      folderName: field('folderName', name),
      parentFolderPath: field('parentFolderPath', nonEmptyString),
    },
  }),
  codec: Empty,
  idempotent: 'unsent',
}

/**
 * Creates a folder: `POST /v1/folder`. Retried only where nothing reached ImageKit (a 429, a connection that
 * never opened), never after a lost reply: the folder may exist already.
 *
 * @param config - private key and transport settings.
 * @param input - `{ folderName, parentFolderPath }`.
 * @returns a TaskEither of `void` (ImageKit's 201 `{}`); `ValidationError`, `HttpError` (400 with `reason`
 *   in `body`), `NetworkError` or `DecodeError`.
 * @example
 * import { createFolder } from '@imagekit-fp/media'
 *
 * await createFolder({ privateKey: 'private_xxx' }, { folderName: 'summer', parentFolderPath: '/products' })()
 * // resolves to { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category media
 */
export const createFolder: (
  config: MediaConfig,
  input: CreateFolderOptions,
) => taskEither.TaskEither<MediaError, void> = /*#__PURE__*/ operationFunction(createFolderOperation)
