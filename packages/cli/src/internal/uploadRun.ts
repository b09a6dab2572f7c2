// The state of one `upload` run across its sources (loose files through uploadMany, then each folder through
// uploadDirectory): counts, the bar's snapshot, one line per file off a terminal, and the ending.
import { rm } from 'node:fs/promises'
import type { UploadError, UploadManyProgress } from '@imagekit-fp/upload'
import { formatError } from '@imagekit-fp/utils'
import type { Context } from './context'
import type { Counted } from './count'
import { EXIT, say } from './io'
import { formatBytes, formatDuration, type ProgressSnapshot } from './progress'

/** What the run did so far; `bytes`: of the files uploaded. */
export interface Tally {
  uploaded: number
  skipped: number
  failed: number
  /** In flight when Ctrl-C came: cancelled, not failed (a resume sends them). */
  cancelled: number
  bytes: number
}

/** One settled file, whichever function uploaded it. */
export type Settled = { readonly path: string; readonly target: string } & (
  | { readonly kind: 'uploaded'; readonly size?: number | undefined }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'failed'; readonly error: UploadError }
)

/** The state of one run, shared by the listeners of its sources. */
export interface RunState {
  readonly ctx: Context
  readonly started: number
  readonly tally: Tally
  readonly failures: Extract<Settled, { kind: 'failed' }>[]
  counted?: Counted | undefined
  last?: ProgressSnapshot
}

/** A fresh run. */
export const newRun = (ctx: Context): RunState => ({
  ctx,
  started: ctx.now(),
  tally: { uploaded: 0, skipped: 0, failed: 0, cancelled: 0, bytes: 0 },
  failures: [],
})

/** The tally before a source starts (its progress counts from zero), with the bytes the bar has shown. */
export const mark = (run: RunState): Tally => ({ ...run.tally, bytes: run.last?.bytesDone ?? 0 })

/** The bar's snapshot: this source's progress on top of the sources before it, with the pre-counted totals. */
export const snapshotOf = (run: RunState, before: Tally, p: UploadManyProgress): ProgressSnapshot => {
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

/** The last frame: files cancelled by Ctrl-C are not failures, so it counts what is really done or failed. */
export const lastFrame = (run: RunState): ProgressSnapshot | undefined => {
  const { tally, counted, last } = run
  return last === undefined
    ? undefined
    : {
        ...last,
        done: tally.uploaded + tally.skipped,
        failed: tally.failed,
        inFlight: 0,
        ...(counted === undefined ? {} : { filesTotal: counted.files, bytesTotal: counted.bytes }),
      }
}

const lineOf = (s: Settled): string =>
  s.kind === 'failed'
    ? `failed\t${s.path}\t${formatError(s.error)}`
    : s.kind === 'skipped'
      ? `skipped\t${s.path}\t(already uploaded)`
      : `uploaded\t${s.path}\t${s.target}`

/** Counts a settled file (an upload cancelled by Ctrl-C is not a failure) and prints its line off a terminal. */
export const settle = (run: RunState, s: Settled): void => {
  const { io } = run.ctx
  const { tally } = run
  if (s.kind === 'failed' && io.signal?.aborted === true && s.error._tag === 'NetworkError') {
    tally.cancelled += 1
    return
  }
  if (s.kind === 'failed') {
    tally.failed += 1
    run.failures.push(s)
  } else if (s.kind === 'skipped') tally.skipped += 1
  else {
    tally.uploaded += 1
    tally.bytes += s.size ?? 0
  }
  if (io.stderr.isTTY !== true) say(io.stdout, lineOf(s))
}

/** `arg` quoted for a POSIX shell when it needs it (for the resume line people copy). */
const shellQuote = (arg: string): string =>
  /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`

/** How the run ends. */
export interface Ending {
  /** The arguments to run again, `--resume <manifest>` included. */
  readonly again: readonly string[]
  readonly manifest: string
  /** The manifest is the run's default one: removed when there is nothing left to resume. */
  readonly own: boolean
  readonly aborted: boolean
}

/** The summary, the failures, how to resume, and the exit code. */
export const finish = async (run: RunState, e: Ending): Promise<number> => {
  const { io } = run.ctx
  const { uploaded, skipped, failed, cancelled, bytes } = run.tally
  say(
    io.stdout,
    `uploaded ${uploaded} files (${formatBytes(bytes)}) in ${formatDuration(run.ctx.now() - run.started)}` +
      (skipped > 0 ? `, ${skipped} already uploaded` : '') +
      (cancelled > 0 ? `, ${cancelled} cancelled` : '') +
      (failed > 0 ? `, ${failed} failed:` : ''),
  )
  for (const f of run.failures) say(io.stderr, lineOf(f))
  const resume = ['imagekit-fp', 'upload', ...e.again].map(shellQuote).join(' ')
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
