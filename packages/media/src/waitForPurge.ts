import type { taskEither } from 'fp-ts'
import { getPurgeCacheStatus } from './getPurgeCacheStatus'
import { waitUntil } from './internal/poll'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import type { WaitOptions } from './model/WaitOptions'
import type { PurgeStatus } from './model/PurgeStatus'

/**
 * Input of {@link waitForPurge}.
 *
 * @since 0.1.0
 * @category model
 */
export interface WaitForPurgeOptions extends WaitOptions {
  /** The purge's `requestId`, from `purgeCache`. */
  readonly requestId: string
}

/**
 * Polls `getPurgeCacheStatus` with backoff (waits of `interval`, doubling up to `maxInterval`) while the
 * purge is `Pending`, for at most `timeout` in total. Any other status ends the wait at once and is the
 * Right: `Completed`, or a status ImageKit does not document (`Failed`, say): a purge that ended is an
 * answer, not a timeout, so check `status`. Each poll is retried like any GET.
 *
 * @param config - private key and transport settings (`now` is the clock for the total timeout).
 * @param input - `{ requestId, timeout?, interval?, maxInterval?, signal? }`.
 * @returns a TaskEither of the first {@link PurgeStatus} that is not `Pending` (`{ status: 'Completed' }`);
 *   `ValidationError`, `NetworkError` `Timeout` (still `Pending` when the time was up) or `Aborted`, or the
 *   first error of a status call.
 * @example
 * import { purgeCache, waitForPurge } from '@imagekit-fp/media'
 *
 * const config = { privateKey: 'private_xxx' }
 * const purge = await purgeCache(config, { url: 'https://ik.imagekit.io/demo/a.jpg' })()
 * if (purge._tag === 'Right') await waitForPurge(config, { requestId: purge.right.requestId, timeout: 60_000 })()
 * // resolves to { _tag: 'Right', right: { status: 'Completed' } }
 * @since 0.1.0
 * @category media
 */
export const waitForPurge = (
  config: MediaConfig,
  input: WaitForPurgeOptions,
): taskEither.TaskEither<MediaError, PurgeStatus> =>
  waitUntil(
    config,
    input,
    'requestId',
    (requestId, signal) =>
      getPurgeCacheStatus(config, signal === undefined ? { requestId } : { requestId, signal }),
    (id) => `purge ${id}`,
  )
