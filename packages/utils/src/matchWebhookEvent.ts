import { webhookEventCodecs, type KnownWebhookEvent, type UnknownWebhookEvent } from './model/WebhookEvent'

/**
 * One handler per documented event type, each given its event already checked against that type's codec, and
 * `unknown` for everything else: a type this SDK does not know yet, or a known type whose body does not match its
 * documented shape (ImageKit changed it; nothing is lost, the event arrives here whole).
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookEventHandlers<R> = {
  readonly [K in KnownWebhookEvent['type']]: (event: Extract<KnownWebhookEvent, { readonly type: K }>) => R
} & {
  /** Called for an event of a type this SDK does not know, or a known type whose body does not match its codec. */
  readonly unknown: (event: UnknownWebhookEvent) => R
}

const codecs: Readonly<Record<string, { is: (u: unknown) => boolean } | undefined>> = webhookEventCodecs

/**
 * Exhaustive matcher for a verified webhook's `event` (`verifyWebhook(…).right.event`): calls the handler of its
 * `type` when the event matches that type's io-ts codec, and `unknown` otherwise. TypeScript requires a handler
 * for every documented type, so a type ImageKit documents later is a compile error here, not a silent miss.
 *
 * @param handlers - a function per documented `type`, plus `unknown`.
 * @returns a function from an event (any value) to the chosen handler's result; it never throws on its own.
 * @example
 * import { matchWebhookEvent } from '@imagekit-fp/utils/webhook'
 *
 * const describe = matchWebhookEvent({
 *   'file.created': (e) => `created ${e.data.filePath ?? ''}`,
 *   'file.updated': (e) => `updated ${e.data.filePath ?? ''}`,
 *   'file.deleted': (e) => `deleted ${e.data.fileId}`,
 *   'file-version.created': (e) => `new version of ${e.data.fileId ?? ''}`,
 *   'file-version.deleted': (e) => `deleted version ${e.data.versionId}`,
 *   'upload.pre-transform.success': (e) => `pre-transformed ${e.data.name ?? ''}`,
 *   'upload.pre-transform.error': (e) => `pre-transform failed: ${e.data.transformation.error.reason}`,
 *   'upload.post-transform.success': (e) => `post-transform ready at ${e.data.url}`,
 *   'upload.post-transform.error': (e) => `post-transform failed: ${e.data.transformation.error.reason}`,
 *   'video.transformation.accepted': (e) => `queued ${e.data.asset.url}`,
 *   'video.transformation.ready': (e) => `ready ${e.data.transformation.output?.url ?? ''}`,
 *   'video.transformation.error': (e) => `failed ${e.data.transformation.error?.reason ?? ''}`,
 *   unknown: (e) => `ignored ${e.type}`,
 * })
 * describe({ id: 'e1', type: 'file.deleted', created_at: '2025-01-01T00:00:00Z', data: { fileId: 'f1' } })
 * // 'deleted f1'
 * @since 0.1.0
 * @category model
 */
export const matchWebhookEvent =
  <R>(handlers: WebhookEventHandlers<R>) =>
  (event: KnownWebhookEvent | UnknownWebhookEvent): R => {
    let type: unknown
    try {
      type = (event as { readonly type?: unknown }).type
    } catch {
      type = undefined // a throwing getter: not a known event
    }
    const codec =
      typeof type === 'string' && Object.prototype.hasOwnProperty.call(codecs, type)
        ? codecs[type]
        : undefined
    let known = false
    try {
      known = codec !== undefined && codec.is(event)
    } catch {
      // a getter that throws while the codec reads the event: not a known event
    }
    return known
      ? (handlers[type as KnownWebhookEvent['type']] as (e: KnownWebhookEvent) => R)(
          event as KnownWebhookEvent,
        )
      : handlers.unknown(event as UnknownWebhookEvent)
  }
