// Webhook event payloads ImageKit sends (types only: nothing here exists at run time, so verifying a webhook
// loads no codec). Field lists follow the current API reference; unlisted fields are still present at run time
// and reachable through the index signatures.

/**
 * Fields every event carries.
 *
 * @since 0.1.0
 * @category model
 */
export interface WebhookEventBase {
  /** Unique id of this event; use it to ignore a redelivered event. */
  readonly id: string
  readonly type: string
  /** When the event happened, ISO 8601. */
  readonly created_at: string
}

/**
 * A media-library file or file version as webhook events describe it (the same shape as the file API returns).
 *
 * @since 0.1.0
 * @category model
 */
export interface WebhookFile {
  readonly fileId?: string
  readonly name?: string
  readonly filePath?: string
  readonly url?: string
  readonly thumbnail?: string
  readonly fileType?: string
  readonly mime?: string
  readonly size?: number
  readonly width?: number
  readonly height?: number
  readonly tags?: readonly string[] | null
  readonly customMetadata?: Readonly<Record<string, unknown>>
  readonly isPrivateFile?: boolean
  readonly isPublished?: boolean
  readonly createdAt?: string
  readonly updatedAt?: string
  readonly versionInfo?: { readonly id?: string; readonly name?: string }
  readonly [field: string]: unknown
}

/**
 * `file.created`: a file was added to the media library.
 *
 * @since 0.1.0
 * @category model
 */
export interface FileCreatedEvent extends WebhookEventBase {
  readonly type: 'file.created'
  readonly data: WebhookFile
}

/**
 * `file.updated`: a file's details changed.
 *
 * @since 0.1.0
 * @category model
 */
export interface FileUpdatedEvent extends WebhookEventBase {
  readonly type: 'file.updated'
  readonly data: WebhookFile
}

/**
 * `file.deleted`: a file was removed.
 *
 * @since 0.1.0
 * @category model
 */
export interface FileDeletedEvent extends WebhookEventBase {
  readonly type: 'file.deleted'
  readonly data: { readonly fileId: string }
}

/**
 * `file-version.created`: a new version of a file was stored.
 *
 * @since 0.1.0
 * @category model
 */
export interface FileVersionCreatedEvent extends WebhookEventBase {
  readonly type: 'file-version.created'
  readonly data: WebhookFile
}

/**
 * `file-version.deleted`: one version of a file was removed.
 *
 * @since 0.1.0
 * @category model
 */
export interface FileVersionDeletedEvent extends WebhookEventBase {
  readonly type: 'file-version.deleted'
  readonly data: { readonly fileId: string; readonly versionId: string }
}

/** The upload request a pre-transformation event refers to. */
interface PreTransformRequest {
  /** The pre-transformation string that was requested. */
  readonly transformation: string
  readonly x_request_id: string
}

/**
 * `upload.pre-transform.success`: the file was transformed before being stored; `data` is the upload result.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadPreTransformSuccessEvent extends WebhookEventBase {
  readonly type: 'upload.pre-transform.success'
  readonly data: WebhookFile
  readonly request: PreTransformRequest
}

/**
 * `upload.pre-transform.error`: the requested pre-transformation could not be applied.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadPreTransformErrorEvent extends WebhookEventBase {
  readonly type: 'upload.pre-transform.error'
  readonly data: {
    readonly name: string
    readonly path: string
    readonly transformation: { readonly error: { readonly reason: string } }
  }
  readonly request: PreTransformRequest
}

/** The upload request a post-transformation event refers to. */
interface PostTransformRequest {
  readonly transformation: {
    readonly type: 'transformation' | 'abs' | 'gif-to-video' | 'thumbnail'
    /** Streaming protocol, for `abs` only. */
    readonly protocol?: 'hls' | 'dash'
    readonly value?: string
  }
  readonly x_request_id: string
}

/**
 * `upload.post-transform.success`: one post-transformation is ready at `data.url` (one event per transformation).
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadPostTransformSuccessEvent extends WebhookEventBase {
  readonly type: 'upload.post-transform.success'
  readonly data: { readonly fileId: string; readonly name: string; readonly url: string }
  readonly request: PostTransformRequest
}

/**
 * `upload.post-transform.error`: one post-transformation failed.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadPostTransformErrorEvent extends WebhookEventBase {
  readonly type: 'upload.post-transform.error'
  readonly data: {
    readonly fileId: string
    readonly name: string
    readonly path: string
    readonly url: string
    readonly transformation: { readonly error: { readonly reason: string } }
  }
  readonly request: PostTransformRequest
}

/** Encoding options of a video transformation, as the request URL asked for them. */
interface VideoTransformationOptions {
  readonly audio_codec?: 'aac' | 'opus'
  readonly video_codec?: 'h264' | 'vp9' | 'av1'
  readonly auto_rotate?: boolean
  readonly format?: 'mp4' | 'webm' | 'jpg' | 'png' | 'webp'
  readonly quality?: number
  readonly stream_protocol?: 'HLS' | 'DASH'
  readonly variants?: readonly string[]
}

/** What a video transformation event is about. */
interface VideoTransformation {
  readonly type: 'video-transformation' | 'gif-to-video' | 'video-thumbnail'
  readonly options?: VideoTransformationOptions
}

/** The delivery request that started a video transformation. */
interface VideoTransformationRequest {
  readonly url: string
  readonly x_request_id: string
  readonly user_agent?: string
}

/**
 * `video.transformation.accepted`: ImageKit queued a video transformation.
 *
 * @since 0.1.0
 * @category model
 */
export interface VideoTransformationAcceptedEvent extends WebhookEventBase {
  readonly type: 'video.transformation.accepted'
  readonly data: { readonly asset: { readonly url: string }; readonly transformation: VideoTransformation }
  readonly request: VideoTransformationRequest
}

/**
 * `video.transformation.ready`: the transformed video (or thumbnail) is at `data.transformation.output.url`.
 *
 * @since 0.1.0
 * @category model
 */
export interface VideoTransformationReadyEvent extends WebhookEventBase {
  readonly type: 'video.transformation.ready'
  readonly data: {
    readonly asset: { readonly url: string }
    readonly transformation: VideoTransformation & {
      readonly output?: {
        readonly url: string
        readonly video_metadata?: {
          readonly bitrate: number
          readonly duration: number
          readonly height: number
          readonly width: number
        }
      }
    }
  }
  readonly request: VideoTransformationRequest
  /** Milliseconds spent downloading the source and encoding. */
  readonly timings?: { readonly download_duration?: number; readonly encoding_duration?: number }
}

/**
 * `video.transformation.error`: encoding failed; `reason` says why.
 *
 * @since 0.1.0
 * @category model
 */
export interface VideoTransformationErrorEvent extends WebhookEventBase {
  readonly type: 'video.transformation.error'
  readonly data: {
    readonly asset: { readonly url: string }
    readonly transformation: VideoTransformation & {
      readonly error?: { readonly reason: 'encoding_failed' | 'download_failed' | 'internal_server_error' }
    }
  }
  readonly request: VideoTransformationRequest
}

/**
 * Every event type this SDK knows, as a discriminated union on `type`: narrow it with `switch (event.type)`.
 *
 * @since 0.1.0
 * @category model
 */
export type KnownWebhookEvent =
  | FileCreatedEvent
  | FileUpdatedEvent
  | FileDeletedEvent
  | FileVersionCreatedEvent
  | FileVersionDeletedEvent
  | UploadPreTransformSuccessEvent
  | UploadPreTransformErrorEvent
  | UploadPostTransformSuccessEvent
  | UploadPostTransformErrorEvent
  | VideoTransformationAcceptedEvent
  | VideoTransformationReadyEvent
  | VideoTransformationErrorEvent

/**
 * An event whose `type` this version of the SDK does not know yet (ImageKit adds event types over time).
 * Its fields are `unknown` until you check them.
 *
 * @since 0.1.0
 * @category model
 */
export interface UnknownWebhookEvent {
  readonly type: string
  readonly [field: string]: unknown
}

/**
 * A verified webhook payload: one of the known events, or an {@link UnknownWebhookEvent}. TypeScript cannot
 * narrow a union on `type` while one member's `type` is any string, so narrow with
 * {@link isKnownWebhookEvent} first, then `switch (event.type)`.
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent

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
