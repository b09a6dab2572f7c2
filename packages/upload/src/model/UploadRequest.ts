import type { UploadProgress } from '@imagekit-fp/utils/http'

/**
 * What can be uploaded.
 *
 * - `Blob` / `File`: sent as the binary part (a `File`'s own name is ignored: `fileName` names the upload).
 *   On Node, `fileFromPath` from `@imagekit-fp/upload/node` gives a disk-backed `Blob` that is never read
 *   into memory as a whole.
 * - `Uint8Array` / `ArrayBuffer`: sent as the binary part.
 * - `ReadableStream<Uint8Array>`: sent as a streamed binary part; a stream can be read only once, so an
 *   upload from a stream is never retried.
 * - `string`: an `http(s)://` URL that ImageKit fetches itself, a `data:` URL, or plain base64; sent as a
 *   text field.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadFile = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array> | string

/**
 * `remove-bg` extension.
 *
 * @since 0.1.0
 * @category model
 */
export interface RemoveBgExtension {
  readonly name: 'remove-bg'
  readonly options?: {
    /** Add an artificial shadow (cars only). @default false */
    readonly add_shadow?: boolean
    /** Keep semi-transparent regions (car windows only). @default true */
    readonly semitransparency?: boolean
    /** Solid background colour: hex (`"81d4fa"`) or a name (`"green"`). Excludes `bg_image_url`. */
    readonly bg_color?: string
    /** Background image URL. Excludes `bg_color`. */
    readonly bg_image_url?: string
  }
}

/**
 * `google-auto-tagging` / `aws-auto-tagging` extension.
 *
 * @since 0.1.0
 * @category model
 */
export interface AutoTaggingExtension {
  readonly name: 'google-auto-tagging' | 'aws-auto-tagging'
  /** Maximum number of tags to attach (integer). */
  readonly maxTags: number
  /** Minimum confidence, 0–100 (integer). */
  readonly minConfidence: number
}

/**
 * `ai-auto-description` extension.
 *
 * @since 0.1.0
 * @category model
 */
export interface AutoDescriptionExtension {
  readonly name: 'ai-auto-description'
}

/** A scalar custom metadata value. */
type MetadataScalar = string | number | boolean

/**
 * What an `ai-tasks` `yes_no` task does for one answer.
 *
 * @since 0.1.0
 * @category model
 */
export interface AITaskAction {
  readonly add_tags?: readonly string[]
  readonly remove_tags?: readonly string[]
  readonly set_metadata?: readonly {
    readonly field: string
    readonly value: MetadataScalar | readonly MetadataScalar[]
  }[]
  readonly unset_metadata?: readonly { readonly field: string }[]
}

/**
 * One task of the `ai-tasks` extension.
 *
 * @since 0.1.0
 * @category model
 */
export type AITask =
  | {
      readonly type: 'select_tags'
      readonly instruction: string
      readonly vocabulary?: readonly string[]
      readonly min_selections?: number
      readonly max_selections?: number
    }
  | {
      readonly type: 'select_metadata'
      readonly instruction: string
      readonly field: string
      readonly vocabulary?: readonly MetadataScalar[]
      readonly min_selections?: number
      readonly max_selections?: number
    }
  | {
      readonly type: 'yes_no'
      readonly instruction: string
      readonly on_yes?: AITaskAction
      readonly on_no?: AITaskAction
      readonly on_unknown?: AITaskAction
    }

/**
 * `ai-tasks` extension: 1 to 10 tasks.
 *
 * @since 0.1.0
 * @category model
 */
export interface AITasksExtension {
  readonly name: 'ai-tasks'
  readonly tasks: readonly AITask[]
}

/**
 * A saved extension, by id.
 *
 * @since 0.1.0
 * @category model
 */
export interface SavedExtensionReference {
  readonly name: 'saved-extension'
  readonly id: string
}

/**
 * Every documented upload extension.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadExtension =
  | RemoveBgExtension
  | AutoTaggingExtension
  | AutoDescriptionExtension
  | AITasksExtension
  | SavedExtensionReference

/**
 * One post-upload transformation step.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadPostTransformation =
  | { readonly type: 'transformation'; readonly value: string }
  | { readonly type: 'gif-to-video' | 'thumbnail'; readonly value?: string }
  | { readonly type: 'abs'; readonly value: string; readonly protocol: 'hls' | 'dash' }

/**
 * Transformations applied at upload: `pre` before the file is stored, `post` right after. At least one is required.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadTransformation {
  /** A transformation string, e.g. `"w-300,h-300,q-80"`. */
  readonly pre?: string
  readonly post?: readonly UploadPostTransformation[]
}

/**
 * The optional response fields an upload can ask for.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadResponseField =
  | 'tags'
  | 'customCoordinates'
  | 'isPrivateFile'
  | 'embeddedMetadata'
  | 'isPublished'
  | 'customMetadata'
  | 'metadata'
  | 'selectedFieldsSchema'

/**
 * ImageKit's optional upload fields, each sent as a form field (in this order) when it is set.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadOptions {
  /** Add a unique suffix to the name. @default true (ImageKit's default; sent only when set) */
  readonly useUniqueFileName?: boolean
  /** Tags (at most 1000); none may contain `,` or `%`. Sent comma-joined. */
  readonly tags?: readonly string[]
  /** Target folder, created if missing. @default "/" */
  readonly folder?: string
  /** Mark the file private. @default false */
  readonly isPrivateFile?: boolean
  /** Publish the file (unpublished uploads need an enterprise plan). @default true */
  readonly isPublished?: boolean
  /** Area of interest as `"x,y,width,height"` (non-negative integers). */
  readonly customCoordinates?: string
  /** Optional fields to include in the result. Sent comma-joined. */
  readonly responseFields?: readonly UploadResponseField[]
  /** Extensions to run on the file (at most 1000). Sent as JSON. */
  readonly extensions?: readonly UploadExtension[]
  /** Where ImageKit posts the final extension status (an absolute http(s) URL). */
  readonly webhookUrl?: string
  /** Overwrite a file at the same path when `useUniqueFileName` is false. @default true */
  readonly overwriteFile?: boolean
  /** Remove the existing file's AI tags on overwrite. @default true */
  readonly overwriteAITags?: boolean
  /** Remove the existing file's tags on overwrite when no `tags` are sent. @default true */
  readonly overwriteTags?: boolean
  /** Remove the existing file's custom metadata on overwrite when none is sent. @default true */
  readonly overwriteCustomMetadata?: boolean
  /**
   * Custom metadata values (the fields must exist in your account). Sent as JSON; a value JSON cannot hold as it is
   * (NaN, Infinity, a function, a symbol, a BigInt, a Map) is a ValidationError at its path, never sent as `null`.
   */
  readonly customMetadata?: Readonly<Record<string, unknown>>
  /** Pre/post transformations. Sent as JSON. */
  readonly transformation?: UploadTransformation
  /** A server-side check expression, e.g. `'"file.size" < "1mb"'`. */
  readonly checks?: string
  /** Text describing the file. */
  readonly description?: string
}

/**
 * What every upload request carries: the file, its name, the options, and the local controls (not sent).
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadRequestBase extends UploadOptions {
  /** The file: see {@link UploadFile}. */
  readonly file: UploadFile
  /** Name of the stored file (ImageKit replaces characters other than `a-z A-Z 0-9 . -` with `_`). */
  readonly fileName: string
  /** Your public key. Sent only with a client-side upload (falls back to `config.publicKey`). */
  readonly publicKey?: string
  /**
   * Called as bytes are sent, where the platform can report it (see the README). Not sent. The same name as
   * the transport's (`HttpRequest.onUploadProgress`) and ky's option.
   */
  readonly onUploadProgress?: (progress: UploadProgress) => void
  /** Aborts the upload: the result is a `NetworkError` with reason `Aborted`. Not sent. */
  readonly signal?: AbortSignal
}

/**
 * A server-side upload request: `config.privateKey` authenticates it, so it carries no client-side auth fields.
 *
 * @since 0.1.0
 * @category model
 */
export interface ServerUploadRequest extends UploadRequestBase {
  readonly token?: never
  readonly signature?: never
  readonly expire?: never
}

/**
 * A client-side (browser) upload request: it carries the authentication parameters your server made with
 * `getAuthenticationParameters`.
 *
 * @since 0.1.0
 * @category model
 */
export interface ClientUploadRequest extends UploadRequestBase {
  /** The one-time token from `getAuthenticationParameters`. */
  readonly token: string
  /** HMAC-SHA1 signature from `getAuthenticationParameters`. */
  readonly signature: string
  /** Expiry (Unix seconds) from `getAuthenticationParameters`: in the future, at most an hour ahead. */
  readonly expire: number
}

/**
 * The input of `upload`: the file, its name, ImageKit's upload options and, for client-side uploads, the
 * authentication parameters your server made with `getAuthenticationParameters`. Setting the client-side
 * fields next to a server-side request's `config.privateKey` is refused (at run time too).
 *
 * @since 0.1.0
 * @category model
 */
export type UploadRequest = ServerUploadRequest | ClientUploadRequest

/**
 * The request type an upload with config `C` accepts: with a `privateKey` in `C`, a server-side request;
 * with none, a client-side one (so "neither the private key nor the client-side fields" does not compile);
 * when `C`'s type leaves it open (`privateKey?: string`), either.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadRequestFor<C> = C extends { readonly privateKey: string }
  ? ServerUploadRequest
  : 'privateKey' extends keyof C
    ? UploadRequest
    : ClientUploadRequest
