// Checks an upload config and request (either may be anything at run time) and turns them into the form
// fields ImageKit expects, before any I/O. The first problem found is the Left; its path names the field.
import type { either } from 'fp-ts'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import type { UploadProgress } from '@imagekit-fp/utils/http'
import { left, right } from './either'
import { isArray, isFunction, isInstance, isObject, readProp } from './prop'

/** The file, classified. Bytes become a Blob (one copy, made once, reusable for retries). */
export type FilePart =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'blob'; readonly blob: Blob }
  | { readonly kind: 'stream'; readonly stream: ReadableStream<Uint8Array> }

export interface PreparedUpload {
  /** Text fields in wire order (the file part goes last, after all of them). */
  readonly fields: readonly (readonly [string, string])[]
  readonly file: FilePart
  readonly fileName: string
  readonly auth: 'basic' | 'none'
  readonly retry: boolean
  readonly onProgress: ((progress: UploadProgress) => void) | undefined
  readonly signal: AbortSignal | undefined
}

type Check<A> = either.Either<ValidationError, A>

const RESPONSE_FIELDS: readonly string[] = [
  'tags',
  'customCoordinates',
  'isPrivateFile',
  'embeddedMetadata',
  'isPublished',
  'customMetadata',
  'metadata',
  'selectedFieldsSchema',
]
const EXTENSION_NAMES: readonly string[] = [
  'remove-bg',
  'google-auto-tagging',
  'aws-auto-tagging',
  'ai-auto-description',
  'ai-tasks',
  'saved-extension',
]
const POST_TYPES: readonly string[] = ['transformation', 'gif-to-video', 'thumbnail', 'abs']
const TASK_TYPES: readonly string[] = ['select_tags', 'select_metadata', 'yes_no']
type BooleanField =
  | 'useUniqueFileName'
  | 'isPrivateFile'
  | 'isPublished'
  | 'overwriteFile'
  | 'overwriteAITags'
  | 'overwriteTags'
  | 'overwriteCustomMetadata'
const CLIENT_FIELDS = ['publicKey', 'token', 'signature', 'expire'] as const

const FILE_KINDS = 'a Blob, File, Uint8Array, ArrayBuffer, ReadableStream or string (URL, data URL or base64)'
const POST_MESSAGE = 'Invalid post transformation parameter.'
const PRE_MESSAGE = 'Invalid pre transformation parameter.'

const fail = (path: string, message: string): Check<never> => left(validationError(path, message))

const unreadable = (path: string): Check<never> => fail(path, 'could not be read (a getter or proxy threw)')

/** A field of `o`, or the Left when reading it threw. */
const field = (o: object, key: string | number, path: string): Check<unknown> => {
  const r = readProp(o, key)
  return r.ok ? right(r.value) : unreadable(path)
}

const isNonEmptyString = (u: unknown): u is string => typeof u === 'string' && u !== ''
const isInteger = (u: unknown): u is number => typeof u === 'number' && Number.isInteger(u)

/** Own enumerable keys, or undefined when a proxy trap threw. */
const keysOf = (o: object): readonly string[] | undefined => {
  try {
    return Object.keys(o)
  } catch {
    return undefined
  }
}

/** Rejects keys outside `allowed` (the spec closes these objects with `additionalProperties: false`). */
const onlyKeys = (o: object, allowed: readonly string[], path: string): Check<void> => {
  const keys = keysOf(o)
  if (keys === undefined) return unreadable(path)
  const extra = keys.find((k) => !allowed.includes(k))
  return extra === undefined
    ? right(undefined)
    : fail(`${path}.${extra}`, `is not a known key (allowed: ${allowed.join(', ')})`)
}

/** Elements of an array, read safely. */
const elements = (a: readonly unknown[], path: string): Check<readonly unknown[]> => {
  const out: unknown[] = []
  let length: number
  try {
    length = a.length
  } catch {
    return unreadable(path)
  }
  for (let i = 0; i < length; i++) {
    const v = field(a, i, `${path}[${i}]`)
    if (v._tag === 'Left') return v
    out.push(v.right)
  }
  return right(out)
}

const stringArray = (u: unknown, path: string): Check<readonly string[]> => {
  if (!isArray(u)) return fail(path, 'must be an array of strings')
  const items = elements(u, path)
  if (items._tag === 'Left') return items
  const bad = items.right.findIndex((s) => typeof s !== 'string')
  return bad === -1 ? right(items.right as readonly string[]) : fail(`${path}[${bad}]`, 'must be a string')
}

/** JSON text of a value that passed validation; a value JSON cannot hold is still a Left, never a throw. */
const json = (value: unknown, path: string): Check<string> => {
  try {
    const text = JSON.stringify(value) as string | undefined
    return text === undefined ? fail(path, 'must be serialisable as JSON') : right(text)
  } catch (e) {
    return fail(path, `must be serialisable as JSON (${e instanceof Error ? e.message : 'it threw'})`)
  }
}

// ---------------------------------------------------------------------------------------------- file

const isBlob = (u: unknown): u is Blob => isInstance(u, globalThis.Blob)
const isStream = (u: unknown): u is ReadableStream<Uint8Array> => isInstance(u, globalThis.ReadableStream)

const BASE64 = /^[A-Za-z0-9+/\-_\s]+={0,2}\s*$/

const checkFile = (u: unknown): Check<FilePart> => {
  const path = 'request.file'
  if (u === undefined || u === null || u === '') return fail(path, 'Missing file parameter for upload')
  if (typeof u === 'string') {
    if (/^https?:\/\//i.test(u)) {
      try {
        new URL(u)
        return right({ kind: 'text', value: u })
      } catch {
        return fail(path, 'is not a valid http(s) URL')
      }
    }
    if (/^data:/i.test(u)) {
      return /^data:[^,]*;base64,/i.test(u)
        ? right({ kind: 'text', value: u })
        : fail(path, 'a data URL must be base64-encoded (data:<type>;base64,<data>)')
    }
    if (BASE64.test(u)) return right({ kind: 'text', value: u })
    return fail(
      path,
      'a string file must be an http(s) URL, a data URL or base64; to upload a file from disk on Node, use fileFromPath from @imagekit-fp/upload/node',
    )
  }
  if (isBlob(u)) return right({ kind: 'blob', blob: u })
  if (isInstance(u, globalThis.ArrayBuffer) || ArrayBuffer.isView(u)) {
    try {
      const bytes = ArrayBuffer.isView(u)
        ? new Uint8Array(u.buffer, u.byteOffset, u.byteLength)
        : new Uint8Array(u as ArrayBuffer)
      return right({ kind: 'blob', blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) })
    } catch {
      return fail(path, 'could not be read as bytes')
    }
  }
  if (isStream(u)) {
    let locked: unknown
    try {
      locked = u.locked
    } catch {
      return unreadable(path)
    }
    return locked === true
      ? fail(path, 'is a ReadableStream that is already locked (being read)')
      : right({ kind: 'stream', stream: u })
  }
  if (isObject(u)) {
    const pipe = readProp(u, 'pipe')
    if (pipe.ok && isFunction(pipe.value)) {
      return fail(
        path,
        `must be ${FILE_KINDS}; a Node Readable is not a web ReadableStream: use Readable.toWeb(stream), or fileFromPath from @imagekit-fp/upload/node`,
      )
    }
  }
  return fail(path, `must be ${FILE_KINDS}`)
}

// -------------------------------------------------------------------------------------------- auth

interface Auth {
  readonly mode: 'basic' | 'none'
  readonly fields: readonly (readonly [string, string])[]
}

const MISSING_CLIENT: Readonly<Record<(typeof CLIENT_FIELDS)[number], string>> = {
  publicKey:
    'Missing public key for upload (client-side uploads need publicKey, token, signature and expire)',
  token: 'Missing token for upload. The SDK expects token, signature and expire for authentication.',
  signature: 'Missing signature for upload. The SDK expects token, signature and expire for authentication.',
  expire: 'Missing expire for upload. The SDK expects token, signature and expire for authentication.',
}

const checkAuth = (config: object, request: object): Check<Auth> => {
  const privateKey = field(config, 'privateKey', 'config.privateKey')
  if (privateKey._tag === 'Left') return privateKey
  const key = privateKey.right
  if (key !== undefined && typeof key !== 'string') return fail('config.privateKey', 'must be a string')
  const given: Partial<Record<(typeof CLIENT_FIELDS)[number], unknown>> = {}
  for (const name of CLIENT_FIELDS) {
    const v = field(request, name, `request.${name}`)
    if (v._tag === 'Left') return v
    if (v.right !== undefined) given[name] = v.right
  }
  const present = CLIENT_FIELDS.filter((n) => n in given)

  if (key !== undefined && key !== '') {
    // A public key alone is harmless next to the private key (it is simply not sent); a token, signature or
    // expire means the caller meant a client-side upload.
    const first = present.find((n) => n !== 'publicKey')
    return first === undefined
      ? right({ mode: 'basic', fields: [] })
      : fail(
          `request.${first}`,
          'use either config.privateKey (server-side upload) or publicKey, token, signature and expire (client-side upload), not both',
        )
  }
  if (key === '') return fail('config.privateKey', 'must not be empty')
  if (present.filter((n) => n !== 'publicKey').length === 0) {
    return fail(
      'config.privateKey',
      'Missing authentication: set config.privateKey for a server-side upload, or pass publicKey, token, signature and expire (from getAuthenticationParameters on your server) for a client-side upload',
    )
  }
  let publicKey = given.publicKey
  if (publicKey === undefined) {
    const fromConfig = field(config, 'publicKey', 'config.publicKey')
    if (fromConfig._tag === 'Left') return fromConfig
    publicKey = fromConfig.right
  }
  const values = { ...given, publicKey }
  for (const name of CLIENT_FIELDS) {
    if (values[name] === undefined) return fail(`request.${name}`, MISSING_CLIENT[name])
  }
  for (const name of ['publicKey', 'token', 'signature'] as const) {
    if (!isNonEmptyString(values[name])) return fail(`request.${name}`, 'must be a non-empty string')
  }
  const expire = values.expire
  if (!isInteger(expire) || expire <= 0)
    return fail('request.expire', 'must be an integer Unix time in seconds')
  const nowField = field(config, 'now', 'config.now')
  if (nowField._tag === 'Left') return nowField
  const clock = nowField.right ?? Date.now
  if (!isFunction(clock)) return fail('config.now', 'must be a function')
  let now: unknown
  try {
    now = (clock as () => unknown)()
  } catch {
    return fail('config.now', 'threw')
  }
  if (typeof now !== 'number' || !Number.isFinite(now))
    return fail('config.now', 'must return a finite number of milliseconds')
  const nowSeconds = Math.floor(now / 1000)
  if (expire <= nowSeconds) {
    return fail(
      'request.expire',
      `has passed (expire ${expire}, now ${nowSeconds}): get fresh authentication parameters from your server`,
    )
  }
  return right({
    mode: 'none',
    fields: [
      ['publicKey', values.publicKey as string],
      ['signature', values.signature as string],
      ['expire', String(expire)],
      ['token', values.token as string],
    ],
  })
}

// ---------------------------------------------------------------------------------------- options

const checkTags = (u: unknown): Check<string> => {
  const path = 'request.tags'
  const tags = stringArray(u, path)
  if (tags._tag === 'Left') return tags
  for (const [i, tag] of tags.right.entries()) {
    if (tag === '') return fail(`${path}[${i}]`, 'must not be empty')
    if (tag.includes(','))
      return fail(`${path}[${i}]`, 'must not contain a comma (tags are sent comma-joined)')
    if (tag.includes('%')) return fail(`${path}[${i}]`, 'must not contain % (ImageKit rejects it)')
  }
  return right(tags.right.join(','))
}

const checkResponseFields = (u: unknown): Check<string> => {
  const path = 'request.responseFields'
  const names = stringArray(u, path)
  if (names._tag === 'Left') return names
  const bad = names.right.findIndex((n) => !RESPONSE_FIELDS.includes(n))
  return bad === -1
    ? right(names.right.join(','))
    : fail(`${path}[${bad}]`, `must be one of ${RESPONSE_FIELDS.join(', ')}`)
}

const optional = (
  o: object,
  key: string,
  path: string,
  ok: (u: unknown) => boolean,
  message: string,
): Check<void> => {
  const v = field(o, key, `${path}.${key}`)
  if (v._tag === 'Left') return v
  return v.right === undefined || ok(v.right) ? right(undefined) : fail(`${path}.${key}`, message)
}

const checkAction = (u: unknown, path: string): Check<void> => {
  if (u === undefined) return right(undefined)
  if (!isObject(u) || isArray(u)) return fail(path, 'must be an object')
  for (const key of ['add_tags', 'remove_tags']) {
    const r = optional(u, key, path, isArray, 'must be an array of strings')
    if (r._tag === 'Left') return r
  }
  for (const key of ['set_metadata', 'unset_metadata']) {
    const r = optional(u, key, path, isArray, 'must be an array of { field, … } objects')
    if (r._tag === 'Left') return r
  }
  return right(undefined)
}

const checkTask = (u: unknown, path: string): Check<void> => {
  if (!isObject(u) || isArray(u)) return fail(path, 'must be an object with a type and an instruction')
  const type = field(u, 'type', `${path}.type`)
  if (type._tag === 'Left') return type
  if (typeof type.right !== 'string' || !TASK_TYPES.includes(type.right)) {
    return fail(`${path}.type`, `must be one of ${TASK_TYPES.join(', ')}`)
  }
  const instruction = field(u, 'instruction', `${path}.instruction`)
  if (instruction._tag === 'Left') return instruction
  if (!isNonEmptyString(instruction.right) || instruction.right.length > 2000) {
    return fail(`${path}.instruction`, 'must be a string of 1 to 2000 characters')
  }
  if (type.right === 'yes_no') {
    for (const key of ['on_yes', 'on_no', 'on_unknown']) {
      const action = field(u, key, `${path}.${key}`)
      if (action._tag === 'Left') return action
      const r = checkAction(action.right, `${path}.${key}`)
      if (r._tag === 'Left') return r
    }
    return right(undefined)
  }
  if (type.right === 'select_metadata') {
    const f = optional(u, 'field', path, isNonEmptyString, 'must be a non-empty string')
    if (f._tag === 'Left') return f
    const given = field(u, 'field', `${path}.field`)
    if (given._tag === 'Left') return given
    if (given.right === undefined) return fail(`${path}.field`, 'is required for a select_metadata task')
  }
  const vocabulary = optional(u, 'vocabulary', path, isArray, 'must be an array')
  if (vocabulary._tag === 'Left') return vocabulary
  for (const key of ['min_selections', 'max_selections']) {
    const r = optional(u, key, path, (n) => isInteger(n) && n >= 0, 'must be a non-negative integer')
    if (r._tag === 'Left') return r
  }
  return right(undefined)
}

const checkExtension = (u: unknown, path: string): Check<void> => {
  if (!isObject(u) || isArray(u)) return fail(path, 'must be an extension object with a name')
  const name = field(u, 'name', `${path}.name`)
  if (name._tag === 'Left') return name
  if (typeof name.right !== 'string' || !EXTENSION_NAMES.includes(name.right)) {
    return fail(`${path}.name`, `must be one of ${EXTENSION_NAMES.join(', ')}`)
  }
  switch (name.right) {
    case 'remove-bg': {
      const options = field(u, 'options', `${path}.options`)
      if (options._tag === 'Left') return options
      const o = options.right
      if (o === undefined) return right(undefined)
      const p = `${path}.options`
      if (!isObject(o) || isArray(o)) return fail(p, 'must be an object')
      for (const key of ['add_shadow', 'semitransparency']) {
        const r = optional(o, key, p, (b) => typeof b === 'boolean', 'must be a boolean')
        if (r._tag === 'Left') return r
      }
      for (const key of ['bg_color', 'bg_image_url']) {
        const r = optional(o, key, p, (s) => typeof s === 'string', 'must be a string')
        if (r._tag === 'Left') return r
      }
      const color = readProp(o, 'bg_color')
      const image = readProp(o, 'bg_image_url')
      if (color.ok && image.ok && isNonEmptyString(color.value) && isNonEmptyString(image.value)) {
        return fail(`${p}.bg_image_url`, 'set bg_color or bg_image_url, not both')
      }
      return right(undefined)
    }
    case 'google-auto-tagging':
    case 'aws-auto-tagging': {
      for (const key of ['maxTags', 'minConfidence']) {
        const v = field(u, key, `${path}.${key}`)
        if (v._tag === 'Left') return v
        if (!isInteger(v.right) || v.right < 0)
          return fail(`${path}.${key}`, 'must be a non-negative integer')
        if (key === 'minConfidence' && v.right > 100) return fail(`${path}.${key}`, 'must be from 0 to 100')
      }
      return right(undefined)
    }
    case 'ai-tasks': {
      const tasks = field(u, 'tasks', `${path}.tasks`)
      if (tasks._tag === 'Left') return tasks
      if (!isArray(tasks.right)) return fail(`${path}.tasks`, 'must be an array of 1 to 10 tasks')
      const items = elements(tasks.right, `${path}.tasks`)
      if (items._tag === 'Left') return items
      if (items.right.length < 1 || items.right.length > 10)
        return fail(`${path}.tasks`, 'must hold 1 to 10 tasks')
      for (const [i, task] of items.right.entries()) {
        const r = checkTask(task, `${path}.tasks[${i}]`)
        if (r._tag === 'Left') return r
      }
      return right(undefined)
    }
    case 'saved-extension': {
      const id = field(u, 'id', `${path}.id`)
      if (id._tag === 'Left') return id
      return isNonEmptyString(id.right) ? right(undefined) : fail(`${path}.id`, 'must be a non-empty string')
    }
    default:
      return right(undefined)
  }
}

const checkExtensions = (u: unknown): Check<string> => {
  const path = 'request.extensions'
  if (!isArray(u)) return fail(path, 'must be an array of extensions')
  const items = elements(u, path)
  if (items._tag === 'Left') return items
  for (const [i, ext] of items.right.entries()) {
    const r = checkExtension(ext, `${path}[${i}]`)
    if (r._tag === 'Left') return r
  }
  return json(items.right, path)
}

const checkCustomMetadata = (u: unknown): Check<string> => {
  const path = 'request.customMetadata'
  if (!isObject(u) || isArray(u)) return fail(path, 'must be an object of field name to value')
  return json(u, path)
}

const checkPostStep = (u: unknown, path: string): Check<Readonly<Record<string, string>>> => {
  if (!isObject(u) || isArray(u))
    return fail(path, `${POST_MESSAGE} Each step must be an object with a type.`)
  const type = field(u, 'type', `${path}.type`)
  if (type._tag === 'Left') return type
  if (typeof type.right !== 'string' || !POST_TYPES.includes(type.right)) {
    return fail(`${path}.type`, `${POST_MESSAGE} type must be one of ${POST_TYPES.join(', ')}.`)
  }
  const allowed = type.right === 'abs' ? ['type', 'value', 'protocol'] : ['type', 'value']
  const keys = onlyKeys(u, allowed, path)
  if (keys._tag === 'Left') return keys
  const value = field(u, 'value', `${path}.value`)
  if (value._tag === 'Left') return value
  const valueRequired = type.right === 'transformation' || type.right === 'abs'
  if (value.right === undefined) {
    if (valueRequired) return fail(`${path}.value`, `${POST_MESSAGE} A ${type.right} step needs a value.`)
  } else if (!isNonEmptyString(value.right)) {
    return fail(`${path}.value`, `${POST_MESSAGE} value must be a non-empty string.`)
  }
  const step: Record<string, string> = { type: type.right }
  if (value.right !== undefined) step['value'] = value.right as string
  if (type.right === 'abs') {
    const protocol = field(u, 'protocol', `${path}.protocol`)
    if (protocol._tag === 'Left') return protocol
    if (protocol.right !== 'hls' && protocol.right !== 'dash') {
      return fail(`${path}.protocol`, `${POST_MESSAGE} An abs step needs protocol 'hls' or 'dash'.`)
    }
    step['protocol'] = protocol.right
  }
  return right(step)
}

const checkTransformation = (u: unknown): Check<string> => {
  const path = 'request.transformation'
  if (!isObject(u) || isArray(u))
    return fail(path, 'Invalid transformation parameter. It must be an object with pre, post, or both.')
  const keys = onlyKeys(u, ['pre', 'post'], path)
  if (keys._tag === 'Left') return keys
  const pre = field(u, 'pre', `${path}.pre`)
  if (pre._tag === 'Left') return pre
  const post = field(u, 'post', `${path}.post`)
  if (post._tag === 'Left') return post
  if (pre.right === undefined && post.right === undefined) {
    return fail(path, 'Invalid transformation parameter. Please include at least pre, post, or both.')
  }
  const out: { pre?: string; post?: readonly Readonly<Record<string, string>>[] } = {}
  if (pre.right !== undefined) {
    if (!isNonEmptyString(pre.right))
      return fail(`${path}.pre`, `${PRE_MESSAGE} pre must be a non-empty transformation string.`)
    out.pre = pre.right
  }
  if (post.right !== undefined) {
    if (!isArray(post.right)) return fail(`${path}.post`, `${POST_MESSAGE} post must be an array of steps.`)
    const items = elements(post.right, `${path}.post`)
    if (items._tag === 'Left') return items
    const steps: Readonly<Record<string, string>>[] = []
    for (const [i, item] of items.right.entries()) {
      const step = checkPostStep(item, `${path}.post[${i}]`)
      if (step._tag === 'Left') return step
      steps.push(step.right)
    }
    out.post = steps
  }
  return json(out, path)
}

const checkCoordinates = (u: unknown): Check<string> =>
  typeof u === 'string' && /^\d+,\d+,\d+,\d+$/.test(u)
    ? right(u)
    : fail(
        'request.customCoordinates',
        'must be "x,y,width,height" in non-negative integers, e.g. "10,10,100,100"',
      )

const checkWebhookUrl = (u: unknown): Check<string> => {
  const path = 'request.webhookUrl'
  if (typeof u !== 'string') return fail(path, 'must be an absolute http(s) URL')
  try {
    const url = new URL(u)
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? right(u)
      : fail(path, 'must be an absolute http(s) URL')
  } catch {
    return fail(path, 'must be an absolute http(s) URL')
  }
}

const plainString =
  (name: string) =>
  (u: unknown): Check<string> =>
    typeof u === 'string' ? right(u) : fail(`request.${name}`, 'must be a string')

const bool = (name: BooleanField, u: unknown): Check<string> =>
  typeof u === 'boolean' ? right(u ? 'true' : 'false') : fail(`request.${name}`, 'must be a boolean')

/** Optional fields in wire order, each with its check-and-encode. */
const OPTIONAL_FIELDS: readonly (readonly [string, (u: unknown) => Check<string>])[] = [
  ['useUniqueFileName', (u) => bool('useUniqueFileName', u)],
  ['tags', checkTags],
  ['folder', /*#__PURE__*/ plainString('folder')],
  ['isPrivateFile', (u) => bool('isPrivateFile', u)],
  ['isPublished', (u) => bool('isPublished', u)],
  ['customCoordinates', checkCoordinates],
  ['responseFields', checkResponseFields],
  ['extensions', checkExtensions],
  ['webhookUrl', checkWebhookUrl],
  ['overwriteFile', (u) => bool('overwriteFile', u)],
  ['overwriteAITags', (u) => bool('overwriteAITags', u)],
  ['overwriteTags', (u) => bool('overwriteTags', u)],
  ['overwriteCustomMetadata', (u) => bool('overwriteCustomMetadata', u)],
  ['customMetadata', checkCustomMetadata],
  ['transformation', checkTransformation],
  ['checks', /*#__PURE__*/ plainString('checks')],
  ['description', /*#__PURE__*/ plainString('description')],
]

/** Validates `config` and `request` and encodes the form fields; nothing is sent. */
export const prepareUpload = (config: unknown, request: unknown): Check<PreparedUpload> => {
  if (!isObject(config) || isArray(config)) return fail('config', 'must be an object')
  if (!isObject(request) || isArray(request)) return fail('request', 'must be an object')

  const fileValue = field(request, 'file', 'request.file')
  if (fileValue._tag === 'Left') return fileValue
  const file = checkFile(fileValue.right)
  if (file._tag === 'Left') return file
  const fileName = field(request, 'fileName', 'request.fileName')
  if (fileName._tag === 'Left') return fileName
  if (fileName.right === undefined || fileName.right === null || fileName.right === '') {
    return fail('request.fileName', 'Missing fileName parameter for upload')
  }
  if (typeof fileName.right !== 'string') return fail('request.fileName', 'must be a non-empty string')

  const auth = checkAuth(config, request)
  if (auth._tag === 'Left') return auth

  const retryUploads = field(config, 'retryUploads', 'config.retryUploads')
  if (retryUploads._tag === 'Left') return retryUploads
  if (retryUploads.right !== undefined && typeof retryUploads.right !== 'boolean') {
    return fail('config.retryUploads', 'must be a boolean')
  }

  const fields: (readonly [string, string])[] = [['fileName', fileName.right]]
  for (const [name, encode] of OPTIONAL_FIELDS) {
    const v = field(request, name, `request.${name}`)
    if (v._tag === 'Left') return v
    if (v.right === undefined) continue
    const encoded = encode(v.right)
    if (encoded._tag === 'Left') return encoded
    fields.push([name, encoded.right])
  }
  fields.push(...auth.right.fields)

  const onProgress = field(request, 'onProgress', 'request.onProgress')
  if (onProgress._tag === 'Left') return onProgress
  if (onProgress.right !== undefined && !isFunction(onProgress.right))
    return fail('request.onProgress', 'must be a function')
  const signal = field(request, 'signal', 'request.signal')
  if (signal._tag === 'Left') return signal
  const s = signal.right
  if (s !== undefined) {
    const aborted = isObject(s) ? readProp(s, 'aborted') : { ok: false as const }
    const listen = isObject(s) ? readProp(s, 'addEventListener') : { ok: false as const }
    if (!aborted.ok || typeof aborted.value !== 'boolean' || !listen.ok || !isFunction(listen.value)) {
      return fail('request.signal', 'must be an AbortSignal')
    }
  }

  return right({
    fields,
    file: file.right,
    fileName: fileName.right,
    auth: auth.right.mode,
    retry: retryUploads.right === true,
    onProgress: onProgress.right as ((progress: UploadProgress) => void) | undefined,
    signal: s as AbortSignal | undefined,
  })
}
