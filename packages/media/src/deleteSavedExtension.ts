import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Empty } from './internal/codec'
import { alreadyDeleted, operationFunction, type Operation } from './internal/send'

import type { DeleteResult } from './model/DeleteResult'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link deleteSavedExtension}.
 *
 * @since 0.1.0
 * @category model
 */
export interface DeleteSavedExtensionOptions extends Abortable {
  /** The saved extension's id. */
  readonly id: string
}

/** The declaration of {@link deleteSavedExtension}: the call it makes, its input check and its codec. */
export const deleteSavedExtensionOperation: Operation<DeleteSavedExtensionOptions, void, DeleteResult> = {
  method: 'DELETE',
  path: '/v1/saved-extensions/{id}',
  codec: Empty,
  gone: alreadyDeleted,
  idempotent: true,
}

/**
 * Deletes a saved extension for good: `DELETE /v1/saved-extensions/{id}`. Retried on 408, 429, 5xx and
 * connection errors (a DELETE). A retry that finds it gone (404) after an attempt whose reply was lost
 * resolves to `{ alreadyDeleted: true }`.
 *
 * @param config - private key and transport settings.
 * @param input - `{ id }`.
 * @returns a TaskEither of a {@link DeleteResult} (`undefined` for ImageKit's 204); `ValidationError`
 *   (nothing sent), `HttpError` (e.g. 404), `NetworkError`.
 * @example
 * import { deleteSavedExtension } from '@imagekit-fp/media'
 *
 * const result = await deleteSavedExtension({ privateKey: 'private_xxx' }, { id: 'ext_abc123' })()
 * // { _tag: 'Right', right: undefined }
 * @since 0.1.0
 * @category media
 */
export const deleteSavedExtension: (
  config: MediaConfig,
  input: DeleteSavedExtensionOptions,
) => taskEither.TaskEither<MediaError, DeleteResult> = /*#__PURE__*/ operationFunction(
  deleteSavedExtensionOperation,
)
