import type { taskEither } from 'fp-ts'
import * as t from 'io-ts'
import { send } from './internal/send'
import { usagePeriod } from './internal/usagePeriod'
import { optional, prepare, signal } from './internal/validate'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link getUsageAnalytics}: a period of less than 90 days, both dates included (UTC days).
 *
 * @since 0.1.0
 * @category model
 */
export interface GetUsageAnalyticsOptions {
  /** The first day, `YYYY-MM-DD`. */
  readonly startDate: string
  /** The last day, `YYYY-MM-DD`: not before `startDate`, less than 90 days later. */
  readonly endDate: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

const Count = /*#__PURE__*/ t.type({ name: t.string, requestCount: t.number })
const Entry = /*#__PURE__*/ t.type({ name: t.string, bandwidthBytes: t.number, requestCount: t.number })
const Ranked = /*#__PURE__*/ t.type({
  byBandwidth: /*#__PURE__*/ t.array(Entry),
  byRequests: /*#__PURE__*/ t.array(Entry),
})
const CountryEntry = /*#__PURE__*/ t.intersection([Entry, /*#__PURE__*/ t.type({ code: t.string })])

/**
 * The account's CDN analytics over the period. Not in the spec file: every field is the one
 * `@imagekit/nodejs` 7.11 documents (`UsageAnalyticsResponse`), all required there and here; fields added
 * later pass through.
 *
 * @example
 * import { GetUsageAnalyticsResult } from '@imagekit-fp/media'
 *
 * GetUsageAnalyticsResult.is({ requestCount: 1 }) // false: every documented field is required
 * @since 0.1.0
 * @category codecs
 */
export const GetUsageAnalyticsResult = /*#__PURE__*/ t.type(
  {
    startDate: t.string,
    endDate: t.string,
    generatedAt: t.string,
    bandwidthBytes: t.number,
    requestCount: t.number,
    cache: /*#__PURE__*/ t.type({ hitCount: t.number, missCount: t.number, errorCount: t.number }),
    browser: Ranked,
    country: /*#__PURE__*/ t.type({
      byBandwidth: /*#__PURE__*/ t.array(CountryEntry),
      byRequests: /*#__PURE__*/ t.array(CountryEntry),
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
    statusCodes: /*#__PURE__*/ t.array(Count),
    errorReasons: /*#__PURE__*/ t.array(Count),
    top404Assets: /*#__PURE__*/ t.array(Count),
    extensions: /*#__PURE__*/ t.array(/*#__PURE__*/ t.type({ name: t.string, operationCount: t.number })),
    videoProcessing: /*#__PURE__*/ t.array(
      /*#__PURE__*/ t.type({ resolution: t.string, codec: t.string, durationSeconds: t.number }),
    ),
  },
  'GetUsageAnalyticsResult',
)
/**
 * @since 0.1.0
 * @category model
 */
export type GetUsageAnalyticsResult = t.TypeOf<typeof GetUsageAnalyticsResult>

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
export const getUsageAnalytics = (
  config: MediaConfig,
  input: GetUsageAnalyticsOptions,
): taskEither.TaskEither<MediaError, GetUsageAnalyticsResult> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: '/v1/accounts/usage-analytics',
      query: usagePeriod(field, true),
      codec: GetUsageAnalyticsResult,
      signal: field('signal', optional(signal)),
    })),
  )
