import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'

import { SavedExtension } from './model/SavedExtension'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getSavedExtension}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetSavedExtensionOptions extends Abortable {
  /** The saved extension's id. */
  readonly id: string
}

/** The declaration of {@link getSavedExtension}: the call it makes, its input check and its codec. */
export const getSavedExtensionOperation: Operation<GetSavedExtensionOptions, SavedExtension> = {
  method: 'GET',
  path: '/v1/saved-extensions/{id}',
  codec: SavedExtension,
  idempotent: true,
}

/**
 * Gets one saved extension: `GET /v1/saved-extensions/{id}`. Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ id }`.
 * @returns a TaskEither of the {@link SavedExtension}; `ValidationError` (nothing sent), `HttpError` (e.g. 404),
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { getSavedExtension } from '@imagekit-fp/media'
 *
 * const result = await getSavedExtension({ privateKey: 'private_xxx' }, { id: 'ext_abc123' })()
 * // { _tag: 'Right', right: { id: 'ext_abc123', name: 'Describe', config: { name: 'ai-auto-description' }, … } }
 * @since 0.1.0
 * @category media
 */
export const getSavedExtension: (
  config: MediaConfig,
  input: GetSavedExtensionOptions,
) => taskEither.TaskEither<MediaError, SavedExtension> =
  /*#__PURE__*/ operationFunction(getSavedExtensionOperation)
