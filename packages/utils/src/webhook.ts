// `@imagekit-fp/utils/webhook`: the lax codecs of every documented webhook event and `matchWebhookEvent`.
// A separate entry because it loads io-ts, which the core entry (`verifyWebhook`, HMAC, …) never does.
export {
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
  KnownWebhookEvent,
  webhookEventCodecs,
} from './model/WebhookEvent'
export type { WebhookEvent, UnknownWebhookEvent } from './model/WebhookEvent'
export { matchWebhookEvent } from './matchWebhookEvent'
export type { MatchWebhookEventOptions, WebhookEventHandlers } from './matchWebhookEvent'
export type { Drift, DriftKind } from './codec/lax'
