import { INVALID, readAll, type Drift, type LaxType } from './codec/lax'
import { webhookEventCodecs, type KnownWebhookEvent, type UnknownWebhookEvent } from './model/WebhookEvent'

/**
 * One handler per documented event type, each given its event as that type's codec read it, and `unknown` for
 * everything else: a type this SDK does not know yet, or a known type that cannot be identified (no usable `id`,
 * or no `data.fileId` where the spec requires one), or, in strict mode, one that drifts from its documented shape
 * (nothing is lost: the event arrives here whole).
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookEventHandlers<R> = {
  readonly [K in KnownWebhookEvent['type']]: (event: Extract<KnownWebhookEvent, { readonly type: K }>) => R
} & {
  /** Called with the event whole: an unknown type, an event that cannot be identified, or (strict) any drift. */
  readonly unknown: (event: UnknownWebhookEvent) => R
}

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- read only, whatever each codec encodes to */
const codecs: Readonly<Record<string, LaxType<any, any> | undefined>> = webhookEventCodecs

/**
 * How `matchWebhookEvent` reads events.
 *
 * @since 0.2.0
 * @category model
 */
export interface MatchWebhookEventOptions {
  /**
   * Any drift from the documented shape sends the event to `unknown` (run this in development and CI).
   *
   * @default false
   */
  readonly strict?: boolean
  /**
   * Hears each deviation from the documented shape (in both modes), with `operation: 'webhook <type>'`; what it
   * throws is ignored. An undocumented `type` is one `unknown-variant` drift at `type`.
   *
   * @default undefined
   */
  readonly onDrift?: (drift: Drift) => void
}

/** Tells `onDrift`, ignoring what it throws. */
const tell = (onDrift: MatchWebhookEventOptions['onDrift'], drift: Drift): void => {
  try {
    onDrift?.(drift)
  } catch {
    // A listener's failure is not the event's.
  }
}

/**
 * Exhaustive matcher for a verified webhook's `event` (`verifyWebhook(…).right.event`): reads it with the codec
 * of its `type` and calls that type's handler with what it read, or `unknown`. Drift from the documented shape
 * (an unknown enum value, a number sent as a string, `null` in an optional field, a missing documented field)
 * still reaches the typed handler, read leniently: coerced values coerced, unusable ones left out, each told to
 * `onDrift`. `unknown` gets an undocumented `type`, an event that cannot be identified (no usable `id`, or no
 * `data.fileId` where the spec requires one), and, with `strict`, any event that drifts; it gets the event whole.
 * TypeScript requires a handler for every documented type, so a type ImageKit documents later is a compile error
 * here, not a silent miss.
 *
 * @param handlers - a function per documented `type`, plus `unknown`.
 * @param options - `strict` and `onDrift` (see {@link MatchWebhookEventOptions}).
 * @returns a function from an event (any value) to the chosen handler's result; it never throws on its own.
 * @example
 * import { matchWebhookEvent, type WebhookEventHandlers } from '@imagekit-fp/utils/webhook'
 *
 * const handlers: WebhookEventHandlers<string> = {
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
 * }
 * const base = { id: 'e1', created_at: '2025-01-01T00:00:00Z' }
 * const describe = matchWebhookEvent(handlers)
 * describe({ ...base, type: 'file.deleted', data: { fileId: 'f1' } })
 * // 'deleted f1'
 * describe({ ...base, type: 'file.created', data: { fileId: 'f1', filePath: '/a.jpg', size: '300' } })
 * // 'created /a.jpg'
 * describe({ ...base, type: 'file.deleted', data: {} })
 * // 'ignored file.deleted'
 *
 * const drifts: string[] = []
 * const strict = matchWebhookEvent(handlers, { strict: true, onDrift: (d) => drifts.push(`${d.path}: ${d.kind}`) })
 * strict({ ...base, type: 'file.created', data: { fileId: 'f1', filePath: '/a.jpg', size: '300' } })
 * // 'ignored file.created'
 * drifts
 * // ['data.size: coerced']
 * @since 0.1.0
 * @category model
 */
export const matchWebhookEvent = <R>(
  handlers: WebhookEventHandlers<R>,
  options?: MatchWebhookEventOptions,
): ((event: KnownWebhookEvent | UnknownWebhookEvent) => R) => {
  const strict = options?.strict === true
  const onDrift = options?.onDrift
  return (event) => {
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
    if (codec === undefined) {
      if (typeof type === 'string')
        tell(onDrift, {
          operation: `webhook ${type}`,
          path: 'type',
          kind: 'unknown-variant',
          expected: Object.keys(codecs)
            .map((k) => `'${k}'`)
            .join(' | '),
          got: type,
        })
      return handlers.unknown(event as UnknownWebhookEvent)
    }
    const { value, findings } = readAll(codec, event)
    if (value === INVALID) return handlers.unknown(event as UnknownWebhookEvent)
    for (const f of findings)
      if (f.kind !== 'invalid')
        tell(onDrift, {
          operation: `webhook ${type as string}`,
          path: f.path,
          kind: f.kind,
          expected: f.expected,
          got: f.got,
        })
    return strict && findings.length > 0
      ? handlers.unknown(event as UnknownWebhookEvent)
      : (handlers[type as KnownWebhookEvent['type']] as (e: KnownWebhookEvent) => R)(
          value as KnownWebhookEvent,
        )
  }
}
