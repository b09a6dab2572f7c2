import type { taskEither } from 'fp-ts'
import type * as t from 'io-ts'
import { laxString, struct } from '@imagekit-fp/utils/codec'
import { send } from './internal/send'
import { normalHttpUrl, optional, prepare, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * The reply of {@link purgeCache}: the purge's `requestId` (required), for `getPurgeCacheStatus` and
 * `waitForPurge`.
 *
 * @example
 * import { PurgeCacheResult } from '@imagekit-fp/media'
 *
 * PurgeCacheResult.is({ requestId: '598821f949c0a938d57563bd' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const PurgeCacheResult = /*#__PURE__*/ struct('PurgeCacheResult', {
  identity: { requestId: laxString },
})
/**
 * @since 0.1.0
 * @category model
 */
export type PurgeCacheResult = t.TypeOf<typeof PurgeCacheResult>

/**
 * Input of {@link purgeCache}.
 *
 * @since 0.1.0
 * @category model
 */
export interface PurgeCacheOptions {
  /**
   * The full URL to purge, absolute http(s), e.g. `https://ik.imagekit.io/demo/a.jpg`. A URL with a query-
   * position transformation (`?tr=…`) purges that variant; purging the plain URL purges every transformation.
   */
  readonly url: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Purges a URL from ImageKit's CDN cache: `POST /v1/files/purge` (the classic `purge_cache`). A purge is safe
 * to repeat, so the call is retried like an idempotent one.
 *
 * @param config - private key and transport settings.
 * @param input - `{ url }`.
 * @returns a TaskEither of the {@link PurgeCacheResult} (`{ requestId }`); `ValidationError` (a URL that is
 *   not absolute http or https), `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { purgeCache } from '@imagekit-fp/media'
 *
 * await purgeCache({ privateKey: 'private_xxx' }, { url: 'https://ik.imagekit.io/demo/a.jpg' })()
 * // resolves to { _tag: 'Right', right: { requestId: '598821f949c0a938d57563bd' } }
 * @since 0.1.0
 * @category media
 */
export const purgeCache = (
  config: MediaConfig,
  input: PurgeCacheOptions,
): taskEither.TaskEither<MediaError, PurgeCacheResult> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'POST',
      path: '/v1/files/purge',
      json: { url: field('url', normalHttpUrl) },
      codec: PurgeCacheResult,
      idempotent: true,
      signal: field('signal', optional(signal)),
    })),
  )
