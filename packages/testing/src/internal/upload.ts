// POST /api/v1/files/upload and /api/v2/files/upload: multipart parsing, auth, checks, then the file is stored
// (a new file, or a new version of the file at the same path).
import { clientKeyOf } from './auth'
import { isoNow, type Ctx, type Handlers } from './context'
import { sha256Hex } from './digest'
import { imageInfo, mimeOf, type ImageInfo } from './imageInfo'
import { fileNameOf } from './names'
import { fail, ok, type Reply } from './reply'
import { fileAt, normaliseFolder, putFile, type AITag, type StoredFile, type Version } from './state'
import {
  authError,
  fieldError,
  fileBytes,
  flag,
  isReply,
  jsonFields,
  readForm,
  responseFieldsOf,
  type Extension,
  type UploadJson,
} from './uploadForm'
import { uploadResult } from './views'

type Fields = Readonly<Record<string, string>>

/** What the checks produced: the file's bytes and type, and the parsed JSON fields. */
interface Upload extends UploadJson {
  readonly bytes: Uint8Array
  readonly image: ImageInfo | undefined
  readonly mime: string
}

/** `name0` with a random suffix before its extension. */
const uniqueName = (ctx: Ctx, name0: string): string => {
  const dot = name0.lastIndexOf('.')
  return dot > 0
    ? `${name0.slice(0, dot)}_${ctx.state.ids.suffix()}${name0.slice(dot)}`
    : `${name0}_${ctx.state.ids.suffix()}`
}

/** The `tags` field: `undefined` when absent, else the trimmed non-empty tags. */
const tagsOf = (fields: Fields): string[] | undefined =>
  fields.tags === undefined
    ? undefined
    : fields.tags
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '')

/** The AI tags an auto-tagging extension adds: the words of the file name. */
const autoTagsOf = (extensions: readonly Extension[], name0: string): AITag[] =>
  extensions
    .filter((e) => e.name === 'google-auto-tagging' || e.name === 'aws-auto-tagging')
    .flatMap((e): AITag[] =>
      name0
        .replace(/\.[^.]*$/, '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w !== '')
        .map((w) => ({ name: w, confidence: 95, source: e.name })),
    )

/** The `description` field, or the one `ai-auto-description` writes. */
const descriptionOf = (fields: Fields, extensions: readonly Extension[], name0: string) =>
  fields.description ??
  (extensions.some((e) => e.name === 'ai-auto-description') ? `A file named ${name0}.` : undefined)

/** The new version: given values, else (when the overwrite flag is false) the old file's, else cleared. */
const newVersion = (
  ctx: Ctx,
  fields: Fields,
  name0: string,
  upload: Upload,
  existing: StoredFile | undefined,
): Version => {
  const at = isoNow(ctx)
  const tags = tagsOf(fields)
  const extensions = upload.extensions ?? []
  const autoTags = autoTagsOf(extensions, name0)
  const keep = <A>(overwrite: string, given: A | undefined, old: A, cleared: A): A =>
    given !== undefined ? given : existing !== undefined && !flag(fields, overwrite, true) ? old : cleared
  const prior = existing?.current
  const coordinates = fields.customCoordinates
  return {
    versionId: '',
    versionNumber: 0,
    bytes: upload.bytes,
    mime: upload.mime,
    sha256: sha256Hex(upload.bytes),
    image: upload.image,
    tags: keep('overwriteTags', tags && (tags.length === 0 ? null : tags), prior?.tags ?? null, null),
    AITags: keep(
      'overwriteAITags',
      autoTags.length === 0 ? undefined : autoTags,
      prior?.AITags ?? null,
      null,
    ),
    customCoordinates: coordinates === undefined || coordinates === '' ? null : coordinates,
    customMetadata: keep('overwriteCustomMetadata', upload.customMetadata, prior?.customMetadata ?? {}, {}),
    description: descriptionOf(fields, extensions, name0),
    isPrivateFile: flag(fields, 'isPrivateFile', false),
    isPublished: flag(fields, 'isPublished', true),
    createdAt: at,
    updatedAt: at,
  }
}

/** Stores the upload (refused when the name is taken and overwriting is off) and answers the stored file. */
const store = (ctx: Ctx, fields: Fields, name0: string, upload: Upload): Reply => {
  const name = flag(fields, 'useUniqueFileName', true) ? uniqueName(ctx, name0) : name0
  const folder = normaliseFolder(fields.folder ?? '/')
  const existing = fileAt(ctx.state, `${folder}${name}`)
  if (existing !== undefined && !flag(fields, 'overwriteFile', true)) {
    return fail(
      400,
      'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
    )
  }
  const stored = putFile(ctx.state, folder, name, newVersion(ctx, fields, name0, upload, existing))
  const extensions = upload.extensions ?? []
  const statuses = Object.fromEntries(extensions.map((e) => [e.name, 'success'] as const))
  return ok(
    uploadResult(
      ctx.urlEndpoint,
      stored,
      responseFieldsOf(fields),
      extensions.length > 0 ? statuses : undefined,
    ),
  )
}

/** Reads the file part and logs it (a refusal when it is missing). */
const readFile = async (ctx: Ctx, file: Blob | string | undefined): Promise<Reply | Uint8Array> => {
  const bytes = await fileBytes(file)
  if (file === undefined || bytes === undefined) return fail(400, 'Your request is missing file parameter.')
  ctx.noteFile(
    typeof file === 'string'
      ? { size: bytes.length }
      : { size: bytes.length, filename: (file as File).name, type: file.type },
  )
  return bytes
}

/** The file's type: sniffed from its bytes, else the part's content type, else from the name. */
const mimeFor = (image: ImageInfo | undefined, file: Blob | string, name0: string): string =>
  image?.mime ?? (typeof file === 'string' ? mimeOf(name0) : file.type || mimeOf(name0))

/** Builds the upload handler for v1 (`signature`) or v2 (`jwt`) client-side auth. */
const uploadHandler =
  (clientAuth: 'signature' | 'jwt') =>
  async (ctx: Ctx): Promise<Reply> => {
    const form = await readForm(ctx)
    if (isReply(form)) return form
    const { fields, file } = form
    // A Basic-auth upload was counted before its body was read; a client-side one counts under its public key.
    if (ctx.request.headers.get('authorization') === null) {
      const limited = ctx.limit(clientKeyOf(clientAuth, fields))
      if (limited !== undefined) return limited
    }
    const denied = authError(ctx, clientAuth, fields)
    if (denied !== undefined) return denied
    const bytes = await readFile(ctx, file)
    if (isReply(bytes)) return bytes
    const refused = fieldError(fields)
    if (refused !== undefined) return refused
    const json = jsonFields(ctx, fields)
    if (isReply(json)) return json
    const name0 = fileNameOf(fields.fileName!)
    const image = imageInfo(bytes)
    const mime = mimeFor(image, file!, name0)
    if (json.transformation !== undefined && !/^(image|video)\//.test(mime)) {
      return fail(
        400,
        'The file could not be uploaded because transformations are supported only for image and video files.',
      )
    }
    return store(ctx, fields, name0, { ...json, bytes, image, mime })
  }

/** The upload handlers, by operationId: v1 (client-side auth by signature) and v2 (by JWT). */
export const uploadHandlers = {
  'upload-file': uploadHandler('signature'),
  'upload-file-v2': uploadHandler('jwt'),
} satisfies Handlers
