// The documented event types as plain data, apart from their codecs (model/WebhookEvent.ts loads io-ts), so that
// the core entry can list them without loading io-ts. matchWebhookEvent.test.ts checks the two lists agree.
import type { KnownWebhookEvent } from './WebhookEvent'

/** The `type` of every {@link KnownWebhookEvent} (frozen; used by `isKnownWebhookEvent`, not re-exported). */
export const knownWebhookEventTypes: readonly KnownWebhookEvent['type'][] = /*#__PURE__*/ Object.freeze([
  'file.created',
  'file.updated',
  'file.deleted',
  'file-version.created',
  'file-version.deleted',
  'upload.pre-transform.success',
  'upload.pre-transform.error',
  'upload.post-transform.success',
  'upload.post-transform.error',
  'video.transformation.accepted',
  'video.transformation.ready',
  'video.transformation.error',
] as const)
