export type {
  ValidationError,
  HttpError,
  NetworkError,
  DecodeError,
  WebhookError,
  WebhookErrorReason,
  RateLimit,
  SdkError,
  ErrorHandlers,
} from './errors'
export {
  validationError,
  httpError,
  networkError,
  decodeError,
  webhookError,
  isValidationError,
  isHttpError,
  isNetworkError,
  isDecodeError,
  isWebhookError,
  matchError,
} from './errors'
export { formatError } from './formatError'
export type { HmacInput } from './hmac'
export { hmacSha1Hex, hmacSha256, hmacSha256Hex } from './hmac'
export type {
  GetAuthenticationParametersConfig,
  GetAuthenticationParametersOptions,
  GetAuthenticationParametersResult,
} from './getAuthenticationParameters'
export { getAuthenticationParameters } from './getAuthenticationParameters'
export type { GetUploadTokenConfig, GetUploadTokenOptions } from './getUploadToken'
export { getUploadToken } from './getUploadToken'
export { phashDistance } from './phashDistance'
export type { RateGate } from './createRateGate'
export { createRateGate } from './createRateGate'
export type {
  VerifyWebhookConfig,
  VerifyWebhookRequest,
  VerifyWebhookResult,
  WebhookHeaders,
} from './verifyWebhook'
export { verifyWebhook } from './verifyWebhook'
export type {
  WebhookEvent,
  KnownWebhookEvent,
  UnknownWebhookEvent,
  WebhookEventBase,
  WebhookFile,
  FileCreatedEvent,
  FileUpdatedEvent,
  FileDeletedEvent,
  FileVersionCreatedEvent,
  FileVersionDeletedEvent,
  UploadPreTransformSuccessEvent,
  UploadPreTransformErrorEvent,
  UploadPostTransformSuccessEvent,
  UploadPostTransformErrorEvent,
  VideoTransformationAcceptedEvent,
  VideoTransformationReadyEvent,
  VideoTransformationErrorEvent,
} from './model/WebhookEvent'
// The webhook event codecs and matchWebhookEvent load io-ts: they are in `@imagekit-fp/utils/webhook`.
export type { MatchWebhookEventOptions, WebhookEventHandlers } from './matchWebhookEvent'
export { isKnownWebhookEvent } from './isKnownWebhookEvent'
