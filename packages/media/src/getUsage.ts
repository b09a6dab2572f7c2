import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import type * as t from 'io-ts'
import { laxNumber, struct } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { usagePeriod } from './internal/usagePeriod'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getUsage}: a period of less than 90 days, `startDate` included, `endDate` excluded.
 *
 * @since 0.1.0
 * @category model
 */
export interface GetUsageOptions extends Abortable {
  /** The first day, `YYYY-MM-DD`. */
  readonly startDate: string
  /** The day after the last one, `YYYY-MM-DD`: after `startDate`, less than 90 days later. */
  readonly endDate: string
}

/**
 * The account's usage over the period; every field is optional, as in the spec.
 *
 * @example
 * import { GetUsageResult } from '@imagekit-fp/media'
 *
 * GetUsageResult.is({ bandwidthBytes: 21991583578, mediaLibraryStorageBytes: 1878758298 }) // true
 * @since 0.1.0
 * @category codecs
 */
export const GetUsageResult = /*#__PURE__*/ struct('GetUsageResult', {
  optional: {
    bandwidthBytes: laxNumber,
    mediaLibraryStorageBytes: laxNumber,
    videoProcessingUnitsCount: laxNumber,
    extensionUnitsCount: laxNumber,
    originalCacheStorageBytes: laxNumber,
  },
})
/**
 * @since 0.1.0
 * @category model
 */
export type GetUsageResult = t.TypeOf<typeof GetUsageResult>

/** The declaration of {@link getUsage}: the call it makes, its input check and its codec. */
export const getUsageOperation: Operation<GetUsageOptions, GetUsageResult> = {
  method: 'GET',
  path: '/v1/accounts/usage',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    searchParams: usagePeriod(field, false),
  }),
  codec: GetUsageResult,
  idempotent: true,
}

/**
 * Gets the account's usage (bandwidth, storage, video and extension units) between two dates:
 * `GET /v1/accounts/usage?startDate&endDate`. Both dates are checked before anything is sent: real
 * `YYYY-MM-DD` dates, `endDate` after `startDate` and less than 90 days later. Retried on 408, 429, 5xx and
 * connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ startDate, endDate }`.
 * @returns a TaskEither of the {@link GetUsageResult}; `ValidationError` (nothing sent), `HttpError`,
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { getUsage } from '@imagekit-fp/media'
 *
 * const result = await getUsage({ privateKey: 'private_xxx' }, { startDate: '2026-01-01', endDate: '2026-02-01' })()
 * // { _tag: 'Right', right: { bandwidthBytes: 21991583578, mediaLibraryStorageBytes: 1878758298, … } }
 * @since 0.1.0
 * @category media
 */
export const getUsage: (
  config: MediaConfig,
  input: GetUsageOptions,
) => taskEither.TaskEither<MediaError, GetUsageResult> = /*#__PURE__*/ operationFunction(getUsageOperation)
