import type { taskEither } from 'fp-ts'
import { array } from '@imagekit-fp/utils/codec'
import { send } from './internal/send'
import { optional, prepare, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { SavedExtension } from './model/SavedExtension'

/**
 * Input of {@link listSavedExtensions}: nothing but an optional signal.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListSavedExtensionsOptions {
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

const SavedExtensions = /*#__PURE__*/ array(SavedExtension)

/**
 * Lists the account's saved extensions: `GET /v1/saved-extensions`. Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ signal? }` (default `{}`).
 * @returns a TaskEither of the {@link SavedExtension}s; `ValidationError` (nothing sent), `HttpError`, `NetworkError`
 *   or `DecodeError`.
 * @example
 * import { listSavedExtensions } from '@imagekit-fp/media'
 *
 * const result = await listSavedExtensions({ privateKey: 'private_xxx' })()
 * // { _tag: 'Right', right: [{ id: 'ext_abc123', name: 'Describe', config: { name: 'ai-auto-description' }, … }] }
 * @since 0.1.0
 * @category media
 */
export const listSavedExtensions = (
  config: MediaConfig,
  input: ListSavedExtensionsOptions = {},
): taskEither.TaskEither<MediaError, SavedExtension[]> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: '/v1/saved-extensions',
      codec: SavedExtensions,
      signal: field('signal', optional(signal)),
    })),
  )
