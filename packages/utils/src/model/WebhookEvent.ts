// Webhook event payloads ImageKit sends: one io-ts codec per event type the API reference documents (the spec's
// `webhooks` section), the union of them, and the types derived from the codecs. Required fields are the spec's
// `required` lists; every other documented field is optional but typed. Extra fields are kept (t.type).
//
// This module loads io-ts, so it is reachable only from the `@imagekit-fp/utils/webhook` entry: the core entry
// (`verifyWebhook` among others) imports its types only, and Node loads no io-ts for it.
import * as t from 'io-ts'

/** `t.intersection([t.type(required), t.partial(optional)])`, named. */
const struct = <R extends t.Props, O extends t.Props>(name: string, required: R, optional: O) =>
  t.intersection([t.type(required), t.partial(optional)], name)

const nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null])

/** `t.keyof` over a list of strings (io-ts's fastest string-enum codec). */
const oneOf = <K extends string>(name: string, keys: readonly K[]) =>
  t.keyof(Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>, name)

/**
 * The fields every event carries (the spec's BaseWebhookEvent plus `created_at`, which every event requires).
 *
 * @since 0.1.0
 * @category codecs
 */
export const WebhookEventBase = /*#__PURE__*/ t.type(
  { id: t.string, type: t.string, created_at: t.string },
  'WebhookEventBase',
)
/**
 * Fields every event carries: `id` (use it to drop a redelivered event), `type`, `created_at` (ISO 8601).
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookEventBase = t.TypeOf<typeof WebhookEventBase>

/**
 * A media-library file or file version as webhook events describe it (the spec's FileDetails, and the upload
 * result for `upload.pre-transform.success`). Every field is optional.
 *
 * @since 0.1.0
 * @category codecs
 */
export const WebhookFile = /*#__PURE__*/ t.partial(
  {
    fileId: t.string,
    type: t.string,
    name: t.string,
    filePath: t.string,
    tags: /*#__PURE__*/ nullable(/*#__PURE__*/ t.array(t.string)),
    AITags: /*#__PURE__*/ nullable(/*#__PURE__*/ t.array(t.UnknownRecord)),
    versionInfo: /*#__PURE__*/ t.partial({ id: t.string, name: t.string }),
    isPrivateFile: t.boolean,
    isPublished: t.boolean,
    customCoordinates: /*#__PURE__*/ nullable(t.string),
    url: t.string,
    thumbnail: t.string,
    thumbnailUrl: t.string,
    fileType: t.string,
    mime: t.string,
    width: t.number,
    height: t.number,
    size: t.number,
    bitRate: t.number,
    duration: t.number,
    audioCodec: t.string,
    videoCodec: t.string,
    hasAlpha: t.boolean,
    customMetadata: t.UnknownRecord,
    selectedFieldsSchema: t.UnknownRecord,
    embeddedMetadata: t.UnknownRecord,
    extensionStatus: t.UnknownRecord,
    metadata: t.UnknownRecord,
    description: t.string,
    createdAt: t.string,
    updatedAt: t.string,
  },
  'WebhookFile',
)
/**
 * A file or file version in a webhook event.
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookFile = t.TypeOf<typeof WebhookFile>

/** An event: the base fields with `type` fixed, plus its own required and optional fields. */
const event = <K extends string, R extends t.Props, O extends t.Props = Record<never, never>>(
  name: string,
  type: K,
  required: R,
  optional?: O,
) =>
  struct(
    name,
    { id: t.string, type: t.literal(type), created_at: t.string, ...required },
    optional ?? ({} as O),
  )

const FileData = /*#__PURE__*/ t.type({ data: WebhookFile })

/** `file.created`. @since 0.1.0 @category codecs */
export const FileCreatedEvent = /*#__PURE__*/ event('FileCreatedEvent', 'file.created', FileData.props)
/** `file.created`: a file was added to the media library. @since 0.1.0 @category model */
export type FileCreatedEvent = t.TypeOf<typeof FileCreatedEvent>

/** `file.updated`. @since 0.1.0 @category codecs */
export const FileUpdatedEvent = /*#__PURE__*/ event('FileUpdatedEvent', 'file.updated', FileData.props)
/** `file.updated`: a file's details changed. @since 0.1.0 @category model */
export type FileUpdatedEvent = t.TypeOf<typeof FileUpdatedEvent>

/** `file.deleted`. @since 0.1.0 @category codecs */
export const FileDeletedEvent = /*#__PURE__*/ event('FileDeletedEvent', 'file.deleted', {
  data: /*#__PURE__*/ t.type({ fileId: t.string }),
})
/** `file.deleted`: a file was removed. @since 0.1.0 @category model */
export type FileDeletedEvent = t.TypeOf<typeof FileDeletedEvent>

/** `file-version.created`. @since 0.1.0 @category codecs */
export const FileVersionCreatedEvent = /*#__PURE__*/ event(
  'FileVersionCreatedEvent',
  'file-version.created',
  FileData.props,
)
/** `file-version.created`: a new version of a file was stored. @since 0.1.0 @category model */
export type FileVersionCreatedEvent = t.TypeOf<typeof FileVersionCreatedEvent>

/** `file-version.deleted`. @since 0.1.0 @category codecs */
export const FileVersionDeletedEvent = /*#__PURE__*/ event(
  'FileVersionDeletedEvent',
  'file-version.deleted',
  {
    data: /*#__PURE__*/ t.type({ fileId: t.string, versionId: t.string }),
  },
)
/** `file-version.deleted`: one version of a file was removed. @since 0.1.0 @category model */
export type FileVersionDeletedEvent = t.TypeOf<typeof FileVersionDeletedEvent>

/** The upload a pre-transformation event refers to (PreTransformWebhookRequestInfo). */
const PreTransformRequest = /*#__PURE__*/ t.type({ x_request_id: t.string, transformation: t.string })
/** Why a transformation failed. */
const TransformationFailure = /*#__PURE__*/ t.type({ error: /*#__PURE__*/ t.type({ reason: t.string }) })

/** `upload.pre-transform.success`. @since 0.1.0 @category codecs */
export const UploadPreTransformSuccessEvent = /*#__PURE__*/ event(
  'UploadPreTransformSuccessEvent',
  'upload.pre-transform.success',
  { request: PreTransformRequest, data: WebhookFile },
)
/** `upload.pre-transform.success`: the file was transformed, then stored; `data` is the upload result. @since 0.1.0 @category model */
export type UploadPreTransformSuccessEvent = t.TypeOf<typeof UploadPreTransformSuccessEvent>

/** `upload.pre-transform.error`. @since 0.1.0 @category codecs */
export const UploadPreTransformErrorEvent = /*#__PURE__*/ event(
  'UploadPreTransformErrorEvent',
  'upload.pre-transform.error',
  {
    request: PreTransformRequest,
    data: /*#__PURE__*/ t.type({ name: t.string, path: t.string, transformation: TransformationFailure }),
  },
)
/** `upload.pre-transform.error`: the requested pre-transformation could not be applied. @since 0.1.0 @category model */
export type UploadPreTransformErrorEvent = t.TypeOf<typeof UploadPreTransformErrorEvent>

/** The upload a post-transformation event refers to (PostTransformWebhookRequestInfo). */
const PostTransformRequest = /*#__PURE__*/ t.type({
  x_request_id: t.string,
  transformation: /*#__PURE__*/ struct(
    'PostTransformation',
    {
      type: /*#__PURE__*/ oneOf('PostTransformationType', [
        'transformation',
        'abs',
        'gif-to-video',
        'thumbnail',
      ]),
    },
    { value: t.string, protocol: /*#__PURE__*/ oneOf('StreamingProtocol', ['hls', 'dash']) },
  ),
})

/** `upload.post-transform.success`. @since 0.1.0 @category codecs */
export const UploadPostTransformSuccessEvent = /*#__PURE__*/ event(
  'UploadPostTransformSuccessEvent',
  'upload.post-transform.success',
  {
    request: PostTransformRequest,
    data: /*#__PURE__*/ t.type({ fileId: t.string, url: t.string, name: t.string }),
  },
)
/** `upload.post-transform.success`: one post-transformation is ready at `data.url` (one event each). @since 0.1.0 @category model */
export type UploadPostTransformSuccessEvent = t.TypeOf<typeof UploadPostTransformSuccessEvent>

/** `upload.post-transform.error`. @since 0.1.0 @category codecs */
export const UploadPostTransformErrorEvent = /*#__PURE__*/ event(
  'UploadPostTransformErrorEvent',
  'upload.post-transform.error',
  {
    request: PostTransformRequest,
    data: /*#__PURE__*/ t.type({
      fileId: t.string,
      url: t.string,
      name: t.string,
      path: t.string,
      transformation: TransformationFailure,
    }),
  },
)
/** `upload.post-transform.error`: one post-transformation failed. @since 0.1.0 @category model */
export type UploadPostTransformErrorEvent = t.TypeOf<typeof UploadPostTransformErrorEvent>

/** The delivery request that started a video transformation (VideoWebhookRequestInfo). */
const VideoRequest = /*#__PURE__*/ struct(
  'VideoWebhookRequestInfo',
  { x_request_id: t.string, url: t.string },
  {
    user_agent: t.string,
  },
)
/** VideoTransformationBase: what the transformation is, with its encoding options. */
const videoTransformation = <O extends t.Props>(name: string, extra: O) =>
  struct(
    name,
    { type: oneOf('VideoTransformationType', ['video-transformation', 'gif-to-video', 'video-thumbnail']) },
    {
      options: t.partial({
        video_codec: oneOf('VideoCodec', ['h264', 'vp9', 'av1']),
        audio_codec: oneOf('AudioCodec', ['aac', 'opus']),
        auto_rotate: t.boolean,
        quality: t.number,
        format: oneOf('VideoFormat', ['mp4', 'webm', 'jpg', 'png', 'webp']),
        stream_protocol: oneOf('VideoStreamProtocol', ['HLS', 'DASH']),
        variants: t.array(t.string),
      }),
      ...extra,
    },
  )
const videoData = <C extends t.Mixed>(transformation: C) =>
  t.type({ asset: t.type({ url: t.string }), transformation })

/** `video.transformation.accepted`. @since 0.1.0 @category codecs */
export const VideoTransformationAcceptedEvent = /*#__PURE__*/ event(
  'VideoTransformationAcceptedEvent',
  'video.transformation.accepted',
  {
    request: VideoRequest,
    data: /*#__PURE__*/ videoData(/*#__PURE__*/ videoTransformation('VideoTransformation', {})),
  },
)
/** `video.transformation.accepted`: ImageKit queued a video transformation. @since 0.1.0 @category model */
export type VideoTransformationAcceptedEvent = t.TypeOf<typeof VideoTransformationAcceptedEvent>

/** `video.transformation.ready`. @since 0.1.0 @category codecs */
export const VideoTransformationReadyEvent = /*#__PURE__*/ event(
  'VideoTransformationReadyEvent',
  'video.transformation.ready',
  {
    request: VideoRequest,
    data: /*#__PURE__*/ videoData(
      /*#__PURE__*/ videoTransformation('VideoTransformationOutput', {
        output: /*#__PURE__*/ struct(
          'VideoOutput',
          { url: t.string },
          {
            video_metadata: /*#__PURE__*/ t.type({
              duration: t.number,
              width: t.number,
              height: t.number,
              bitrate: t.number,
            }),
          },
        ),
      }),
    ),
  },
  { timings: /*#__PURE__*/ t.partial({ download_duration: t.number, encoding_duration: t.number }) },
)
/** `video.transformation.ready`: the output is at `data.transformation.output.url`. @since 0.1.0 @category model */
export type VideoTransformationReadyEvent = t.TypeOf<typeof VideoTransformationReadyEvent>

/** `video.transformation.error`. @since 0.1.0 @category codecs */
export const VideoTransformationErrorEvent = /*#__PURE__*/ event(
  'VideoTransformationErrorEvent',
  'video.transformation.error',
  {
    request: VideoRequest,
    data: /*#__PURE__*/ videoData(
      /*#__PURE__*/ videoTransformation('VideoTransformationFailure', {
        error: /*#__PURE__*/ t.type({
          reason: /*#__PURE__*/ oneOf('VideoTransformationErrorReason', [
            'encoding_failed',
            'download_failed',
            'internal_server_error',
          ]),
        }),
      }),
    ),
  },
)
/** `video.transformation.error`: encoding failed; `data.transformation.error.reason` says why. @since 0.1.0 @category model */
export type VideoTransformationErrorEvent = t.TypeOf<typeof VideoTransformationErrorEvent>

/**
 * The codec of each documented event type, by `type` (what `matchWebhookEvent` checks an event against).
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
 * Every documented event, as one codec (a union of the twelve).
 *
 * @since 0.1.0
 * @category codecs
 */
export const KnownWebhookEvent = /*#__PURE__*/ t.union(
  [
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
  ],
  'KnownWebhookEvent',
)
/**
 * Every event type this SDK knows, as a discriminated union on `type`.
 *
 * @since 0.1.0
 * @category model
 */
export type KnownWebhookEvent = t.TypeOf<typeof KnownWebhookEvent>

/**
 * An event whose `type` this version of the SDK does not know yet (ImageKit adds event types over time), or a
 * known type whose body does not match its codec. Its fields are `unknown` until you check them.
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
 * also checks the body against the codec of its type.
 *
 * @since 0.1.0
 * @category model
 */
export type WebhookEvent = KnownWebhookEvent | UnknownWebhookEvent
