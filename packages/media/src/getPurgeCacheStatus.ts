import type { taskEither } from 'fp-ts'
import { send } from './internal/send'
import { id, optional, prepare, route, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { PurgeStatus } from './model/PurgeStatus'

/**
 * Input of {@link getPurgeCacheStatus}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetPurgeCacheStatusOptions {
  /** The purge's `requestId`, from `purgeCache` (or `renameFile`'s `purgeRequestId`). */
  readonly requestId: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Gets the status of a purge request: `GET /v1/files/purge/{requestId}` (the classic `get_purge_cache_status`).
 *
 * @param config - private key and transport settings.
 * @param input - `{ requestId }`.
 * @returns a TaskEither of the {@link PurgeStatus} (`{ status: 'Pending' | 'Completed' }`); `ValidationError`,
 *   `HttpError` (400: no such request), `NetworkError` or `DecodeError`.
 * @example
 * import { getPurgeCacheStatus } from '@imagekit-fp/media'
 *
 * await getPurgeCacheStatus({ privateKey: 'private_xxx' }, { requestId: '598821f949c0a938d57563bd' })()
 * // resolves to { _tag: 'Right', right: { status: 'Completed' } }
 * @since 0.1.0
 * @category media
 */
export const getPurgeCacheStatus = (
  config: MediaConfig,
  input: GetPurgeCacheStatusOptions,
): taskEither.TaskEither<MediaError, PurgeStatus> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: route`/v1/files/purge/${field('requestId', id)}`,
      codec: PurgeStatus,
      signal: field('signal', optional(signal)),
    })),
  )
