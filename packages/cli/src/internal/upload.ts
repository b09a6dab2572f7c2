// `imagekit-fp upload <dir…> --folder <target> [--concurrency n] [--resume manifest]`: each folder through
// `uploadDirectory` (lazy walk, bounded concurrency, shared rate-limit gate, resume manifest), with the bar on a
// terminal and plain lines elsewhere. Every run writes a manifest, so that an interrupted run can be resumed.
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import {
  uploadDirectory,
  type UploadDirectoryOptions,
  type UploadDirectoryOutcome,
  type UploadDirectoryReport,
} from '@imagekit-fp/upload/node'
import { formatError } from '@imagekit-fp/utils'
import { reportError, type Context } from './context'
import { countFiles, type Counted } from './count'
import { EXIT, say } from './io'
import { formatBytes, formatDuration, progressView, type ProgressSnapshot } from './progress'
import { need } from './settings'

/** Options of `upload`, as commander parses them. */
export interface UploadFlags {
  readonly folder: string
  readonly concurrency: number
  readonly resume?: string
  readonly tags?: string
  readonly uniqueNames?: boolean
}

/** What this run did so far (several folders run one after the other); `bytes`: of the files uploaded. */
interface Tally {
  uploaded: number
  skipped: number
  failed: number
  /** In flight when Ctrl-C came: cancelled, not failed (a resume sends them). */
  cancelled: number
  bytes: number
}

/** `arg` quoted for a POSIX shell when it needs it (for the resume line people copy). */
const shellQuote = (arg: string): string =>
  /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`

/** The command that resumes this run. */
const resumeLine = (dirs: readonly string[], flags: UploadFlags, manifest: string): string =>
  ['imagekit-fp', 'upload', ...dirs, '--folder', flags.folder, '--resume', manifest].map(shellQuote).join(' ')

/**
 * The default manifest: in the current folder, named after the time the run started plus a random part, so that
 * two runs never share one by accident (a shared manifest would make a run skip files another run uploaded).
 */
const defaultManifest = (now: number): string => {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  return path.resolve(`imagekit-fp-upload-${stamp}-${randomUUID().slice(0, 8)}.jsonl`)
}

/** One plain line per settled file (off a terminal). */
const itemLine = (o: UploadDirectoryOutcome): string => {
  const target = `${o.ref.folder.replace(/\/$/, '')}/${o.ref.fileName}`
  if (o._tag === 'Failed') return `failed\t${o.ref.path}\t${formatError(o.error)}`
  return o.result._tag === 'AlreadyUploaded'
    ? `skipped\t${o.ref.path}\t(already uploaded)`
    : `uploaded\t${o.ref.path}\t${target}`
}

/** What `uploadDirectory` reports as files settle. */
type BulkProgress = Parameters<NonNullable<UploadDirectoryOptions['onProgress']>>[0]

/** The state of one run, shared by the listeners of its folders. */
interface RunState {
  readonly ctx: Context
  readonly started: number
  readonly tally: Tally
  readonly failures: UploadDirectoryOutcome[]
  counted?: Counted | undefined
  last?: ProgressSnapshot
}

/** The bar's snapshot: this folder's progress on top of the folders before it, with the pre-counted totals. */
const snapshotOf = (run: RunState, before: Tally, p: BulkProgress): ProgressSnapshot => {
  const { counted } = run
  const bytesDone = before.bytes + p.bytesDone
  const elapsedMs = run.ctx.now() - run.started
  const etaMs =
    counted !== undefined && bytesDone > 0 ? ((counted.bytes - bytesDone) * elapsedMs) / bytesDone : p.etaMs
  return {
    done: before.uploaded + before.skipped + p.done,
    failed: before.failed + p.failed,
    inFlight: p.inFlight,
    bytesDone,
    elapsedMs,
    waitingForRateLimit: p.waitingForRateLimit,
    ...(counted === undefined ? {} : { filesTotal: counted.files, bytesTotal: counted.bytes }),
    ...(etaMs === undefined ? {} : { etaMs: Math.max(0, etaMs) }),
  }
}

/** Counts a settled file (an upload cancelled by Ctrl-C is not a failure) and prints its line off a terminal. */
const settle = (run: RunState, o: UploadDirectoryOutcome): void => {
  const { io } = run.ctx
  const { tally } = run
  if (o._tag === 'Failed' && io.signal?.aborted === true && o.error._tag === 'NetworkError') {
    tally.cancelled += 1
    return
  }
  if (o._tag === 'Failed') {
    tally.failed += 1
    run.failures.push(o)
  } else if (o.result._tag === 'AlreadyUploaded') tally.skipped += 1
  else {
    tally.uploaded += 1
    if (o.result._tag === 'UploadResult') tally.bytes += o.result.size ?? 0
  }
  if (io.stderr.isTTY !== true) say(io.stdout, itemLine(o))
}

/** Uploads every folder given to `--folder`; see the README for the output and the exit codes. */
export const uploadCommand = async (
  ctx: Context,
  dirs: readonly string[],
  flags: UploadFlags,
): Promise<number> => {
  const { io } = ctx
  const config = {
    privateKey: need(ctx.settings, 'privateKey', 'uploads are signed with it'),
    ...(ctx.settings.uploadBaseUrl === undefined ? {} : { uploadBaseUrl: ctx.settings.uploadBaseUrl }),
  }
  const started = ctx.now()
  const manifest = flags.resume === undefined ? defaultManifest(started) : path.resolve(flags.resume)
  const run: RunState = {
    ctx,
    started,
    tally: { uploaded: 0, skipped: 0, failed: 0, cancelled: 0, bytes: 0 },
    failures: [],
  }
  const counting = countFiles(dirs, io.signal).then((c) => (run.counted = c))
  const view = progressView(io.stderr, ctx.now)
  let aborted = false
  for (const dir of dirs) {
    const before = { ...run.tally, bytes: run.last?.bytesDone ?? 0 }
    const result = await uploadDirectory(config, dir, {
      folder: flags.folder,
      concurrency: flags.concurrency,
      manifest,
      keep: 'failed',
      uploadOptions: {
        useUniqueFileName: flags.uniqueNames === true,
        ...(flags.tags === undefined ? {} : { tags: flags.tags.split(',').filter((t) => t !== '') }),
      },
      onProgress: (p) => view.update((run.last = snapshotOf(run, before, p))),
      onItem: (o) => settle(run, o),
      ...(io.signal ? { signal: io.signal } : {}),
    })()
    if (result._tag === 'Left') {
      view.clear()
      return reportError(io, result.left)
    }
    warnManifest(ctx, result.right)
    if (result.right.aborted) {
      aborted = true
      break
    }
  }
  await counting
  const { tally, counted, last, failures } = run
  if (last !== undefined)
    view.end({
      ...last,
      // Files cancelled by Ctrl-C are not failures: the last frame counts what is really done or failed.
      done: tally.uploaded + tally.skipped,
      failed: tally.failed,
      inFlight: 0,
      ...(counted === undefined ? {} : { filesTotal: counted.files, bytesTotal: counted.bytes }),
    })
  return finish(ctx, {
    dirs,
    flags,
    manifest,
    own: flags.resume === undefined,
    tally,
    failures,
    aborted,
    started,
  })
}

const warnManifest = (ctx: Context, report: UploadDirectoryReport): void => {
  if (report.manifestError !== undefined)
    say(
      ctx.io.stderr,
      `warning: ${formatError(report.manifestError)} (those files would be sent again on resume)`,
    )
}

interface Ending {
  readonly dirs: readonly string[]
  readonly flags: UploadFlags
  readonly manifest: string
  readonly own: boolean
  readonly tally: Tally
  readonly failures: readonly UploadDirectoryOutcome[]
  readonly aborted: boolean
  readonly started: number
}

/** The summary, the failures, how to resume, and the exit code. */
const finish = async (ctx: Context, e: Ending): Promise<number> => {
  const { io } = ctx
  const { uploaded, skipped, failed, cancelled, bytes } = e.tally
  say(
    io.stdout,
    `uploaded ${uploaded} files (${formatBytes(bytes)}) in ${formatDuration(ctx.now() - e.started)}` +
      (skipped > 0 ? `, ${skipped} already uploaded` : '') +
      (cancelled > 0 ? `, ${cancelled} cancelled` : '') +
      (failed > 0 ? `, ${failed} failed:` : ''),
  )
  for (const f of e.failures)
    if (f._tag === 'Failed') say(io.stderr, `failed\t${f.ref.path}\t${formatError(f.error)}`)
  const resume = resumeLine(e.dirs, e.flags, e.manifest)
  if (e.aborted) {
    say(io.stderr, 'interrupted: the files not listed in the manifest were not uploaded.')
    say(io.stderr, `to resume: ${resume}`)
    return EXIT.interrupted
  }
  if (failed > 0) {
    say(io.stderr, `to retry the failed files: ${resume}`)
    return EXIT.failed
  }
  if (e.own) await rm(e.manifest, { force: true })
  return EXIT.ok
}
