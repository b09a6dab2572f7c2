import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import type * as t from 'io-ts'
import { array, laxNumber, laxString, struct } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { usagePeriod } from './internal/usagePeriod'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link getUsageAnalytics}: a period of less than 90 days, both dates included (UTC days).
 *
 * @since 0.1.0
 * @category model
 */
export interface GetUsageAnalyticsOptions extends Abortable {
  /** The first day, `YYYY-MM-DD`. */
  readonly startDate: string
  /** The last day, `YYYY-MM-DD`: not before `startDate`, less than 90 days later. */
  readonly endDate: string
}

const Count = /*#__PURE__*/ struct('Count', { required: { name: laxString, requestCount: laxNumber } })
const entry = { name: laxString, bandwidthBytes: laxNumber, requestCount: laxNumber }
const Entry = /*#__PURE__*/ struct('Entry', { required: entry })
const Ranked = /*#__PURE__*/ struct('Ranked', {
  required: { byBandwidth: /*#__PURE__*/ array(Entry), byRequests: /*#__PURE__*/ array(Entry) },
})
const CountryEntry = /*#__PURE__*/ struct('CountryEntry', { required: { ...entry, code: laxString } })

/**
 * The account's CDN analytics over the period. Not in the spec file: every field is the one
 * `@imagekit/nodejs` 7.11 documents (`UsageAnalyticsResponse`), all required there and here (a missing one is
 * reported as drift, and refused with `strictResponses`); fields added later pass through.
 *
 * @example
 * import { GetUsageAnalyticsResult } from '@imagekit-fp/media'
 *
 * GetUsageAnalyticsResult.is({ requestCount: 1 }) // true: a missing field is drift, not a fault
 * @since 0.1.0
 * @category codecs
 */
export const GetUsageAnalyticsResult = /*#__PURE__*/ struct('GetUsageAnalyticsResult', {
  required: {
    startDate: laxString,
    endDate: laxString,
    generatedAt: laxString,
    bandwidthBytes: laxNumber,
    requestCount: laxNumber,
    cache: /*#__PURE__*/ struct('Cache', {
      required: { hitCount: laxNumber, missCount: laxNumber, errorCount: laxNumber },
    }),
    browser: Ranked,
    country: /*#__PURE__*/ struct('Countries', {
      required: {
        byBandwidth: /*#__PURE__*/ array(CountryEntry),
        byRequests: /*#__PURE__*/ array(CountryEntry),
      },
    }),
    device: Ranked,
    format: Ranked,
    urlEndpoints: Ranked,
    topImages: Ranked,
    topImageTransforms: Ranked,
    topVideos: Ranked,
    topVideoTransforms: Ranked,
    topOtherAssets: Ranked,
    topReferrers: Ranked,
    topUserAgents: Ranked,
    statusCodes: /*#__PURE__*/ array(Count),
    errorReasons: /*#__PURE__*/ array(Count),
    top404Assets: /*#__PURE__*/ array(Count),
    extensions: /*#__PURE__*/ array(
      /*#__PURE__*/ struct('ExtensionCount', { required: { name: laxString, operationCount: laxNumber } }),
    ),
    videoProcessing: /*#__PURE__*/ array(
      /*#__PURE__*/ struct('VideoProcessing', {
        required: { resolution: laxString, codec: laxString, durationSeconds: laxNumber },
      }),
    ),
  },
})
/**
 * @since 0.1.0
 * @category model
 */
export type GetUsageAnalyticsResult = t.TypeOf<typeof GetUsageAnalyticsResult>

/** The declaration of {@link getUsageAnalytics}: the call it makes, its input check and its codec. */
export const getUsageAnalyticsOperation: Operation<GetUsageAnalyticsOptions, GetUsageAnalyticsResult> = {
  method: 'GET',
  path: '/v1/accounts/usage-analytics',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    searchParams: usagePeriod(field, true),
  }),
  codec: GetUsageAnalyticsResult,
  idempotent: true,
}

/**
 * Gets the account's CDN analytics (beta) between two dates, both included: `GET
 * /v1/accounts/usage-analytics?startDate&endDate`. Not in the spec file: the request follows
 * `@imagekit/nodejs` 7.11 (checked by the differential test). Both dates are checked before anything is
 * sent: real `YYYY-MM-DD` dates, `endDate` not before `startDate` and less than 90 days later. Retried on
 * 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ startDate, endDate }`.
 * @returns a TaskEither of the {@link GetUsageAnalyticsResult}; `ValidationError` (nothing sent),
 *   `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { getUsageAnalytics } from '@imagekit-fp/media'
 *
 * const result = await getUsageAnalytics({ privateKey: 'private_xxx' }, { startDate: '2026-01-01', endDate: '2026-01-31' })()
 * // { _tag: 'Right', right: { startDate: '2026-01-01', endDate: '2026-01-31', requestCount: 1200, … } }
 * @since 0.1.0
 * @category media
 */
export const getUsageAnalytics: (
  config: MediaConfig,
  input: GetUsageAnalyticsOptions,
) => taskEither.TaskEither<MediaError, GetUsageAnalyticsResult> =
  /*#__PURE__*/ operationFunction(getUsageAnalyticsOperation)
