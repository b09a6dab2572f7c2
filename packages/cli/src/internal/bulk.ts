// `imagekit-fp tag|untag|rm|purge … [folder] [--search <query>] [--yes]`: one operation over every file a search
// matches, through the media bulk helpers. A dry run (the default) lists what would be acted on and changes
// nothing; `--yes` does it.
import type { taskEither } from 'fp-ts'
import {
  addTagsToMatching,
  deleteMatching,
  purgeMatching,
  removeTagsFromMatching,
  type MatchedFile,
  type MatchingOptions,
  type MatchingOutcome,
  type MatchingProgress,
  type MatchingQuery,
  type MatchingReport,
} from '@imagekit-fp/media/bulk'
import type { MediaConfig, MediaError } from '@imagekit-fp/media'
import { formatError } from '@imagekit-fp/utils'
import { reportError, type Context } from './context'
import { EXIT, say } from './io'
import { listQuery, mediaConfig } from './ls'
import { progressView, type ProgressSnapshot } from './progress'
import { UsageError } from './settings'

/** The four operations: how each is called and how messages name it. */
type Act = (
  config: MediaConfig,
  query: MatchingQuery,
  tags: readonly string[],
  options: MatchingOptions<unknown>,
) => taskEither.TaskEither<MediaError, MatchingReport<unknown>>

const ACTIONS: Record<'tag' | 'untag' | 'rm' | 'purge', { doing: string; done: string; act: Act }> = {
  tag: { doing: 'tag', done: 'tagged', act: addTagsToMatching },
  untag: { doing: 'untag', done: 'untagged', act: removeTagsFromMatching },
  rm: { doing: 'delete', done: 'deleted', act: (c, q, _, o) => deleteMatching(c, q, o) },
  purge: { doing: 'purge', done: 'purged', act: (c, q, _, o) => purgeMatching(c, q, o) },
}

/** Names of the bulk commands. */
export type BulkKind = keyof typeof ACTIONS

/** Options of the bulk commands, as commander parses them. */
export interface BulkFlags {
  readonly search?: string
  readonly yes?: boolean
  readonly concurrency: number
}

const pathOf = (f: MatchedFile): string => f.filePath ?? f.fileId

/** The bar's view of the helpers' progress (counted in files). */
const snapshot = (p: MatchingProgress): ProgressSnapshot => ({
  done: p.done,
  failed: p.failed,
  inFlight: p.inFlight,
  elapsedMs: p.elapsedMs,
  waitingForRateLimit: p.waitingForRateLimit,
  filesTotal: p.matched,
  ...(p.etaMs === undefined ? {} : { etaMs: p.etaMs }),
})

/** Runs one bulk command; tags are comma-separated (`tag sale,new /products`). */
export const bulkCommand = async (
  ctx: Context,
  kind: BulkKind,
  tags: readonly string[],
  folder: string | undefined,
  flags: BulkFlags,
): Promise<number> => {
  if (folder === undefined && flags.search === undefined)
    throw new UsageError(
      'give a folder or --search (a bulk command never acts on every file of the account unasked)',
    )
  const { io } = ctx
  const { doing, done, act } = ACTIONS[kind]
  const view = progressView(io.stderr, ctx.now)
  let last: ProgressSnapshot | undefined
  // Plain lines when stderr is not a terminal (a log, a pipe); on a terminal, the bar.
  const onItem = (o: MatchingOutcome<unknown>) => {
    if (io.stderr.isTTY === true) return
    say(
      io.stdout,
      o._tag === 'Done' ? `${done}\t${pathOf(o.ref)}` : `failed\t${pathOf(o.ref)}\t${formatError(o.error)}`,
    )
  }
  const options: MatchingOptions<unknown> = {
    concurrency: flags.concurrency,
    dryRun: flags.yes !== true,
    keep: 'failed',
    onProgress: (p) => view.update((last = snapshot(p))),
    onItem,
    ...(io.signal ? { signal: io.signal } : {}),
  }
  const result = await act(mediaConfig(ctx.settings), listQuery(folder, flags.search), tags, options)()
  if (result._tag === 'Left') return reportError(io, result.left)
  const report = result.right
  if (report.dryRun !== undefined) {
    for (const f of report.dryRun.files) say(io.stdout, `would ${doing}\t${pathOf(f)}`)
    say(
      io.stdout,
      `dry run: ${report.dryRun.files.length} files match, nothing was changed; run again with --yes to ${doing} them`,
    )
    return EXIT.ok
  }
  if (last !== undefined) view.end(last)
  const failed = report.failed.length
  say(
    io.stdout,
    `${done} ${report.total - failed} of ${report.matched} files${failed > 0 ? `, ${failed} failed:` : ''}`,
  )
  for (const f of report.failed) say(io.stderr, `failed\t${pathOf(f.ref)}\t${formatError(f.error)}`)
  if (report.aborted) {
    say(io.stderr, `interrupted: ${report.matched - report.total} files not started`)
    return EXIT.interrupted
  }
  return failed > 0 ? EXIT.failed : EXIT.ok
}
