// The steps of an upload before anything is stored: read the multipart form, check auth, read the file part,
// check the text fields and the JSON ones (customMetadata, extensions, transformation).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { checkBasic, checkClientSignature, checkJwt } from './auth'
import type { Ctx } from './context'
import { customMetadataError } from './customMetadata'
import { fileNameOf, isBadFolderPath, isDotName } from './names'
import { fail, type Reply } from './reply'
export { isReply } from './reply'
import { closed } from './validate'

/** The form of an upload: its text fields (the `file` too when it is text) and its `file` part. */
export interface UploadForm {
  readonly fields: Readonly<Record<string, string>>
  readonly file: Blob | string | undefined
}

/** An extension request that passed the check (only its `name` is read). */
export interface Extension {
  readonly name: string
}

/** The JSON fields of an upload, parsed and checked (`undefined`: not sent). */
export interface UploadJson {
  readonly customMetadata: Record<string, unknown> | undefined
  readonly extensions: readonly Extension[] | undefined
  readonly transformation: unknown
}

const BOOLEAN_FIELDS = [
  'useUniqueFileName',
  'isPrivateFile',
  'isPublished',
  'overwriteFile',
  'overwriteAITags',
  'overwriteTags',
  'overwriteCustomMetadata',
] as const
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

/** The spec's TransformationObject: closed objects, every field of the top level optional. */
const PostTransformation = t.union([
  closed({ type: t.literal('transformation'), value: t.string }),
  closed({ type: t.literal('gif-to-video') }, { value: t.string }),
  closed({ type: t.literal('thumbnail') }, { value: t.string }),
  closed({ type: t.literal('abs'), value: t.string, protocol: t.keyof({ hls: null, dash: null }) }),
])
const UploadTransformation = closed({}, { pre: t.string, post: t.array(PostTransformation) })

/** A boolean form field (`'true'`/`'false'`), or `fallback` when it is absent. */
export const flag = (fields: Readonly<Record<string, string>>, name: string, fallback: boolean): boolean =>
  fields[name] === undefined ? fallback : fields[name] === 'true'

/** Reads the multipart form and logs its text fields (a refusal when it is not multipart or not parseable). */
export const readForm = async (ctx: Ctx): Promise<Reply | UploadForm> => {
  const type = ctx.request.headers.get('content-type') ?? ''
  if (!/^multipart\/form-data/i.test(type)) return fail(400, 'Your request is missing file parameter.')
  let form: FormData
  try {
    form = await ctx.request.formData()
  } catch {
    return fail(400, 'Your request could not be parsed as multipart/form-data.')
  }
  // No prototype: a form field named `toString` or `__proto__` is only ever an own key.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>
  let file: Blob | string | undefined
  form.forEach((value, key) => {
    if (key === 'file') file = value
    else if (typeof value === 'string') fields[key] = value
  })
  if (typeof file === 'string') fields.file = file
  ctx.note(Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'file')))
  return { fields, file }
}

/** Auth first, as ImageKit does: a bad credential is a 401 whatever else is wrong. */
export const authError = (
  ctx: Ctx,
  clientAuth: 'signature' | 'jwt',
  fields: Readonly<Record<string, string>>,
): Reply | undefined => {
  const authorization = ctx.request.headers.get('authorization')
  const clientSide =
    clientAuth === 'jwt'
      ? fields.token !== undefined
      : ['signature', 'token', 'expire'].some((k) => fields[k] !== undefined)
  if (authorization !== null && clientSide) {
    return fail(
      400,
      clientAuth === 'jwt'
        ? 'Your request contains both token and basic auth parameter. Use only one method, you might be exposing your private API key.'
        : 'Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.',
    )
  }
  const now = ctx.now()
  if (authorization !== null) return checkBasic(ctx.keys, authorization)
  return clientAuth === 'jwt'
    ? checkJwt(ctx.keys, ctx.state, fields, now)
    : checkClientSignature(ctx.keys, ctx.state, fields, now)
}

/** The bytes of a text `file` field: base64 (plain or data URL); a remote URL is not fetched (README). */
const textFileBytes = (text: string): Uint8Array | undefined => {
  if (/^https?:\/\//i.test(text)) return new Uint8Array(0)
  const b64 = text.replace(/^data:[^,]*;base64,/i, '').replace(/\s/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) return undefined
  try {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
  } catch {
    return undefined
  }
}

/** The bytes of the `file` part, or `undefined` when it is missing, empty or not base64. */
export const fileBytes = async (file: Blob | string | undefined): Promise<Uint8Array | undefined> => {
  if (file === undefined || file === '') return undefined
  return typeof file === 'string' ? textFileBytes(file) : new Uint8Array(await file.arrayBuffer())
}

/** The `fileName` and `folder` checks. */
const nameError = (fields: Readonly<Record<string, string>>): Reply | undefined => {
  if (fields.fileName === undefined || fields.fileName === '')
    return fail(400, 'Your request is missing fileName parameter.')
  if (isDotName(fileNameOf(fields.fileName)))
    return fail(400, 'Your request contains invalid fileName parameter.')
  if (fields.folder !== undefined && isBadFolderPath(fields.folder))
    return fail(400, 'Your request contains invalid folder parameter.')
  return undefined
}

/** The `responseFields` asked for, trimmed, empty entries dropped. */
export const responseFieldsOf = (fields: Readonly<Record<string, string>>): string[] =>
  (fields.responseFields ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** The boolean flags, `responseFields`, `customCoordinates` and `checks`. */
const optionError = (fields: Readonly<Record<string, string>>): Reply | undefined => {
  const badFlag = BOOLEAN_FIELDS.find(
    (k) => fields[k] !== undefined && fields[k] !== 'true' && fields[k] !== 'false',
  )
  if (badFlag !== undefined) return fail(400, `Your request contains invalid ${badFlag} parameter.`)
  const badField = responseFieldsOf(fields).find((f) => !RESPONSE_FIELDS.includes(f))
  if (badField !== undefined)
    return fail(400, `Your request contains invalid responseFields parameter: ${badField}.`)
  const coordinates = fields.customCoordinates
  if (coordinates !== undefined && coordinates !== '' && !/^\d+,\d+,\d+,\d+$/.test(coordinates))
    return fail(400, 'Your request contains invalid customCoordinates parameter.')
  if (fields.checks !== undefined && fields.checks !== '')
    return fail(400, 'Unsupported checks: the stand-in does not evaluate pre-upload checks.')
  return undefined
}

/** The checks of the text fields, in ImageKit's order. */
export const fieldError = (fields: Readonly<Record<string, string>>): Reply | undefined =>
  nameError(fields) ?? optionError(fields)

/** A JSON field: `undefined` when absent, `null` when it does not parse (then refused as not the right shape). */
const parsed = (text: string | undefined): unknown => {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return null
  }
}

const isExtensions = (ext: unknown): ext is readonly Extension[] =>
  Array.isArray(ext) &&
  ext.every(
    (e) => typeof e === 'object' && e !== null && EXTENSIONS.includes((e as { name?: string }).name ?? ''),
  )

/** `customMetadata` (a plain object of known fields), `extensions` and `transformation`, in that order. */
export const jsonFields = (ctx: Ctx, fields: Readonly<Record<string, string>>): Reply | UploadJson => {
  const cm = parsed(fields.customMetadata)
  if (cm !== undefined && (typeof cm !== 'object' || cm === null || Array.isArray(cm)))
    return fail(400, 'Your request contains invalid customMetadata parameter.')
  const customMetadata = cm as Record<string, unknown> | undefined
  const cmError = customMetadata === undefined ? undefined : customMetadataError(ctx.state, customMetadata)
  if (cmError !== undefined) return fail(400, cmError)
  const ext = parsed(fields.extensions)
  if (ext !== undefined && !isExtensions(ext))
    return fail(400, 'Your request contains invalid extensions parameter.')
  const tr = parsed(fields.transformation)
  if (tr !== undefined && E.isLeft(UploadTransformation.decode(tr)))
    return fail(400, 'The file could not be uploaded because the transformation field is invalid.')
  return { customMetadata, extensions: ext as readonly Extension[] | undefined, transformation: tr }
}
