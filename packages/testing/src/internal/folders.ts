// Folders: create and delete at once; copy, move and rename as bulk jobs. The work is done when the job is
// created; its status reads `Pending` for the stand-in's `pendingReads` reads, then `Completed`.
import * as t from 'io-ts'
import { isoNow, type Ctx, type Handlers } from './context'
import { folderNameOf, isBadFolderPath } from './names'
import { fail, ok, type Reply } from './reply'
import {
  ensureFolder,
  fileAt,
  insertFile,
  isUnder,
  normaliseFolder,
  relocate,
  removeFile,
  type Job,
  type StoredFile,
} from './state'
import { decoded, struct } from './validate'

const folderMissing = () => fail(404, 'No folder found with folderPath.', { reason: 'FOLDER_NOT_FOUND' })

const exists = (ctx: Ctx, folder: string) => folder === '/' || ctx.state.folders.has(folder)

const filesUnder = (ctx: Ctx, folder: string): StoredFile[] =>
  [...ctx.state.files.values()].filter((f) => isUnder(f.folder, folder))

const startJob = (ctx: Ctx, type: Job['type'], status: number, purge = false): Reply => {
  const jobId = ctx.state.ids.objectId()
  const purgeRequestId = purge ? ctx.state.ids.objectId() : undefined
  if (purgeRequestId !== undefined) ctx.state.purges.set(purgeRequestId, ctx.pendingReads)
  ctx.state.jobs.set(jobId, {
    jobId,
    type,
    pendingReads: ctx.pendingReads,
    ...(purgeRequestId === undefined ? {} : { purgeRequestId }),
  })
  return ok({ jobId }, status)
}

/** Copies every file and folder under `source` into `destination` (as `destination/<last segment of source>/`). */
const copyTree = (
  ctx: Ctx,
  source: string,
  destination: string,
  withVersions: boolean,
  move: boolean,
): void => {
  const base = source.slice(0, -1).slice(source.slice(0, -1).lastIndexOf('/') + 1)
  const target = `${destination}${base}/`
  const at = isoNow(ctx)
  ensureFolder(ctx.state, target, at)
  for (const p of [...ctx.state.folders.keys()]) {
    if (isUnder(p, source)) ensureFolder(ctx.state, `${target}${p.slice(source.length)}`, at)
  }
  for (const f of filesUnder(ctx, source)) {
    const folder = `${target}${f.folder.slice(source.length)}`
    if (move && fileAt(ctx.state, `${folder}${f.name}`) === undefined) {
      relocate(ctx.state, f, folder, f.name)
      continue
    }
    const fileId = ctx.state.ids.objectId()
    const versions = withVersions
      ? f.versions.map((v) => ({ ...v, versionId: ctx.state.ids.objectId() }))
      : []
    const existing = fileAt(ctx.state, `${folder}${f.name}`)
    if (existing !== undefined) removeFile(ctx.state, existing)
    insertFile(ctx.state, {
      fileId,
      name: f.name,
      folder,
      current: { ...f.current, versionId: fileId, customMetadata: { ...f.current.customMetadata } },
      versions,
      versionCount: versions.length + 1,
    })
    if (move) removeFile(ctx.state, f)
  }
  if (move) for (const p of [...ctx.state.folders.keys()]) if (isUnder(p, source)) ctx.state.folders.delete(p)
}

/** Copies or moves a folder tree, then answers with a bulk job. */
const treeJob = (
  ctx: Ctx,
  b: { readonly sourceFolderPath: string; readonly destinationPath: string },
  type: 'COPY_FOLDER' | 'MOVE_FOLDER',
  withVersions: boolean,
): Reply => {
  if (isBadFolderPath(b.destinationPath))
    return fail(400, 'Your request contains invalid destinationPath parameter.')
  const source = normaliseFolder(b.sourceFolderPath)
  const destination = normaliseFolder(b.destinationPath)
  if (source === '/' || !exists(ctx, source)) return folderMissing()
  if (isUnder(destination, source))
    return fail(400, 'The destination folder cannot be inside the source folder.')
  copyTree(ctx, source, destination, withVersions, type === 'MOVE_FOLDER')
  return startJob(ctx, type, 200)
}

const CreateFolder = t.type({ folderName: t.string, parentFolderPath: t.string })
const FolderPath = t.type({ folderPath: t.string })
const CopyFolder = struct(
  { sourceFolderPath: t.string, destinationPath: t.string },
  { includeVersions: t.boolean },
)
const MoveFolder = t.type({ sourceFolderPath: t.string, destinationPath: t.string })
const RenameFolder = struct({ folderPath: t.string, newFolderName: t.string }, { purgeCache: t.boolean })

/** The folder and bulk-job handlers, by operationId. */
export const folderHandlers = {
  'create-folder': decoded(CreateFolder, (ctx, b) => {
    if (b.folderName.trim() === '') return fail(400, 'Your request contains invalid folderName parameter.')
    if (isBadFolderPath(b.parentFolderPath))
      return fail(400, 'Your request contains invalid parentFolderPath parameter.')
    const name = folderNameOf(b.folderName)
    ensureFolder(ctx.state, `${normaliseFolder(b.parentFolderPath)}${name}`, isoNow(ctx))
    return ok({}, 201)
  }),
  'delete-folder': decoded(FolderPath, (ctx, b) => {
    const folder = normaliseFolder(b.folderPath)
    if (folder === '/' || !exists(ctx, folder)) return folderMissing()
    for (const f of filesUnder(ctx, folder)) removeFile(ctx.state, f)
    for (const p of [...ctx.state.folders.keys()]) if (isUnder(p, folder)) ctx.state.folders.delete(p)
    return ok(undefined, 204)
  }),
  'copy-folder': decoded(CopyFolder, (ctx, b) => treeJob(ctx, b, 'COPY_FOLDER', b.includeVersions === true)),
  'move-folder': decoded(MoveFolder, (ctx, b) => treeJob(ctx, b, 'MOVE_FOLDER', true)),
  'rename-folder': decoded(RenameFolder, (ctx, b) => {
    const source = normaliseFolder(b.folderPath)
    if (source === '/' || !exists(ctx, source)) return folderMissing()
    if (b.newFolderName.trim() === '')
      return fail(400, 'Your request contains invalid newFolderName parameter.')
    const parent = source.slice(0, source.slice(0, -1).lastIndexOf('/') + 1)
    const target = `${parent}${folderNameOf(b.newFolderName)}/`
    if (ctx.state.folders.has(target)) return fail(409, 'A folder with the new name already exists.')
    const at = isoNow(ctx)
    for (const p of [...ctx.state.folders.keys()]) {
      if (!isUnder(p, source)) continue
      const folder = ctx.state.folders.get(p)!
      ctx.state.folders.delete(p)
      ctx.state.folders.set(`${target}${p.slice(source.length)}`, { ...folder, updatedAt: at })
    }
    for (const f of filesUnder(ctx, source))
      relocate(ctx.state, f, `${target}${f.folder.slice(source.length)}`, f.name)
    return startJob(ctx, 'RENAME_FOLDER', 202, b.purgeCache === true)
  }),
  'bulk-job-status': (ctx) => {
    const job = ctx.state.jobs.get(ctx.params.jobId ?? '')
    if (job === undefined) return fail(404, 'No job found with jobId.')
    const pending = job.pendingReads > 0
    if (pending) job.pendingReads -= 1
    return ok({
      jobId: job.jobId,
      type: job.type,
      status: pending ? 'Pending' : 'Completed',
      ...(job.purgeRequestId === undefined ? {} : { purgeRequestId: job.purgeRequestId }),
    })
  },
} satisfies Handlers
