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
export type { HmacInput } from './hmac'
export { hmacSha1Hex, hmacSha256, hmacSha256Hex } from './hmac'
