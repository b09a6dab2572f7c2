import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { SavedExtension } from './model/SavedExtension'

/**
 * Input of {@link getSavedExtension}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetSavedExtensionOptions {
  /** The saved extension's id. */
  readonly id: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
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
export const getSavedExtension = (
  config: MediaConfig,
  input: GetSavedExtensionOptions,
): taskEither.TaskEither<MediaError, SavedExtension> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/saved-extensions/${field('id', id)}`,
      codec: SavedExtension,
      signal: field('signal', optional(signal)),
    })),
  )
