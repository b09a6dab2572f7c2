import type { taskEither } from 'fp-ts'
import { array } from '@imagekit-fp/utils/codec'
import { send } from './internal/send'
import { optional, prepare, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { Origin } from './model/Origin'

/**
 * Input of {@link listOrigins}: nothing but an optional signal.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListOriginsOptions {
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

const Origins = /*#__PURE__*/ array(Origin)

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
export const listOrigins = (
  config: MediaConfig,
  input: ListOriginsOptions = {},
): taskEither.TaskEither<MediaError, Origin[]> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: '/v1/accounts/origins',
      codec: Origins,
      signal: field('signal', optional(signal)),
    })),
  )
