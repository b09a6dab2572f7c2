import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { array } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { Origin } from './model/Origin'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link listOrigins}: nothing but an optional signal.
 *
 * @since 0.1.0
 * @category model
 */
export type ListOriginsOptions = Abortable

const Origins = /*#__PURE__*/ array(Origin)

/** The declaration of {@link listOrigins}: the call it makes, its input check and its codec. */
export const listOriginsOperation: Operation<ListOriginsOptions, Origin[]> = {
  method: 'GET',
  path: '/v1/accounts/origins',
  codec: Origins,
  idempotent: true,
}

/**
 * Lists the account's origins: `GET /v1/accounts/origins` (beta). Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ signal? }` (default `{}`).
 * @returns a TaskEither of the {@link Origin}s; `ValidationError` (nothing sent), `HttpError`, `NetworkError`
 *   or `DecodeError`.
 * @example
 * import { listOrigins } from '@imagekit-fp/media'
 *
 * const result = await listOrigins({ privateKey: 'private_xxx' })()
 * // { _tag: 'Right', right: [{ id: 'origin-id-1', type: 'WEB_PROXY', name: 'Proxy', includeCanonicalHeader: false }] }
 * @since 0.1.0
 * @category media
 */
export const listOrigins: (
  config: MediaConfig,
  input?: ListOriginsOptions,
) => taskEither.TaskEither<MediaError, Origin[]> = /*#__PURE__*/ operationFunction(listOriginsOperation, {})
