// Checks an upload config and request (either may be anything at run time) with internal's toolkit and turns them
// into the form fields ImageKit expects, before any I/O. The first problem found is the Left; its path names the
// field. Both upload versions run these checks; each passes its own `Auth`.
import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import type { UploadProgress } from '@imagekit-fp/utils/http'
import {
  REQUIRED,
  UNREADABLE,
  UPLOAD_FIELDS,
  attempt,
  boolean,
  fail,
  fields,
  isBase64,
  isFunction,
  isInstance,
  isRecord,
  need,
  optional,
  read,
  signal,
  string,
  uploadFileName,
  type Encode,
} from '@imagekit-fp/internal'
import type { UploadOptions, UploadRequestBase } from '../model/UploadRequest'

/** The file, classified. Bytes become a Blob (one copy, made once, reusable for retries). */
export type FilePart =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'blob'; readonly blob: Blob }
  | { readonly kind: 'stream'; readonly stream: ReadableStream<Uint8Array> }

/** A form field: name and value, in wire order. */
export type FormField = readonly [string, string]

/** A request that passed validation, ready to be encoded: its text fields and its file. */
export interface PreparedUpload {
  /** Text fields in wire order, auth fields last (the file part goes after all of them). */
  readonly fields: readonly FormField[]
  readonly file: FilePart
  readonly fileName: string
  readonly auth: 'basic' | 'none'
  readonly retry: boolean
  readonly onProgress: ((progress: UploadProgress) => void) | undefined
  readonly signal: AbortSignal | undefined
}

/**
 * How an upload version authenticates. Called with the config and the request once the file and its name are
 * checked, it checks its own fields (failing as any check does) and returns what to do once the other fields are
 * encoded: the auth fields to send after them (a client-side upload), or `undefined` (Basic auth with the private key).
 */
export type Auth = (
  config: object,
  request: object,
) => (fields: readonly FormField[]) => readonly FormField[] | undefined

/**
 * Every optional request field with its check and encoding (internal's table, shared with `getUploadToken`). Typed
 * against `UploadOptions`: a field added to the request type without a row (or a row for no field) does not compile.
 */
export const ENCODE: { readonly [K in keyof UploadOptions]-?: Encode } = UPLOAD_FIELDS satisfies Record<
  keyof UploadOptions,
  Encode
>

const FILE =
  'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, http(s) URL, base64 data URL or strict base64 text (for a path on disk use fileFromPath from @imagekit-fp/upload/node; for a Node stream, Readable.toWeb)'
const PATH =
  'looks like a path on disk, not base64: use fileFromPath from @imagekit-fp/upload/node (or send the bytes, a Blob or a base64 data URL)'

/**
 * A short string with a `/` and none of `+`, `=` or a line break: a path such as `/srv/img/cat`, which strict
 * base64 would accept (12 characters of its alphabet). Real base64 file content that short (at most 191 bytes)
 * with none of those characters is all but impossible; such content can still go as bytes or a data URL.
 */
const looksLikePath = (s: string): boolean => s.length <= 255 && s.includes('/') && !/[+=\r\n]/.test(s)

/** Whether `s` parses as an absolute URL. */
const parses = (s: string): boolean => {
  try {
    new URL(s)
    return true
  } catch {
    return false
  }
}

const checkFile = (u: unknown, path: string): FilePart => {
  need(u !== undefined, path, REQUIRED)
  if (isInstance(u, globalThis.Blob)) return { kind: 'blob', blob: u as Blob }
  if (isInstance(u, globalThis.ArrayBuffer) || ArrayBuffer.isView(u)) {
    try {
      return { kind: 'blob', blob: new Blob([u as ArrayBuffer]) }
    } catch {
      fail(path, UNREADABLE) // a detached buffer
    }
  }
  if (isInstance(u, globalThis.ReadableStream)) {
    need(read(u as object, 'locked', path) !== true, path, 'is a locked ReadableStream')
    return { kind: 'stream', stream: u as ReadableStream<Uint8Array> }
  }
  // A string is a URL, a base64 data URL, or strict base64 (checked in one linear pass); a path such as
  // '/srv/img/cat' or text such as 'my holiday photo' is none of them.
  need(typeof u === 'string', path, FILE)
  const url = /^https?:\/\//i.test(u)
  const data = /^data:/i.test(u)
  const pathLike = !url && !data && looksLikePath(u)
  need(
    url ? parses(u) : data ? /^data:[^,]*;base64,/i.test(u) : !pathLike && isBase64(u),
    path,
    pathLike ? PATH : FILE,
  )
  return { kind: 'text', value: u }
}

/**
 * The private key of both upload versions' configs, read once here. With `required` (the message for a missing
 * key), a server-side upload's: present and not empty. Without, a client-side upload's: `''` counts as no key (a
 * browser's config with a blank key), so that only a real key clashes with client-side auth.
 */
export const privateKey = (config: object, required?: string): string | undefined => {
  const path = 'config.privateKey'
  const key = optional(string)(read(config, 'privateKey', path), path)
  if (required !== undefined) {
    need(key !== undefined, path, required)
    need(key !== '', path, 'must not be empty')
  }
  return key || undefined
}

const callback = (u: unknown, path: string) => {
  need(isFunction(u), path, 'must be a function')
  return u as (progress: UploadProgress) => void
}

const check = (config: unknown, request: unknown, auth: Auth): PreparedUpload => {
  need(isRecord(config), 'config', 'must be an object')
  const field = fields<UploadRequestBase>(request, 'request')
  const file = field('file', checkFile)
  const fileName = field('fileName', uploadFileName)
  const signed = auth(config, request as object)
  const retry = optional(boolean)(read(config, 'retryUploads', 'config.retryUploads'), 'config.retryUploads')
  const form: FormField[] = [['fileName', fileName]]
  for (const [name, encode] of Object.entries(ENCODE)) {
    const value = field(name as keyof UploadOptions, optional(encode))
    if (value !== undefined) form.push([name, value])
  }
  const onProgress = field('onUploadProgress', optional(callback))
  const abort = field('signal', optional(signal))
  const authFields = signed(form)
  return {
    fields: authFields === undefined ? form : form.concat(authFields),
    file,
    fileName,
    auth: authFields === undefined ? 'basic' : 'none',
    retry: retry === true,
    onProgress,
    signal: abort,
  }
}

/** Validates `config` and `request` with the version's `auth` and encodes the form fields; nothing is sent. */
export const prepareUpload = (
  config: unknown,
  request: unknown,
  auth: Auth,
): either.Either<ValidationError, PreparedUpload> =>
  attempt(() => check(config, request, auth), 'request', validationError)
