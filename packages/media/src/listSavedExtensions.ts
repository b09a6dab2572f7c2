import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { array } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { SavedExtension } from './model/SavedExtension'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link listSavedExtensions}: nothing but an optional signal.
 *
 * @since 0.1.0
 * @category model
 */
export type ListSavedExtensionsOptions = Abortable

const SavedExtensions = /*#__PURE__*/ array(SavedExtension)

/** The declaration of {@link listSavedExtensions}: the call it makes, its input check and its codec. */
export const listSavedExtensionsOperation: Operation<ListSavedExtensionsOptions, SavedExtension[]> = {
  method: 'GET',
  path: '/v1/saved-extensions',
  codec: SavedExtensions,
  idempotent: true,
}

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
export const listSavedExtensions: (
  config: MediaConfig,
  input?: ListSavedExtensionsOptions,
) => taskEither.TaskEither<MediaError, SavedExtension[]> = /*#__PURE__*/ operationFunction(
  listSavedExtensionsOperation,
  {},
)
