import { isObject, readProp } from '@imagekit-fp/internal'
import type { KnownWebhookEvent, WebhookEvent } from './model/WebhookEvent'
import { knownWebhookEventTypes } from './model/knownWebhookEventTypes'

/**
 * Narrows a verified {@link WebhookEvent} to the event types this SDK knows, so that `switch (event.type)` then
 * narrows `data` too.
 *
 * @param event - the `event` from `verifyWebhook`, or any value.
 * @returns `true` when `event` is an object whose `type` is one of the known event types.
 * @example
 * import { isKnownWebhookEvent } from '@imagekit-fp/utils'
 * const event = { id: 'e1', type: 'file.deleted', created_at: '2025-01-01T00:00:00Z', data: { fileId: 'f1' } }
 * if (isKnownWebhookEvent(event) && event.type === 'file.deleted') event.data.fileId // 'f1'
 * @deprecated Use `matchWebhookEvent` from `@imagekit-fp/utils/webhook`: it checks the whole event against the
 *   codec of its type, where this guard looks at `type` only (so `data` may not be what the type says).
 * @since 0.1.0
 * @category model
 */
export const isKnownWebhookEvent = (event: WebhookEvent | unknown): event is KnownWebhookEvent => {
  const type = isObject(event) ? readProp(event, 'type')?.value : undefined
  return typeof type === 'string' && (knownWebhookEventTypes as readonly string[]).includes(type)
}
