// `imagekit-fp upload <dir|file…> --folder <target> [--concurrency n] [--resume manifest]`: the files given one by
// one through `uploadMany`, then each folder through `uploadDirectory` (lazy walk, resume manifest); both with
// bounded concurrency and one rate-limit gate shared by the whole run. The bar on a terminal, plain lines
// elsewhere. Every run writes a manifest, so that an interrupted run can be resumed.
import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { uploadMany, type UploadManyOutcome } from '@imagekit-fp/upload'
import { fileFromPath, uploadDirectory, type UploadDirectoryOutcome } from '@imagekit-fp/upload/node'
import { createRateGate, formatError, validationError } from '@imagekit-fp/utils'
import { reportError, type Context } from './context'
import { countFiles } from './count'
import { say } from './io'
import { progressView, type ProgressView } from './progress'
import { need, UsageError } from './settings'
import { finish, lastFrame, mark, newRun, settle, snapshotOf, type RunState, type Settled } from './uploadRun'

/** Options of `upload`, as commander parses them. */
export interface UploadFlags {
  readonly folder: string
  readonly concurrency: number
  readonly resume?: string
  readonly tags?: string
  readonly uniqueNames?: boolean
}

/**
 * The default manifest: in the current folder, named after the time the run started plus a random part, so that
 * two runs never share one by accident (a shared manifest would make a run skip files another run uploaded).
 */
const defaultManifest = (now: number): string => {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  return path.resolve(`imagekit-fp-upload-${stamp}-${randomUUID().slice(0, 8)}.jsonl`)
}

const joinTarget = (folder: string, fileName: string) => `${folder.replace(/\/$/, '')}/${fileName}`

const fromDirectory = (o: UploadDirectoryOutcome): Settled => {
  const at = { path: o.ref.path, target: joinTarget(o.ref.folder, o.ref.fileName) }
  if (o._tag === 'Failed') return { ...at, kind: 'failed', error: o.error }
  if (o.result._tag === 'AlreadyUploaded') return { ...at, kind: 'skipped' }
  return { ...at, kind: 'uploaded', size: o.result._tag === 'UploadResult' ? o.result.size : undefined }
}

const fromMany =
  (files: readonly string[]) =>
  (o: UploadManyOutcome): Settled => {
    const at = {
      path: files[o.index] ?? o.ref.fileName,
      target: joinTarget(o.ref.folder ?? '/', o.ref.fileName),
    }
    if (o._tag === 'Failed') return { ...at, kind: 'failed', error: o.error }
    return { ...at, kind: 'uploaded', size: o.result._tag === 'UploadResult' ? o.result.size : undefined }
  }

/** Splits the arguments into folders and files; a path that cannot be read is bad usage (nothing is sent). */
const classify = async (paths: readonly string[]) => {
  const dirs: string[] = []
  const files: string[] = []
  for (const p of paths) {
    const s = await stat(p).catch((e: { code?: string }) => {
      throw new UsageError(`${p}: cannot be read (${e.code ?? 'error'})`)
    })
    if (s.isDirectory()) dirs.push(p)
    else if (s.isFile()) files.push(p)
    else throw new UsageError(`${p}: neither a folder nor a file`)
  }
  return { dirs, files }
}

/** The shared parts of every upload request and option. */
interface Common {
  readonly config: { readonly privateKey: string; readonly uploadBaseUrl?: string }
  readonly flags: UploadFlags
  readonly run: RunState
  readonly view: ProgressView
  readonly gate: ReturnType<typeof createRateGate>
}

const uploadOptions = (flags: UploadFlags) => ({
  useUniqueFileName: flags.uniqueNames === true,
  ...(flags.tags === undefined ? {} : { tags: flags.tags.split(',').filter((t) => t !== '') }),
})

const listeners = (c: Common) => {
  const before = mark(c.run)
  const { signal } = c.run.ctx.io
  return {
    concurrency: c.flags.concurrency,
    gate: c.gate,
    keep: 'failed' as const,
    onProgress: (p: Parameters<typeof snapshotOf>[2]) =>
      c.view.update((c.run.last = snapshotOf(c.run, before, p))),
    ...(signal ? { signal } : {}),
  }
}

/**
 * The loose files, read lazily from disk (streamed, never all in memory). A file that cannot be opened fails on
 * its own (a `ValidationError` at its path, with the cause) and the next ones go on. Resolves to `aborted`.
 */
const uploadFiles = async (c: Common, files: readonly string[]): Promise<boolean | number> => {
  const { config, flags, run } = c
  // The files handed to uploadMany, by the index its outcomes carry; and the files that could not be opened.
  const sent: string[] = []
  let unread = 0
  const requests = async function* () {
    for (const file of files) {
      const blob = await fileFromPath(file)()
      if (blob._tag === 'Left') {
        unread += 1
        const target = joinTarget(flags.folder, path.basename(file))
        settle(run, { path: file, target, kind: 'failed', error: validationError(file, blob.left.message) })
        continue
      }
      sent.push(file)
      yield { ...uploadOptions(flags), file: blob.right, fileName: path.basename(file), folder: flags.folder }
    }
  }
  const listening = listeners(c)
  const result = await uploadMany(config, requests(), {
    ...listening,
    onProgress: (p) => listening.onProgress({ ...p, failed: p.failed + unread }),
    onItem: (o) => settle(run, fromMany(sent)(o)),
  })()
  if (result._tag === 'Left') return reportError(run.ctx.io, result.left)
  return result.right.aborted
}

/** One folder. Resolves to `aborted`, or to an exit code when it could not start. */
const uploadFolder = async (c: Common, dir: string, manifest: string): Promise<boolean | number> => {
  const { config, flags, run } = c
  const result = await uploadDirectory(config, dir, {
    ...listeners(c),
    folder: flags.folder,
    manifest,
    uploadOptions: uploadOptions(flags),
    onItem: (o) => settle(run, fromDirectory(o)),
  })()
  if (result._tag === 'Left') return reportError(run.ctx.io, result.left)
  if (result.right.manifestError !== undefined)
    say(
      run.ctx.io.stderr,
      `warning: ${formatError(result.right.manifestError)} (those files would be sent again on resume)`,
    )
  return result.right.aborted
}

/** Uploads every file and folder given into `--folder`; see the README for the output and the exit codes. */
export const uploadCommand = async (
  ctx: Context,
  paths: readonly string[],
  flags: UploadFlags,
): Promise<number> => {
  const config = {
    privateKey: need(ctx.settings, 'privateKey', 'uploads are signed with it'),
    ...(ctx.settings.uploadBaseUrl === undefined ? {} : { uploadBaseUrl: ctx.settings.uploadBaseUrl }),
  }
  const { dirs, files } = await classify(paths)
  const run = newRun(ctx)
  const manifest = flags.resume === undefined ? defaultManifest(run.started) : path.resolve(flags.resume)
  const counting = countFiles(paths, manifest, ctx.io.signal).then((c) => (run.counted = c))
  const common: Common = {
    config,
    flags,
    run,
    view: progressView(ctx.io.stderr, ctx.now),
    gate: createRateGate(),
  }
  let aborted = false
  for (const step of [
    ...(files.length > 0 ? [() => uploadFiles(common, files)] : []),
    ...dirs.map((dir) => () => uploadFolder(common, dir, manifest)),
  ]) {
    const r = await step()
    if (typeof r === 'number') {
      common.view.clear()
      return r
    }
    if ((aborted = r)) break
  }
  await counting
  const frame = lastFrame(run)
  if (frame !== undefined) common.view.end(frame)
  return finish(run, {
    // Files given one by one are not in the manifest: a resume sends them again (same name, replaced).
    again: [...paths, '--folder', flags.folder, '--resume', manifest],
    manifest,
    own: flags.resume === undefined,
    aborted,
  })
}
