// File operations: list/search, details, update, delete (one and bulk), copy/move/rename, tags, AI tags,
// versions and metadata.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { isoNow, type Ctx, type Handlers } from './context'
import { customMetadataError } from './customMetadata'
import { fileNameOf, isBadFolderPath, isDotName } from './names'
import { fail, fileNotFound, ok, type Reply } from './reply'
import {
  ensureFolder,
  fileAt,
  filePathOf,
  insertFile,
  normaliseFolder,
  relocate,
  removeFile,
  splitPath,
  type StoredFile,
  type Version,
} from './state'
import { check, decoded, struct, uri } from './validate'
import { fileDetails, metadataOf } from './views'
import { listFiles } from './listing'

const withFile = (ctx: Ctx, then: (f: StoredFile) => Reply): Reply => {
  const f = ctx.state.files.get(ctx.params.fileId ?? '')
  return f === undefined ? fileNotFound() : then(f)
}

const Extensions = t.array(t.type({ name: t.string }))
const UpdateDetails = t.partial({
  removeAITags: t.union([t.array(t.string), t.literal('all')]),
  webhookUrl: uri,
  extensions: Extensions,
  tags: t.union([t.array(t.string), t.null]),
  customCoordinates: t.union([t.string, t.null]),
  customMetadata: t.UnknownRecord,
  description: t.string,
})
const Publish = t.type({ publish: struct({ isPublished: t.boolean }, { includeFileVersions: t.boolean }) })

/** `publish` (sent alone): the current version's flag, and the older ones' with `includeFileVersions`. */
const applyPublish = (f: StoredFile, body: object): Reply | undefined => {
  if (Object.keys(body).length > 1)
    return fail(400, 'Your request contains invalid publish parameter: send publish alone.')
  const p = check(Publish, body)
  if (E.isLeft(p)) return p.left
  const v = f.current
  v.isPublished = p.right.publish.isPublished
  if (p.right.publish.includeFileVersions === true)
    for (const old of f.versions) old.isPublished = v.isPublished
  return undefined
}

/** The other updatable details: custom metadata (merged, `null` deletes), tags, coordinates, AI tags. */
const applyDetails = (ctx: Ctx, v: Version, body: object): Reply | undefined => {
  const u = check(UpdateDetails, body)
  if (E.isLeft(u)) return u.left
  const d = u.right
  if (d.customMetadata !== undefined) {
    const error = customMetadataError(ctx.state, d.customMetadata)
    if (error !== undefined) return fail(400, error)
    v.customMetadata = Object.fromEntries(
      Object.entries({ ...v.customMetadata, ...d.customMetadata }).filter(([, x]) => x !== null),
    )
  }
  if (d.tags !== undefined) v.tags = d.tags === null || d.tags.length === 0 ? null : d.tags
  if (d.customCoordinates !== undefined) v.customCoordinates = d.customCoordinates
  if (d.description !== undefined) v.description = d.description
  if (d.removeAITags !== undefined) {
    const remove = d.removeAITags
    const left = remove === 'all' ? [] : (v.AITags ?? []).filter((a) => !remove.includes(a.name))
    v.AITags = left.length === 0 ? null : left
  }
  return undefined
}

const updateDetails = (ctx: Ctx): Reply =>
  withFile(ctx, (f) => {
    const body = ctx.json
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return fail(400, 'Your request contains invalid request body parameter.')
    const v = f.current
    const refused = Object.hasOwn(body, 'publish') ? applyPublish(f, body) : applyDetails(ctx, v, body)
    if (refused !== undefined) return refused
    v.updatedAt = isoNow(ctx)
    const extensions = (body as { extensions?: { name: string }[] }).extensions
    return ok({
      ...fileDetails(ctx.urlEndpoint, f),
      ...(extensions === undefined
        ? {}
        : { extensionStatus: Object.fromEntries(extensions.map((e) => [e.name, 'success'])) }),
    })
  })

const FileIds = t.type({ fileIds: t.array(t.string) })
const TagsBody = t.type({ fileIds: t.array(t.string), tags: t.array(t.string) })
const AITagsBody = t.type({ fileIds: t.array(t.string), AITags: t.array(t.string) })

/** Applies `change` to every listed file, or answers 404 with the missing ids when any is unknown. */
const bulk = (ctx: Ctx, fileIds: readonly string[], change: (f: StoredFile) => void, key: string): Reply => {
  const missing = fileIds.filter((id) => !ctx.state.files.has(id))
  if (missing.length > 0)
    return fail(404, 'The requested file(s) does not exist.', { missingFileIds: missing })
  for (const id of fileIds) change(ctx.state.files.get(id)!)
  return ok({ [key]: [...fileIds] })
}

const tagChange =
  (ctx: Ctx, tags: readonly string[], add: boolean) =>
  (f: StoredFile): void => {
    const now = (f.current.tags ?? []).filter((t) => add || !tags.includes(t))
    const next = add ? [...now, ...tags.filter((t) => !now.includes(t))] : now
    f.current.tags = next.length === 0 ? null : next
    f.current.updatedAt = isoNow(ctx)
  }

const copyVersion = (v: Version, versionId: string, versionNumber: number, at: string): Version => ({
  ...v,
  tags: v.tags && [...v.tags],
  AITags: v.AITags && [...v.AITags],
  customMetadata: { ...v.customMetadata },
  versionId,
  versionNumber,
  createdAt: at,
  updatedAt: at,
})

/** Copies `f` to `folder` (a new version when a file with that name is already there). */
const copyTo = (ctx: Ctx, f: StoredFile, folder: string, withVersions: boolean): void => {
  const at = isoNow(ctx)
  ensureFolder(ctx.state, folder, at)
  const target = fileAt(ctx.state, `${folder}${f.name}`)
  const sources = withVersions ? [...f.versions, f.current] : [f.current]
  if (target === undefined) {
    const fileId = ctx.state.ids.objectId()
    const versions = sources.map((v, i) =>
      copyVersion(v, i === sources.length - 1 ? fileId : ctx.state.ids.objectId(), i + 1, at),
    )
    insertFile(ctx.state, {
      fileId,
      name: f.name,
      folder,
      current: versions.pop()!,
      versions,
      versionCount: sources.length,
    })
  } else if (target !== f) {
    target.versions.push(target.current)
    target.versionCount += 1
    target.current = copyVersion(f.current, ctx.state.ids.objectId(), target.versionCount, at)
  }
}

const CopyBody = struct(
  { sourceFilePath: t.string, destinationPath: t.string },
  { includeFileVersions: t.boolean },
)
const MoveBody = t.type({ sourceFilePath: t.string, destinationPath: t.string })
const RenameBody = struct({ filePath: t.string, newFileName: t.string }, { purgeCache: t.boolean })

const badDestination = () => fail(400, 'Your request contains invalid destinationPath parameter.')

const sourceNotFound = () =>
  fail(404, 'No file found with filePath sourceFilePath.', { reason: 'SOURCE_FILE_MISSING' })

const versionOf = (f: StoredFile, versionId: string): Version | undefined =>
  f.current.versionId === versionId ? f.current : f.versions.find((v) => v.versionId === versionId)

const versionNotFound = () =>
  fail(404, 'The requested file version does not exist.', { reason: 'FILE_VERSION_NOT_FOUND' })

/** The file handlers, by operationId. */
export const fileHandlers = {
  'list-and-search-assets': listFiles,
  'get-file-details': (ctx) => withFile(ctx, (f) => ok(fileDetails(ctx.urlEndpoint, f))),
  'update-file-details': updateDetails,
  'delete-file': (ctx) =>
    withFile(ctx, (f) => {
      removeFile(ctx.state, f)
      return ok(undefined, 204)
    }),
  'delete-multiple-files': decoded(FileIds, (ctx, b) =>
    bulk(ctx, b.fileIds, (f) => removeFile(ctx.state, f), 'successfullyDeletedFileIds'),
  ),
  'add-tags-bulk': decoded(TagsBody, (ctx, b) =>
    bulk(ctx, b.fileIds, tagChange(ctx, b.tags, true), 'successfullyUpdatedFileIds'),
  ),
  'remove-tags-bulk': decoded(TagsBody, (ctx, b) =>
    bulk(ctx, b.fileIds, tagChange(ctx, b.tags, false), 'successfullyUpdatedFileIds'),
  ),
  'remove-ai-tags-bulk': decoded(AITagsBody, (ctx, b) =>
    bulk(
      ctx,
      b.fileIds,
      (f) => {
        const left = (f.current.AITags ?? []).filter((a) => !b.AITags.includes(a.name))
        f.current.AITags = left.length === 0 ? null : left
        f.current.updatedAt = isoNow(ctx)
      },
      'successfullyUpdatedFileIds',
    ),
  ),
  'copy-file': decoded(CopyBody, (ctx, b) => {
    if (isBadFolderPath(b.destinationPath)) return badDestination()
    const f = fileAt(ctx.state, b.sourceFilePath)
    if (f === undefined) return sourceNotFound()
    copyTo(ctx, f, normaliseFolder(b.destinationPath), b.includeFileVersions !== false)
    return ok(undefined, 204)
  }),
  'move-file': decoded(MoveBody, (ctx, b) => {
    if (isBadFolderPath(b.destinationPath)) return badDestination()
    const f = fileAt(ctx.state, b.sourceFilePath)
    if (f === undefined) return sourceNotFound()
    const folder = normaliseFolder(b.destinationPath)
    const target = fileAt(ctx.state, `${folder}${f.name}`)
    if (target === undefined) {
      ensureFolder(ctx.state, folder, isoNow(ctx))
      relocate(ctx.state, f, folder, f.name)
    } else if (target !== f) {
      copyTo(ctx, f, folder, false)
      removeFile(ctx.state, f)
    }
    return ok(undefined, 204)
  }),
  'rename-file': decoded(RenameBody, (ctx, b) => {
    const f = fileAt(ctx.state, b.filePath)
    if (f === undefined) return fail(404, 'No file found with filePath.', { reason: 'FILE_MISSING' })
    const newName = fileNameOf(b.newFileName)
    if (newName === '' || isDotName(newName))
      return fail(400, 'Your request contains invalid newFileName parameter.')
    const { folder } = splitPath(filePathOf(f))
    if (fileAt(ctx.state, `${folder}${newName}`) !== undefined) {
      return fail(409, 'File with the new name already exists in the same location.', {
        reason: 'FILE_ALREADY_EXISTS',
      })
    }
    relocate(ctx.state, f, folder, newName)
    f.current.updatedAt = isoNow(ctx)
    if (b.purgeCache !== true) return ok({})
    const purgeRequestId = ctx.state.ids.objectId()
    ctx.state.purges.set(purgeRequestId, ctx.pendingReads)
    return ok({ purgeRequestId })
  }),
  'list-file-versions': (ctx) =>
    withFile(ctx, (f) => ok([...f.versions, f.current].map((v) => fileDetails(ctx.urlEndpoint, f, v)))),
  'get-file-version-details': (ctx) =>
    withFile(ctx, (f) => {
      const v = versionOf(f, ctx.params.versionId ?? '')
      return v === undefined ? versionNotFound() : ok(fileDetails(ctx.urlEndpoint, f, v))
    }),
  'delete-file-version': (ctx) =>
    withFile(ctx, (f) => {
      const id = ctx.params.versionId ?? ''
      if (f.current.versionId === id) return fail(400, 'You cannot delete current version of a file.')
      const at = f.versions.findIndex((v) => v.versionId === id)
      if (at === -1) return versionNotFound()
      f.versions.splice(at, 1)
      return ok(undefined, 204)
    }),
  'restore-file-version': (ctx) =>
    withFile(ctx, (f) => {
      const id = ctx.params.versionId ?? ''
      const at = f.versions.findIndex((v) => v.versionId === id)
      if (at === -1)
        return f.current.versionId === id ? ok(fileDetails(ctx.urlEndpoint, f)) : versionNotFound()
      const [restored] = f.versions.splice(at, 1)
      f.versions.push(f.current)
      f.current = restored!
      f.current.updatedAt = isoNow(ctx)
      return ok(fileDetails(ctx.urlEndpoint, f))
    }),
  'get-uploaded-file-metadata': (ctx) => withFile(ctx, (f) => ok(metadataOf(f.current))),
  'get-metadata-from-url': (ctx) => {
    const raw = ctx.url.searchParams.get('url')
    if (raw === null || raw === '') return fail(400, 'Your request is missing url parameter.')
    if (E.isLeft(uri.decode(raw))) return fail(400, 'Your request contains invalid url parameter.')
    // Only URLs under the stand-in's own URL endpoint can be read (no outbound requests).
    const prefix = ctx.urlEndpoint
    const path = raw.startsWith(`${prefix}/`)
      ? decodeURI(new URL(raw).pathname.slice(new URL(prefix).pathname.replace(/\/$/, '').length))
      : undefined
    const f = path === undefined ? undefined : fileAt(ctx.state, path)
    return f === undefined
      ? fail(404, 'The requested asset could not be fetched from the URL.')
      : ok(metadataOf(f.current))
  },
} satisfies Handlers
