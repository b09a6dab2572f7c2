// POST /api/v1/files/upload and /api/v2/files/upload: multipart parsing, auth, checks, then the file is stored
// (a new file, or a new version of the file at the same path).
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { checkBasic, checkClientSignature, checkJwt } from './auth'
import { isoNow, type Ctx } from './context'
import { customMetadataError } from './customMetadata'
import { sha256Hex } from './digest'
import { imageInfo, mimeOf } from './imageInfo'
import { fileNameOf, isBadFolderPath, isDotName } from './names'
import { fail, ok, type Reply } from './reply'
import { fileAt, normaliseFolder, putFile, type AITag, type Version } from './state'
import { closed } from './validate'
import { uploadResult } from './views'

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

const parseJson = (text: string | undefined): { ok: true; value: unknown } | { ok: false } => {
  if (text === undefined) return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return { ok: false }
  }
}

const flag = (fields: Readonly<Record<string, string>>, name: string, fallback: boolean) =>
  fields[name] === undefined ? fallback : fields[name] === 'true'

/** Builds the upload handler for v1 (`signature`) or v2 (`jwt`) client-side auth. */
export const uploadHandler =
  (clientAuth: 'signature' | 'jwt') =>
  async (ctx: Ctx): Promise<Reply> => {
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

    // Auth first, as ImageKit does: a bad credential is a 401 whatever else is wrong.
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
    const denied =
      authorization !== null
        ? checkBasic(ctx.keys, authorization)
        : clientAuth === 'jwt'
          ? checkJwt(ctx.keys, ctx.state, fields, now)
          : checkClientSignature(ctx.keys, ctx.state, fields, now)
    if (denied !== undefined) return denied

    const bytes =
      file === undefined
        ? undefined
        : typeof file === 'string'
          ? textFileBytes(file)
          : new Uint8Array(await file.arrayBuffer())
    if (file === undefined || file === '' || bytes === undefined)
      return fail(400, 'Your request is missing file parameter.')
    ctx.noteFile(
      typeof file === 'string'
        ? { size: bytes.length }
        : { size: bytes.length, filename: (file as File).name, type: file.type },
    )
    if (fields.fileName === undefined || fields.fileName === '')
      return fail(400, 'Your request is missing fileName parameter.')
    const name0 = fileNameOf(fields.fileName)
    if (isDotName(name0)) return fail(400, 'Your request contains invalid fileName parameter.')
    if (fields.folder !== undefined && isBadFolderPath(fields.folder))
      return fail(400, 'Your request contains invalid folder parameter.')
    const badFlag = BOOLEAN_FIELDS.find(
      (k) => fields[k] !== undefined && fields[k] !== 'true' && fields[k] !== 'false',
    )
    if (badFlag !== undefined) return fail(400, `Your request contains invalid ${badFlag} parameter.`)
    const responseFields = (fields.responseFields ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
    const badField = responseFields.find((f) => !RESPONSE_FIELDS.includes(f))
    if (badField !== undefined)
      return fail(400, `Your request contains invalid responseFields parameter: ${badField}.`)
    if (
      fields.customCoordinates !== undefined &&
      fields.customCoordinates !== '' &&
      !/^\d+,\d+,\d+,\d+$/.test(fields.customCoordinates)
    ) {
      return fail(400, 'Your request contains invalid customCoordinates parameter.')
    }
    if (fields.checks !== undefined && fields.checks !== '') {
      return fail(400, 'Unsupported checks: the stand-in does not evaluate pre-upload checks.')
    }
    const json = {
      customMetadata: parseJson(fields.customMetadata),
      extensions: parseJson(fields.extensions),
      transformation: parseJson(fields.transformation),
    }
    const cm = json.customMetadata.ok ? json.customMetadata.value : null
    if (cm !== undefined && (typeof cm !== 'object' || cm === null || Array.isArray(cm))) {
      return fail(400, 'Your request contains invalid customMetadata parameter.')
    }
    const cmError =
      cm === undefined ? undefined : customMetadataError(ctx.state, cm as Record<string, unknown>)
    if (cmError !== undefined) return fail(400, cmError)
    const ext = json.extensions.ok ? json.extensions.value : null
    if (
      ext !== undefined &&
      (!Array.isArray(ext) ||
        !ext.every(
          (e) =>
            typeof e === 'object' && e !== null && EXTENSIONS.includes((e as { name?: string }).name ?? ''),
        ))
    ) {
      return fail(400, 'Your request contains invalid extensions parameter.')
    }
    const tr = json.transformation.ok ? json.transformation.value : null
    if (tr !== undefined && E.isLeft(UploadTransformation.decode(tr))) {
      return fail(400, 'The file could not be uploaded because the transformation field is invalid.')
    }
    const image = imageInfo(bytes)
    const mime = image?.mime ?? (typeof file === 'string' ? mimeOf(name0) : file.type || mimeOf(name0))
    if (tr !== undefined && !/^(image|video)\//.test(mime)) {
      return fail(
        400,
        'The file could not be uploaded because transformations are supported only for image and video files.',
      )
    }

    const useUnique = flag(fields, 'useUniqueFileName', true)
    const dot = name0.lastIndexOf('.')
    const name = useUnique
      ? dot > 0
        ? `${name0.slice(0, dot)}_${ctx.state.ids.suffix()}${name0.slice(dot)}`
        : `${name0}_${ctx.state.ids.suffix()}`
      : name0
    const folder = normaliseFolder(fields.folder ?? '/')
    const existing = fileAt(ctx.state, `${folder}${name}`)
    if (existing !== undefined && !flag(fields, 'overwriteFile', true)) {
      return fail(
        400,
        'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
      )
    }
    const at = isoNow(ctx)
    const tags =
      fields.tags === undefined
        ? undefined
        : fields.tags
            .split(',')
            .map((t) => t.trim())
            .filter((t) => t !== '')
    const autoTags = (Array.isArray(ext) ? ext : [])
      .filter((e: { name?: string }) => e.name === 'google-auto-tagging' || e.name === 'aws-auto-tagging')
      .flatMap((e: { name: string }): AITag[] =>
        name0
          .replace(/\.[^.]*$/, '')
          .split(/[^\p{L}\p{N}]+/u)
          .filter((w) => w !== '')
          .map((w) => ({ name: w, confidence: 95, source: e.name })),
      )
    const keep = <A>(overwrite: string, given: A | undefined, old: A, cleared: A): A =>
      given !== undefined ? given : existing !== undefined && !flag(fields, overwrite, true) ? old : cleared
    const prior = existing?.current
    const version: Version = {
      versionId: '',
      versionNumber: 0,
      bytes,
      mime,
      sha256: sha256Hex(bytes),
      image,
      tags: keep('overwriteTags', tags && (tags.length === 0 ? null : tags), prior?.tags ?? null, null),
      AITags: keep(
        'overwriteAITags',
        autoTags.length === 0 ? undefined : autoTags,
        prior?.AITags ?? null,
        null,
      ),
      customCoordinates:
        fields.customCoordinates === undefined || fields.customCoordinates === ''
          ? null
          : fields.customCoordinates,
      customMetadata: keep(
        'overwriteCustomMetadata',
        cm as Record<string, unknown> | undefined,
        prior?.customMetadata ?? {},
        {},
      ),
      description:
        fields.description ??
        ((Array.isArray(ext) ? ext : []).some((e: { name?: string }) => e.name === 'ai-auto-description')
          ? `A file named ${name0}.`
          : undefined),
      isPrivateFile: flag(fields, 'isPrivateFile', false),
      isPublished: flag(fields, 'isPublished', true),
      createdAt: at,
      updatedAt: at,
    }
    const stored = putFile(ctx.state, folder, name, version)
    const statuses = Object.fromEntries(
      (Array.isArray(ext) ? ext : []).map((e: { name: string }) => [e.name, 'success'] as const),
    )
    return ok(
      uploadResult(
        ctx.urlEndpoint,
        stored,
        responseFields,
        Array.isArray(ext) && ext.length > 0 ? statuses : undefined,
      ),
    )
  }
