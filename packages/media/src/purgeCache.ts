import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import type * as t from 'io-ts'
import { laxString, struct } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { normalHttpUrl } from './internal/validate'
import type { Abortable } from './model/Abortable'

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
export interface PurgeCacheOptions extends Abortable {
  /**
   * The full URL to purge, absolute http(s), e.g. `https://ik.imagekit.io/demo/a.jpg`. A URL with a query-
   * position transformation (`?tr=…`) purges that variant; purging the plain URL purges every transformation.
   * `undefined` is allowed by the type so that a file's `url` (optional in `FileDetails` and `UploadResult`, which
   * type whatever ImageKit sends) passes straight on, `{ url: file.url }`: a missing URL is a `ValidationError`
   * at `input.url`, and nothing is sent.
   */
  readonly url: string | undefined
}

/** The declaration of {@link purgeCache}: the call it makes, its input check and its codec. */
export const purgeCacheOperation: Operation<PurgeCacheOptions, PurgeCacheResult> = {
  method: 'POST',
  path: '/v1/files/purge',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: { url: field('url', normalHttpUrl) },
  }),
  codec: PurgeCacheResult,
  idempotent: true,
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
export const purgeCache: (
  config: MediaConfig,
  input: PurgeCacheOptions,
) => taskEither.TaskEither<MediaError, PurgeCacheResult> =
  /*#__PURE__*/ operationFunction(purgeCacheOperation)
