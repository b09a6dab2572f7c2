// Checks an upload config and request (either may be anything at run time) and turns them into the form
// fields ImageKit expects, before any I/O. The first problem found is the Left; its path names the field.
//
// Written for bundle size (it ships to browsers): each check is one `need(ok, path, message)` call that throws
// its problem (the shared "throw to fail" of @imagekit-fp/internal), and `prepareUpload` catches it once and
// returns it as a Left. Every read of untrusted input goes through `get`, so a throwing getter or proxy trap
// becomes a ValidationError too; every array's length is bounded before anything iterates over it; nothing
// public throws, and every check is linear in the size of its input.
import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import type { UploadProgress } from '@imagekit-fp/utils/http'
import {
  UNREADABLE,
  attempt,
  boundedLength,
  checkExpire,
  checkSignal,
  fail,
  isArray,
  isBase64,
  isFunction,
  isInstance,
  isPlainObject,
  isRecord,
  jsonCopy,
  need,
  readNow,
} from '@imagekit-fp/internal'
import type { UploadOptions } from '../model/UploadRequest'

/** The file, classified. Bytes become a Blob (one copy, made once, reusable for retries). */
export type FilePart =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'blob'; readonly blob: Blob }
  | { readonly kind: 'stream'; readonly stream: ReadableStream<Uint8Array> }

/** A form field: name and value, in wire order. */
export type Field = readonly [string, string]

/** A request that passed validation, ready to be encoded: its text fields and its file. */
export interface PreparedUpload {
  /** Text fields in wire order (the file part goes last, after all of them). */
  readonly fields: readonly Field[]
  readonly file: FilePart
  readonly fileName: string
  readonly auth: 'basic' | 'none'
  readonly retry: boolean
  readonly onProgress: ((progress: UploadProgress) => void) | undefined
  readonly signal: AbortSignal | undefined
}

type Check = (u: unknown) => boolean

const REQUIRED = 'is required'
const STRING = 'must be a string'
const NON_EMPTY = 'must be a non-empty string'
const BOOLEAN = 'must be a boolean'
const OBJECT = 'must be an object'
const ARRAY = 'must be an array'
const COUNT = 'must be a non-negative integer'
const CLIENT_AUTH = 'publicKey, token, signature and expire'
const PATH =
  'looks like a path on disk, not base64: use fileFromPath from @imagekit-fp/upload/node (or send the bytes, a Blob or a base64 data URL)'
const FILE =
  'must be a Blob, Uint8Array, ArrayBuffer, ReadableStream, http(s) URL, base64 data URL or strict base64 text (for a path on disk use fileFromPath from @imagekit-fp/upload/node; for a Node stream, Readable.toWeb)'

const RESPONSE_FIELDS = [
  'tags',
  'customCoordinates',
  'isPrivateFile',
  'embeddedMetadata',
  'isPublished',
  'customMetadata',
  'metadata',
  'selectedFieldsSchema',
]
const EXTENSIONS = [
  'remove-bg',
  'google-auto-tagging',
  'aws-auto-tagging',
  'ai-auto-description',
  'ai-tasks',
  'saved-extension',
]
const POST_TYPES = ['transformation', 'gif-to-video', 'thumbnail', 'abs']
const TASK_TYPES = ['select_tags', 'select_metadata', 'yes_no']
const CLIENT = ['publicKey', 'token', 'signature', 'expire']

/**
 * Most items any list field may hold (ImageKit documents no larger list; `ai-tasks` takes at most 10 tasks).
 * Checked before iterating: a sparse array of length 2^32 - 1 would otherwise hang or kill the process.
 */
export const MAX_ITEMS = 1000

/** `o[key]`; a getter or proxy trap that throws is a problem at `path` (or `undefined` without a path). */
const get = (o: unknown, key: string | number, path?: string): unknown => {
  try {
    return (o as Readonly<Record<string | number, unknown>>)[key]
  } catch {
    return path === undefined ? undefined : fail(path, UNREADABLE)
  }
}

const isText = (u: unknown): u is string => typeof u === 'string' && u !== ''
const isString = (u: unknown): u is string => typeof u === 'string'
const isBoolean = (u: unknown): u is boolean => typeof u === 'boolean'
const isCount = (u: unknown): u is number => Number.isInteger(u) && (u as number) >= 0
const isGiven = (u: unknown): boolean => u !== undefined && u !== null && u !== ''

/** `o[key]`, which must pass `ok`; the problem's path is `path.key`. */
const req = (o: unknown, path: string, key: string, ok: Check, message: string): unknown => {
  const v = get(o, key, `${path}.${key}`)
  need(ok(v), `${path}.${key}`, message)
  return v
}

/** Like `req`, but `undefined` (absent) is fine too. */
const opt = (o: unknown, path: string, key: string, ok: Check, message: string): unknown =>
  req(o, path, key, (v) => v === undefined || ok(v), message)

const oneOf = (u: unknown, list: readonly string[], path: string): string => {
  need(list.includes(u as string), path, `must be one of ${list.join(', ')}`)
  return u as string
}

/** The elements of an array of at most `max` items, each read safely. */
const items = (u: unknown, path: string, max = MAX_ITEMS): unknown[] => {
  const length = boundedLength(u, max, path)
  const out: unknown[] = []
  for (let i = 0; i < length; i++) out.push(get(u, i, `${path}[${i}]`))
  return out
}

const strings = (u: unknown, path: string): string[] =>
  items(u, path).map((s, i) => {
    need(isString(s), `${path}[${i}]`, STRING)
    return s as string
  })

/** Rejects keys outside `allowed` (the spec closes these objects with `additionalProperties: false`). */
const onlyKeys = (o: unknown, allowed: readonly string[], path: string): void => {
  let keys: string[] = []
  try {
    keys = Object.keys(o as object)
  } catch {
    fail(path, UNREADABLE)
  }
  for (const k of keys)
    need(allowed.includes(k), `${path}.${k}`, `is not a known key (allowed: ${allowed.join(', ')})`)
}

/**
 * JSON text of a value, written from internal's `jsonCopy` (each property read once; anything JSON would turn
 * into `null` or drop, a cycle, a huge sparse array or deep nesting is a problem at its path).
 */
const json = (value: unknown, path: string): string => JSON.stringify(jsonCopy(value, path))

/** The protocol of an absolute URL, or '' when it does not parse. */
const protocol = (u: string): string => {
  try {
    return new URL(u).protocol
  } catch {
    return ''
  }
}

// ---------------------------------------------------------------------------------------------- file

const checkFile = (u: unknown, path: string): FilePart => {
  need(isGiven(u), path, REQUIRED)
  if (isInstance(u, globalThis.Blob)) return { kind: 'blob', blob: u as Blob }
  if (isInstance(u, globalThis.ArrayBuffer) || ArrayBuffer.isView(u)) {
    try {
      return { kind: 'blob', blob: new Blob([u as ArrayBuffer]) }
    } catch {
      fail(path, UNREADABLE) // a detached buffer
    }
  }
  if (isInstance(u, globalThis.ReadableStream)) {
    need(get(u, 'locked', path) !== true, path, 'is a locked ReadableStream')
    return { kind: 'stream', stream: u as ReadableStream<Uint8Array> }
  }
  // A string is a URL, a base64 data URL, or strict base64 (checked in one linear pass); a path such as
  // '/srv/img/cat' or text such as 'my holiday photo' is none of them.
  need(isString(u), path, FILE)
  const url = /^https?:\/\//i.test(u)
  const data = /^data:/i.test(u)
  const pathLike = !url && !data && looksLikePath(u)
  need(
    url ? protocol(u) !== '' : data ? /^data:[^,]*;base64,/i.test(u) : !pathLike && isBase64(u),
    path,
    pathLike ? PATH : FILE,
  )
  return { kind: 'text', value: u as string }
}

/**
 * A short string with a `/` and none of `+`, `=` or a line break: a path such as `/srv/img/cat`, which strict
 * base64 would accept (12 characters of its alphabet). Real base64 file content that short (at most 191 bytes)
 * with none of those characters is all but impossible; such content can still go as bytes or a data URL.
 */
const looksLikePath = (s: string): boolean => s.length <= 255 && s.includes('/') && !/[+=\r\n]/.test(s)

// -------------------------------------------------------------------------------------------- auth

/** The client-side auth fields, or `undefined` for a server-side (Basic auth) upload. */
const checkAuth = (config: object, request: object): Field[] | undefined => {
  const key = get(config, 'privateKey', 'config.privateKey')
  need(key === undefined || isString(key), 'config.privateKey', STRING)
  const given: Record<string, unknown> = {}
  for (const name of CLIENT) given[name] = get(request, name, `request.${name}`)
  // A public key alone is harmless next to the private key (it is simply not sent); a token, signature or
  // expire means the caller meant a client-side upload.
  const first = CLIENT.find((n) => n !== 'publicKey' && given[n] !== undefined)
  if (isText(key)) {
    need(first === undefined, `request.${first}`, `use config.privateKey or ${CLIENT_AUTH}, not both`)
    return undefined
  }
  need(key !== '', 'config.privateKey', 'must not be empty')
  need(
    first !== undefined,
    'config.privateKey',
    `is required (or pass ${CLIENT_AUTH} for a client-side upload)`,
  )
  if (given['publicKey'] === undefined) given['publicKey'] = get(config, 'publicKey', 'config.publicKey')
  for (const name of CLIENT)
    need(given[name] !== undefined, `request.${name}`, `${REQUIRED} for a client-side upload`)
  for (const name of CLIENT.slice(0, 3)) need(isText(given[name]), `request.${name}`, NON_EMPTY)
  // The same rule as getAuthenticationParameters' (strictly in the future, at most an hour ahead): one place.
  const expire = checkExpire(given['expire'], readNow(config), 'request.expire')
  return [
    ['publicKey', given['publicKey'] as string],
    ['signature', given['signature'] as string],
    ['expire', String(expire)],
    ['token', given['token'] as string],
  ]
}

// ---------------------------------------------------------------------------------------- options

const checkTask = (u: unknown, path: string): void => {
  need(isRecord(u), path, OBJECT)
  const type = oneOf(get(u, 'type', `${path}.type`), TASK_TYPES, `${path}.type`)
  req(
    u,
    path,
    'instruction',
    (s) => isText(s) && s.length <= 2000,
    'must be a string of 1 to 2000 characters',
  )
  if (type === 'yes_no') {
    for (const key of ['on_yes', 'on_no', 'on_unknown']) {
      const action = opt(u, path, key, isRecord, OBJECT)
      if (action !== undefined)
        for (const list of ['add_tags', 'remove_tags', 'set_metadata', 'unset_metadata'])
          opt(action, `${path}.${key}`, list, isArray, ARRAY)
    }
    return
  }
  if (type === 'select_metadata') req(u, path, 'field', isText, NON_EMPTY)
  opt(u, path, 'vocabulary', isArray, ARRAY)
  opt(u, path, 'min_selections', isCount, COUNT)
  opt(u, path, 'max_selections', isCount, COUNT)
}

const checkExtension = (u: unknown, path: string): void => {
  need(isRecord(u), path, OBJECT)
  const name = oneOf(get(u, 'name', `${path}.name`), EXTENSIONS, `${path}.name`)
  if (name === 'remove-bg') {
    const o = opt(u, path, 'options', isRecord, OBJECT)
    if (o === undefined) return
    const p = `${path}.options`
    opt(o, p, 'add_shadow', isBoolean, BOOLEAN)
    opt(o, p, 'semitransparency', isBoolean, BOOLEAN)
    const color = opt(o, p, 'bg_color', isString, STRING)
    const image = opt(o, p, 'bg_image_url', isString, STRING)
    need(!isText(color) || !isText(image), `${p}.bg_image_url`, 'set bg_color or bg_image_url, not both')
  } else if (name.endsWith('auto-tagging')) {
    req(u, path, 'maxTags', isCount, COUNT)
    req(u, path, 'minConfidence', (n) => isCount(n) && n <= 100, 'must be an integer from 0 to 100')
  } else if (name === 'ai-tasks') {
    const p = `${path}.tasks`
    const message = 'must be an array of 1 to 10 tasks'
    const list = get(u, 'tasks', p)
    need(isArray(list), p, message)
    const n = get(list, 'length', p) as number
    need(n >= 1 && n <= 10, p, message)
    const tasks = items(list, p, 10)
    tasks.forEach((task, i) => checkTask(task, `${p}[${i}]`))
  } else if (name === 'saved-extension') req(u, path, 'id', isText, NON_EMPTY)
}

const checkStep = (u: unknown, path: string): object => {
  need(isRecord(u), path, OBJECT)
  const type = oneOf(get(u, 'type', `${path}.type`), POST_TYPES, `${path}.type`)
  const abs = type === 'abs'
  onlyKeys(u, abs ? ['type', 'value', 'protocol'] : ['type', 'value'], path)
  // `gif-to-video` and `thumbnail` may leave the value out; `transformation` and `abs` need one.
  const value = req(
    u,
    path,
    'value',
    (v) => isText(v) || (v === undefined && !abs && type !== POST_TYPES[0]),
    NON_EMPTY,
  )
  const protocol = abs
    ? req(u, path, 'protocol', (p) => p === 'hls' || p === 'dash', 'must be hls or dash')
    : undefined
  // Rebuilt with the known keys in a fixed order; JSON leaves the undefined ones out.
  return { type, value, protocol }
}

const string = (u: unknown, path: string): string => {
  need(isString(u), path, STRING)
  return u as string
}

const boolean = (u: unknown, path: string): string => {
  need(isBoolean(u), path, BOOLEAN)
  return String(u)
}

/** Checks one request field and encodes it as its form value. */
type Encode = (u: unknown, path: string) => string

/**
 * Every optional request field, in wire order, with its check and encoding. Typed against `UploadOptions`:
 * a field added to the request type without a row here (or a row for no field) does not compile.
 */
export const ENCODE = {
  useUniqueFileName: boolean,
  tags: (u, path) =>
    strings(u, path)
      .map((tag, i) => {
        need(/^[^,%]+$/.test(tag), `${path}[${i}]`, 'must be non-empty, without a comma or %')
        return tag
      })
      .join(','),
  folder: string,
  isPrivateFile: boolean,
  isPublished: boolean,
  customCoordinates: (u, path) => {
    need(isString(u) && /^\d+,\d+,\d+,\d+$/.test(u), path, 'must be "x,y,width,height"')
    return u as string
  },
  responseFields: (u, path) =>
    strings(u, path)
      .map((s, i) => oneOf(s, RESPONSE_FIELDS, `${path}[${i}]`))
      .join(','),
  // Each extension is copied (read once), then the copy is checked and sent.
  extensions: (u, path) =>
    JSON.stringify(
      items(u, path).map((e, i) => {
        const copy = isRecord(e) ? jsonCopy(e, `${path}[${i}]`) : e
        checkExtension(copy, `${path}[${i}]`)
        return copy
      }),
    ),
  webhookUrl: (u, path) => {
    need(isString(u) && /^https?:$/.test(protocol(u)), path, 'must be an http(s) URL')
    return u as string
  },
  overwriteFile: boolean,
  overwriteAITags: boolean,
  overwriteTags: boolean,
  overwriteCustomMetadata: boolean,
  customMetadata: (u, path) => {
    need(isRecord(u), path, OBJECT)
    return json(u, path)
  },
  transformation: (u, path) => {
    need(isRecord(u), path, OBJECT)
    onlyKeys(u, ['pre', 'post'], path)
    const pre = get(u, 'pre', `${path}.pre`)
    const post = get(u, 'post', `${path}.post`)
    need(pre !== undefined || post !== undefined, path, 'must have pre, post or both')
    need(pre === undefined || isText(pre), `${path}.pre`, NON_EMPTY)
    const p = `${path}.post`
    const steps = post === undefined ? post : items(post, p).map((s, i) => checkStep(s, `${p}[${i}]`))
    return json({ pre, post: steps }, path)
  },
  checks: string,
  description: string,
} satisfies Record<keyof UploadOptions, Encode>

const check = (config: unknown, request: unknown, v2: boolean): PreparedUpload => {
  need(isRecord(config), 'config', OBJECT)
  need(isRecord(request), 'request', OBJECT)
  need(isPlainObject(request), 'request', 'must be a plain object')
  const c = config as object
  const r = request as object
  const file = checkFile(get(r, 'file', 'request.file'), 'request.file')
  const fileName = get(r, 'fileName', 'request.fileName')
  need(isGiven(fileName), 'request.fileName', REQUIRED)
  need(isString(fileName), 'request.fileName', NON_EMPTY)
  const auth = v2 ? undefined : checkAuth(c, r)
  const retry = opt(c, 'config', 'retryUploads', isBoolean, BOOLEAN)
  const fields: Field[] = [['fileName', fileName as string]]
  for (const [name, encode] of Object.entries(ENCODE)) {
    const path = `request.${name}`
    const v = get(r, name, path)
    if (v !== undefined) fields.push([name, (encode as Encode)(v, path)])
  }
  const onProgress = opt(r, 'request', 'onUploadProgress', isFunction, 'must be a function')
  const signal = get(r, 'signal', 'request.signal')
  if (signal !== undefined) checkSignal(signal, 'request.signal')
  return {
    fields: auth === undefined ? fields : fields.concat(auth),
    file,
    fileName: fileName as string,
    auth: auth === undefined ? 'basic' : 'none',
    retry: retry === true,
    onProgress: onProgress as PreparedUpload['onProgress'],
    signal: signal as AbortSignal | undefined,
  }
}

/**
 * Validates `config` and `request` and encodes the form fields; nothing is sent. For `v2` (uploadV2, which checks
 * its own auth first), v1's auth fields are neither read nor sent, and the result's `auth` means nothing.
 */
export const prepareUpload = (
  config: unknown,
  request: unknown,
  v2 = false,
): either.Either<ValidationError, PreparedUpload> => {
  return attempt(() => check(config, request, v2), 'request', validationError)
}
