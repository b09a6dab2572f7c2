// Webhook event payloads ImageKit sends: one lax codec per event type the API reference documents (the spec's
// `webhooks` section), the union of them, and the types derived from the codecs. Read as every response is:
// what identifies an event (`id`, its `type`, and `data.fileId` where the spec requires it) is insisted on; the
// spec's other required fields are reported when missing; enums are open; `null` in an optional field, a
// number sent as a string and fields ImageKit adds later are read without failing, each deviation reported.
//
// This module loads io-ts (the toolkit's `t.Type`), so it is reachable only from the `@imagekit-fp/utils/webhook`
// entry: the core entry (`verifyWebhook` among others) imports its types only, and Node loads no io-ts for it.
import type * as t from 'io-ts'
import { lax, step, type LaxType } from '../codec/lax'
import { array, literal, oneOf, struct, type Fields } from '../codec/combinators'
import { laxBoolean, laxNumber, laxString } from '../codec/scalars'
import { detailsFields, fileFields, uploadFields } from '../codec/file'

/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- codec maps are heterogeneous by nature */
type Props = Readonly<Record<string, LaxType<any, any>>>
type None = Record<never, never>

/**
 * The fields every event carries (the spec's BaseWebhookEvent plus `created_at`, which every event requires):
 * `id` and `type` identify the event, a missing `created_at` is reported.
 *
 * @since 0.1.0
 * @category codecs
 */
export const WebhookEventBase = /*#__PURE__*/ struct('WebhookEventBase', {
  identity: { id: laxString, type: laxString },
  required: { created_at: laxString },
})
/**
 * Fields every event carries: `id` (use it to drop a redelivered event), `type`, `created_at` (ISO 8601).
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookEventBase = t.TypeOf<typeof WebhookEventBase>

/**
 * A media-library file or file version as webhook events describe it (the spec's FileDetails, and its Upload
 * result for `upload.pre-transform.success`): the file object's shared fields, every one optional.
 *
 * @since 0.1.0
 * @category codecs
 */
export const WebhookFile = /*#__PURE__*/ struct('WebhookFile', {
  optional: {
    fileId: laxString,
    type: /*#__PURE__*/ oneOf('FileKind', ['file', 'file-version']),
    ...fileFields,
    ...detailsFields,
    ...uploadFields,
  },
})
/**
 * A file or file version in a webhook event.
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookFile = t.TypeOf<typeof WebhookFile>

/** An event: `id` and its `type` identify it, `created_at` is required, plus its own fields. */
const event = <K extends string, I extends Props = None, R extends Props = None, O extends Props = None>(
  name: string,
  type: K,
  fields: Fields<I, R, O>,
) =>
  struct(name, {
    identity: { id: laxString, type: literal(type), ...fields.identity } as {
      readonly id: typeof laxString
      readonly type: LaxType<K>
    } & I,
    required: { created_at: laxString, ...fields.required } as { readonly created_at: typeof laxString } & R,
    optional: fields.optional ?? ({} as O),
  })

/** `file.created`. @since 0.1.0 @category codecs */
export const FileCreatedEvent = /*#__PURE__*/ event('FileCreatedEvent', 'file.created', {
  required: { data: WebhookFile },
})
/** `file.created`: a file was added to the media library. @since 0.1.0 @category model */
export type FileCreatedEvent = t.TypeOf<typeof FileCreatedEvent>

/** `file.updated`. @since 0.1.0 @category codecs */
export const FileUpdatedEvent = /*#__PURE__*/ event('FileUpdatedEvent', 'file.updated', {
  required: { data: WebhookFile },
})
/** `file.updated`: a file's details changed. @since 0.1.0 @category model */
export type FileUpdatedEvent = t.TypeOf<typeof FileUpdatedEvent>

/** `file.deleted`. @since 0.1.0 @category codecs */
export const FileDeletedEvent = /*#__PURE__*/ event('FileDeletedEvent', 'file.deleted', {
  identity: { data: /*#__PURE__*/ struct('DeletedFile', { identity: { fileId: laxString } }) },
})
/** `file.deleted`: a file was removed. @since 0.1.0 @category model */
export type FileDeletedEvent = t.TypeOf<typeof FileDeletedEvent>

/** `file-version.created`. @since 0.1.0 @category codecs */
export const FileVersionCreatedEvent = /*#__PURE__*/ event(
  'FileVersionCreatedEvent',
  'file-version.created',
  {
    required: { data: WebhookFile },
  },
)
/** `file-version.created`: a new version of a file was stored. @since 0.1.0 @category model */
export type FileVersionCreatedEvent = t.TypeOf<typeof FileVersionCreatedEvent>

/** `file-version.deleted`. @since 0.1.0 @category codecs */
export const FileVersionDeletedEvent = /*#__PURE__*/ event(
  'FileVersionDeletedEvent',
  'file-version.deleted',
  {
    identity: {
      data: /*#__PURE__*/ struct('DeletedFileVersion', {
        identity: { fileId: laxString },
        required: { versionId: laxString },
      }),
    },
  },
)
/** `file-version.deleted`: one version of a file was removed. @since 0.1.0 @category model */
export type FileVersionDeletedEvent = t.TypeOf<typeof FileVersionDeletedEvent>

/** The upload a pre-transformation event refers to (PreTransformWebhookRequestInfo). */
const PreTransformRequest = /*#__PURE__*/ struct('PreTransformWebhookRequestInfo', {
  required: { x_request_id: laxString, transformation: laxString },
})
/** Why a transformation failed (`reason` is free text, e.g. `encoding_failed`). */
const TransformationFailure = /*#__PURE__*/ struct('TransformationFailure', {
  required: {
    error: /*#__PURE__*/ struct('TransformationError', { required: { reason: laxString } }),
  },
})

/** `upload.pre-transform.success`. @since 0.1.0 @category codecs */
export const UploadPreTransformSuccessEvent = /*#__PURE__*/ event(
  'UploadPreTransformSuccessEvent',
  'upload.pre-transform.success',
  { required: { request: PreTransformRequest, data: WebhookFile } },
)
/** `upload.pre-transform.success`: the file was transformed, then stored; `data` is the upload result. @since 0.1.0 @category model */
export type UploadPreTransformSuccessEvent = t.TypeOf<typeof UploadPreTransformSuccessEvent>

/** `upload.pre-transform.error`. @since 0.1.0 @category codecs */
export const UploadPreTransformErrorEvent = /*#__PURE__*/ event(
  'UploadPreTransformErrorEvent',
  'upload.pre-transform.error',
  {
    required: {
      request: PreTransformRequest,
      data: /*#__PURE__*/ struct('PreTransformFailure', {
        required: { name: laxString, path: laxString, transformation: TransformationFailure },
      }),
    },
  },
)
/** `upload.pre-transform.error`: the requested pre-transformation could not be applied. @since 0.1.0 @category model */
export type UploadPreTransformErrorEvent = t.TypeOf<typeof UploadPreTransformErrorEvent>

/** The upload a post-transformation event refers to (PostTransformWebhookRequestInfo). */
const PostTransformRequest = /*#__PURE__*/ struct('PostTransformWebhookRequestInfo', {
  required: {
    x_request_id: laxString,
    transformation: /*#__PURE__*/ struct('PostTransformation', {
      required: {
        type: /*#__PURE__*/ oneOf('PostTransformationType', [
          'transformation',
          'abs',
          'gif-to-video',
          'thumbnail',
        ]),
      },
      optional: { value: laxString, protocol: /*#__PURE__*/ oneOf('StreamingProtocol', ['hls', 'dash']) },
    }),
  },
})

/** `upload.post-transform.success`. @since 0.1.0 @category codecs */
export const UploadPostTransformSuccessEvent = /*#__PURE__*/ event(
  'UploadPostTransformSuccessEvent',
  'upload.post-transform.success',
  {
    identity: {
      data: /*#__PURE__*/ struct('PostTransformOutput', {
        identity: { fileId: laxString },
        required: { url: laxString, name: laxString },
      }),
    },
    required: { request: PostTransformRequest },
  },
)
/** `upload.post-transform.success`: one post-transformation is ready at `data.url` (one event each). @since 0.1.0 @category model */
export type UploadPostTransformSuccessEvent = t.TypeOf<typeof UploadPostTransformSuccessEvent>

/** `upload.post-transform.error`. @since 0.1.0 @category codecs */
export const UploadPostTransformErrorEvent = /*#__PURE__*/ event(
  'UploadPostTransformErrorEvent',
  'upload.post-transform.error',
  {
    identity: {
      data: /*#__PURE__*/ struct('PostTransformFailure', {
        identity: { fileId: laxString },
        required: { url: laxString, name: laxString, path: laxString, transformation: TransformationFailure },
      }),
    },
    required: { request: PostTransformRequest },
  },
)
/** `upload.post-transform.error`: one post-transformation failed. @since 0.1.0 @category model */
export type UploadPostTransformErrorEvent = t.TypeOf<typeof UploadPostTransformErrorEvent>

/** The delivery request that started a video transformation (VideoWebhookRequestInfo). */
const VideoRequest = /*#__PURE__*/ struct('VideoWebhookRequestInfo', {
  required: { x_request_id: laxString, url: laxString },
  optional: { user_agent: laxString },
})
/** The source video (VideoAsset). */
const VideoAsset = /*#__PURE__*/ struct('VideoAsset', { required: { url: laxString } })
/** VideoTransformationOptions: how the video is encoded. */
const VideoTransformationOptions = /*#__PURE__*/ struct('VideoTransformationOptions', {
  optional: {
    video_codec: /*#__PURE__*/ oneOf('VideoCodec', ['h264', 'vp9', 'av1']),
    audio_codec: /*#__PURE__*/ oneOf('AudioCodec', ['aac', 'opus']),
    auto_rotate: laxBoolean,
    quality: laxNumber,
    format: /*#__PURE__*/ oneOf('VideoFormat', ['mp4', 'webm', 'jpg', 'png', 'webp']),
    stream_protocol: /*#__PURE__*/ oneOf('VideoStreamProtocol', ['HLS', 'DASH']),
    variants: /*#__PURE__*/ array(laxString),
  },
})
const VideoTransformationType = /*#__PURE__*/ oneOf('VideoTransformationType', [
  'video-transformation',
  'gif-to-video',
  'video-thumbnail',
])
/** VideoTransformationBase (what the transformation is, with its options), plus `extra` optional fields. */
const videoTransformation = <O extends Props>(name: string, extra: O) =>
  struct(name, {
    required: { type: VideoTransformationType },
    optional: { options: VideoTransformationOptions, ...extra },
  })
/** A video event's `data`: the source asset and the transformation. */
const videoData = <A>(transformation: LaxType<A>) =>
  struct('VideoWebhookData', { required: { asset: VideoAsset, transformation } })

/** `video.transformation.accepted`. @since 0.1.0 @category codecs */
export const VideoTransformationAcceptedEvent = /*#__PURE__*/ event(
  'VideoTransformationAcceptedEvent',
  'video.transformation.accepted',
  {
    required: {
      request: VideoRequest,
      data: /*#__PURE__*/ videoData(/*#__PURE__*/ videoTransformation('VideoTransformation', {})),
    },
  },
)
/** `video.transformation.accepted`: ImageKit queued a video transformation. @since 0.1.0 @category model */
export type VideoTransformationAcceptedEvent = t.TypeOf<typeof VideoTransformationAcceptedEvent>

/** `video.transformation.ready`. @since 0.1.0 @category codecs */
export const VideoTransformationReadyEvent = /*#__PURE__*/ event(
  'VideoTransformationReadyEvent',
  'video.transformation.ready',
  {
    required: {
      request: VideoRequest,
      data: /*#__PURE__*/ videoData(
        /*#__PURE__*/ videoTransformation('VideoTransformationOutput', {
          output: /*#__PURE__*/ struct('VideoOutput', {
            required: { url: laxString },
            optional: {
              video_metadata: /*#__PURE__*/ struct('VideoOutputMetadata', {
                required: { duration: laxNumber, width: laxNumber, height: laxNumber, bitrate: laxNumber },
              }),
            },
          }),
        }),
      ),
    },
    optional: {
      timings: /*#__PURE__*/ struct('VideoTimings', {
        optional: { download_duration: laxNumber, encoding_duration: laxNumber },
      }),
    },
  },
)
/** `video.transformation.ready`: the output is at `data.transformation.output.url`. @since 0.1.0 @category model */
export type VideoTransformationReadyEvent = t.TypeOf<typeof VideoTransformationReadyEvent>

/** `video.transformation.error`. @since 0.1.0 @category codecs */
export const VideoTransformationErrorEvent = /*#__PURE__*/ event(
  'VideoTransformationErrorEvent',
  'video.transformation.error',
  {
    required: {
      request: VideoRequest,
      data: /*#__PURE__*/ videoData(
        /*#__PURE__*/ videoTransformation('VideoTransformationFailure', {
          error: /*#__PURE__*/ struct('VideoTransformationError', {
            required: {
              reason: /*#__PURE__*/ oneOf('VideoTransformationErrorReason', [
                'encoding_failed',
                'download_failed',
                'internal_server_error',
              ]),
            },
          }),
        }),
      ),
    },
  },
)
/** `video.transformation.error`: encoding failed; `data.transformation.error.reason` says why. @since 0.1.0 @category model */
export type VideoTransformationErrorEvent = t.TypeOf<typeof VideoTransformationErrorEvent>

/**
 * The codec of each documented event type, by `type` (what `matchWebhookEvent` reads an event with).
 *
 * @since 0.1.0
 * @category codecs
 */
export const webhookEventCodecs = /*#__PURE__*/ Object.freeze({
  'file.created': FileCreatedEvent,
  'file.updated': FileUpdatedEvent,
  'file.deleted': FileDeletedEvent,
  'file-version.created': FileVersionCreatedEvent,
  'file-version.deleted': FileVersionDeletedEvent,
  'upload.pre-transform.success': UploadPreTransformSuccessEvent,
  'upload.pre-transform.error': UploadPreTransformErrorEvent,
  'upload.post-transform.success': UploadPostTransformSuccessEvent,
  'upload.post-transform.error': UploadPostTransformErrorEvent,
  'video.transformation.accepted': VideoTransformationAcceptedEvent,
  'video.transformation.ready': VideoTransformationReadyEvent,
  'video.transformation.error': VideoTransformationErrorEvent,
})

/**
 * A union closed over `variants` by `type`: a type it does not list cannot be read (a fault at `type`), so the
 * decoded type stays the union of the variants.
 */
const byType = <V extends Props>(name: string, variants: V): LaxType<t.TypeOf<V[keyof V]>> => {
  const expected = Object.keys(variants)
    .map((v) => `'${v}'`)
    .join(' | ')
  return lax(name, (u, at, r) => {
    const type = typeof u === 'object' && u !== null ? (u as Readonly<Record<string, unknown>>)['type'] : u
    return typeof type === 'string' && Object.prototype.hasOwnProperty.call(variants, type)
      ? (variants[type] as V[keyof V]).read(u, at, r)
      : r.fail(step(at, 'type'), expected, type)
  })
}

/**
 * Every documented event, as one codec: the event is read by the codec of its `type`; an undocumented `type`
 * is a `Left`.
 *
 * @since 0.1.0
 * @category codecs
 */
export const KnownWebhookEvent = /*#__PURE__*/ byType('KnownWebhookEvent', webhookEventCodecs)
/**
 * Every event type this SDK knows, as a discriminated union on `type`.
 *
 * @since 0.1.0
 * @category model
 */
export type KnownWebhookEvent = t.TypeOf<typeof KnownWebhookEvent>

/**
 * An event whose `type` this version of the SDK does not know yet (ImageKit adds event types over time), or a
 * known type that cannot be identified (no usable `id`, or no `data.fileId` where the spec requires one). Its
 * fields are `unknown` until you check them.
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
 * narrow this union on `type` (one member's `type` is any string): narrow it with `matchWebhookEvent`, which
 * also reads the body with the codec of its type.
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent
