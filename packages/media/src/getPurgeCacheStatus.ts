import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import { PurgeStatus } from './model/PurgeStatus'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getPurgeCacheStatus}.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetPurgeCacheStatusOptions extends Abortable {
  /** The purge's `requestId`, from `purgeCache` (or `renameFile`'s `purgeRequestId`). */
  readonly requestId: string
}

/** The declaration of {@link getPurgeCacheStatus}: the call it makes, its input check and its codec. */
export const getPurgeCacheStatusOperation: Operation<GetPurgeCacheStatusOptions, PurgeStatus> = {
  method: 'GET',
  path: '/v1/files/purge/{requestId}',
  codec: PurgeStatus,
  idempotent: true,
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
export const getPurgeCacheStatus: (
  config: MediaConfig,
  input: GetPurgeCacheStatusOptions,
) => taskEither.TaskEither<MediaError, PurgeStatus> = /*#__PURE__*/ operationFunction(
  getPurgeCacheStatusOperation,
)
