// What the bulk helpers over a search share: the checks, the snapshot of the listing, the chunks, the run on the
// bulk engine (gate, concurrency, progress, abort) and the per-file report.
//
// The listing is read to the end BEFORE anything is acted on: `listAllFiles` pages by `skip`, and acting on the
// files (deleting them, changing the tags a query filters on) shifts the pages, so acting while listing would
// miss files. Each file is kept as `{ fileId, filePath, url }` only.
import type { either, taskEither } from 'fp-ts'
import { httpError, validationError } from '@imagekit-fp/utils'
import {
  BULK_OPTION_KEYS,
  abortOf,
  attempt,
  boolean,
  bulkOptions,
  createRateGate,
  fail,
  fields,
  gateFetch,
  isFunction,
  isObject,
  isRateLimited,
  isRecord,
  left,
  onlyKeys,
  optional,
  readProp,
  right,
  runBulk,
  tell,
  type BulkProgress,
  type Field,
  type RateGate,
} from '@imagekit-fp/internal'
import { listAllFiles } from '../listAllFiles'
import type { ListFilesOptions } from '../listFiles'
import type { MediaConfig, MediaError } from '../model/MediaConfig'
import type {
  MatchedFile,
  MatchingOptions,
  MatchingOutcome,
  MatchingProgress,
  MatchingReport,
} from '../model/Matching'
import { listQuery } from './listQuery'
import { clock } from './poll'
import { strings } from './validate'

/**
 * Files per tag call: ImageKit documents "a maximum of 50 files can be specified at a time" for addTags and
 * removeTags (the limit their input check enforces; written out there too, as a literal costs less than an import).
 */
export const TAG_CHUNK = 50
/** Files per bulkDeleteFiles call: ImageKit documents "a maximum of 100 files can be deleted at a time". */
export const DELETE_CHUNK = 100

/** What a bulk helper does to the files: `act` on up to `chunk` files per call, one Either per file, in order. */
export interface Action<A> {
  readonly chunk: number
  readonly act: (
    config: MediaConfig,
    files: readonly MatchedFile[],
    signal: AbortSignal,
  ) => Promise<either.Either<MediaError, readonly either.Either<MediaError, A>[]>>
}

const KEYS = [...BULK_OPTION_KEYS, 'dryRun']

/** `options`, checked (paths under `options`), with their defaults. */
const checkOptions = <A>(options: unknown) => {
  const given = options === undefined ? {} : options
  const field: Field<MatchingOptions<A>> = fields(given, 'options')
  onlyKeys(given as object, KEYS, 'options')
  return {
    ...bulkOptions<MatchingProgress, MatchingOutcome<A>>(field),
    dryRun: field('dryRun', optional(boolean)) === true,
  }
}

/** The query, checked (paths under `query`): a `listFiles` query whose `type` lists files. */
const checkQuery = (query: unknown): ListFilesOptions => {
  const checked = listQuery(fields<ListFilesOptions>(query, 'query'))
  if (checked.type === 'file-version')
    fail(
      'query.type',
      "must not be 'file-version': a bulk action applies to files, and a version's fileId is its file's",
    )
  return checked as ListFilesOptions
}

/** `config` with its fetch behind `gate`; a config that cannot be read as one is left for the transport to refuse. */
const gated = (config: MediaConfig, gate: RateGate, now: () => number): MediaConfig => {
  const own = isRecord(config) ? readProp(config, 'fetch') : undefined
  if (own === undefined || (own.value !== undefined && !isFunction(own.value))) return config
  const send = (own.value as typeof fetch | undefined) ?? ((input, init) => globalThis.fetch(input, init))
  try {
    return { ...config, fetch: gateFetch(gate, send, now) }
  } catch {
    return config
  }
}

/** Lists every file of `query` into `files`: `Right(true)` at the end, `Right(false)` when `signal` aborted. */
const snapshot = async (
  config: MediaConfig,
  query: ListFilesOptions,
  abort: AbortSignal | undefined,
  files: MatchedFile[],
): Promise<either.Either<MediaError, boolean>> => {
  const seen = new Set<string>()
  for await (const page of listAllFiles(config, abort === undefined ? query : { ...query, signal: abort })) {
    if (page._tag === 'Left') return abortOf(abort) ? right(false) : page
    for (const item of page.right) {
      // Folders are skipped; a file seen twice (the pages shifted under the walk) is kept once.
      if (item.type !== 'file' || seen.has(item.fileId)) continue
      seen.add(item.fileId)
      const { fileId, filePath, url } = item
      files.push({
        fileId,
        ...(typeof filePath === 'string' ? { filePath } : {}),
        ...(typeof url === 'string' ? { url } : {}),
      })
    }
  }
  return right(true)
}

/** A chunk of the listing: its files and the index of the first. */
interface Chunk {
  readonly start: number
  readonly files: readonly MatchedFile[]
}

type Checked<A> = ReturnType<typeof checkOptions<A>>

/** Acts on `files` in chunks of `action.chunk` on the bulk engine: every file once in the report. */
const actOn = async <A>(
  config: MediaConfig,
  files: readonly MatchedFile[],
  action: Action<A>,
  o: Checked<A>,
  gate: RateGate,
  now: () => number,
): Promise<MatchingReport<A>> => {
  const done: Extract<MatchingOutcome<A>, { _tag: 'Done' }>[] = []
  const failed: Extract<MatchingOutcome<A>, { _tag: 'Failed' }>[] = []
  let inFlight = 0
  let doneCount = 0
  const settle = (index: number, ref: MatchedFile, r: either.Either<MediaError, A>) => {
    const outcome: MatchingOutcome<A> =
      r._tag === 'Right'
        ? { _tag: 'Done', index, ref, result: r.right }
        : { _tag: 'Failed', index, ref, error: r.left }
    if (outcome._tag === 'Failed') failed.push(outcome)
    else {
      doneCount += 1
      if (o.keep === 'all') done.push(outcome)
    }
    tell(o.onItem, outcome)
  }
  const chunks = function* (): Generator<Chunk> {
    for (let start = 0; start < files.length; start += action.chunk)
      yield { start, files: files.slice(start, start + action.chunk) }
  }
  const work = async (chunk: Chunk, abort: AbortSignal) => {
    inFlight += chunk.files.length
    try {
      return await action.act(config, chunk.files, abort)
    } finally {
      inFlight -= chunk.files.length
    }
  }
  const report = await runBulk<Chunk, Chunk, readonly either.Either<MediaError, A>[], MediaError>(
    chunks(),
    work,
    {
      ref: (chunk) => chunk,
      concurrency: o.concurrency,
      gate,
      ...(o.signal === undefined ? {} : { signal: o.signal }),
      keep: 'failed',
      sizeOf: (chunk) => chunk.files.length,
      isRateLimited,
      maxRateLimitRounds: o.maxRateLimitRounds,
      now,
      onItem: (c) =>
        c.ref.files.forEach((file, i) =>
          settle(c.ref.start + i, file, c._tag === 'Done' ? c.result[i]! : left(c.error)),
        ),
      onProgress: (p: BulkProgress) =>
        tell<MatchingProgress>(o.onProgress, {
          matched: files.length,
          done: doneCount,
          failed: failed.length,
          inFlight,
          elapsedMs: p.elapsedMs,
          ...(p.etaMs === undefined ? {} : { etaMs: p.etaMs }),
          waitingForRateLimit: p.waitingForRateLimit,
        }),
    },
  )
  return { done, failed, total: doneCount + failed.length, aborted: report.aborted, matched: files.length }
}

/**
 * Runs a bulk helper: checks `query`, the action (`action`, which may `fail` at its own path) and `options`
 * before any I/O, lists every matching file, then (unless `dryRun`) acts on them in chunks on the bulk engine.
 */
export const runMatching =
  <A>(
    config: MediaConfig,
    query: unknown,
    options: unknown,
    action: () => Action<A>,
  ): taskEither.TaskEither<MediaError, MatchingReport<A>> =>
  async () => {
    const checked = attempt(
      () => ({ query: checkQuery(query), action: action(), options: checkOptions<A>(options) }),
      'options',
      validationError,
    )
    if (checked._tag === 'Left') return checked
    const { query: q, action: plan, options: o } = checked.right
    const now = clock(config)
    const gate = o.gate ?? createRateGate({ now })
    const cfg = gated(config, gate, now)
    const files: MatchedFile[] = []
    const listed = await snapshot(cfg, q, o.signal, files)
    if (listed._tag === 'Left') return listed
    const matched = files.length
    if (!listed.right) return right({ done: [], failed: [], total: 0, aborted: true, matched })
    if (o.dryRun) {
      const dryRun = { files, calls: Math.ceil(matched / plan.chunk) }
      return right({ done: [], failed: [], total: 0, aborted: false, matched, dryRun })
    }
    return right(await actOn(cfg, files, plan, o, gate, now))
  }

/** The API URL of `path` (for the per-file errors of a partial success, which come from a 2xx reply). */
const apiUrl = (config: MediaConfig, path: string): string => {
  const base = isRecord(config) ? readProp(config, 'apiBaseUrl')?.value : undefined
  return `${typeof base === 'string' ? base.replace(/\/+$/, '') : 'https://api.imagekit.io'}${path}`
}

/** The ids listed under `key` in a reply body (absent or malformed: none). */
const idsAt = (body: unknown, key: string): readonly unknown[] => {
  const ids = isObject(body) ? readProp(body, key)?.value : undefined
  return Array.isArray(ids) ? ids : []
}

/** What a call of a bulk endpoint replies: the ids done under its key, `errors` for the others. */
interface BulkReply {
  readonly partial: boolean
  readonly errors?: readonly unknown[]
}

/**
 * One call of a bulk endpoint (`addTags`, `removeTags`, `bulkDeleteFiles`) for a chunk, read per file: the
 * ids the reply lists under `key` are done (`result(reply)`), each other one failed with the reply's `errors`
 * entry for it (a 207). A 404 fails the files it lists in `missingFileIds` (the others it lists under `key`
 * are done) and sends the rest again; any other Left is the whole chunk's (a 429 is waited out by the engine).
 */
export const bulkChunk = async <B extends BulkReply, A>(
  config: MediaConfig,
  path: string,
  key: 'successfullyUpdatedFileIds' | 'successfullyDeletedFileIds',
  files: readonly MatchedFile[],
  call: (fileIds: string[]) => taskEither.TaskEither<MediaError, B>,
  result: (reply: B | undefined) => A,
): Promise<either.Either<MediaError, readonly either.Either<MediaError, A>[]>> => {
  const settled = new Map<string, either.Either<MediaError, A>>()
  for (let rest = files.map((f) => f.fileId); rest.length > 0; rest = rest.filter((id) => !settled.has(id))) {
    const reply = await call(rest)()
    if (reply._tag === 'Left') {
      const e = reply.left
      const missing = e._tag === 'HttpError' && e.status === 404 ? idsAt(e.body, 'missingFileIds') : []
      if (!rest.some((id) => missing.includes(id))) {
        // The whole chunk's error; a 429 is always the chunk's, so that the engine sends it all again.
        if (settled.size === 0 || isRateLimited(e)) return reply
        for (const id of rest) settled.set(id, reply)
      }
      const updated = idsAt(e._tag === 'HttpError' ? e.body : undefined, key)
      for (const id of rest)
        if (missing.includes(id)) settled.set(id, reply)
        else if (updated.includes(id)) settled.set(id, right(result(undefined)))
      continue
    }
    const body = reply.right
    const updated = idsAt(body, key)
    const status = body.partial ? 207 : 200
    for (const id of rest) {
      if (updated.includes(id)) {
        settled.set(id, right(result(body)))
        continue
      }
      const why = body.errors?.find((x) => isObject(x) && readProp(x, 'fileId')?.value === id)
      const said = isObject(why) ? readProp(why, 'error')?.value : undefined
      const message =
        typeof said === 'string' ? said : `ImageKit did not list this file in ${key} (status ${status})`
      settled.set(id, left(httpError({ status, message, body, url: apiUrl(config, path) })))
    }
  }
  return right(files.map((f) => settled.get(f.fileId)!))
}

/**
 * The action of `addTagsToMatching` and `removeTagsFromMatching`: `tags` checked (at `tags`), then `call`
 * (`addTags` or `removeTags`, at `path`) on up to {@link TAG_CHUNK} files at a time.
 */
export const tagsAction = (
  path: string,
  tags: unknown,
  call: (
    config: MediaConfig,
    input: {
      readonly fileIds: readonly string[]
      readonly tags: readonly string[]
      readonly signal: AbortSignal
    },
  ) => taskEither.TaskEither<MediaError, BulkReply>,
): Action<void> => {
  const checked = strings()(tags, 'tags')
  return {
    chunk: TAG_CHUNK,
    act: (config, files, signal) =>
      bulkChunk(
        config,
        path,
        'successfullyUpdatedFileIds',
        files,
        (fileIds) => call(config, { fileIds, tags: checked, signal }),
        () => undefined,
      ),
  }
}

/** An action of one call per file (`purgeCache`, `updateFileDetails`): its Left is the file's. */
export const perFile = <A>(
  call: (config: MediaConfig, file: MatchedFile, signal: AbortSignal) => taskEither.TaskEither<MediaError, A>,
): Action<A> => ({
  chunk: 1,
  act: async (config, files, signal) => {
    const r = await call(config, files[0]!, signal)()
    return r._tag === 'Left' ? r : right([r])
  },
})
