// The bulk engine: `concurrency` workers share one lazily read input and one rate-limit gate, and every item read
// settles exactly once, done or failed. Written once for uploadMany and the media bulk helpers.
import type { either } from 'fp-ts'
import { reading, type RateGate } from './gate'

/** Where a bulk call stands, passed to `onProgress` whenever it changes. */
export interface BulkProgress {
  readonly done: number
  readonly failed: number
  readonly inFlight: number
  readonly bytesDone: number
  /** Only when every item's size is known and the input is exhausted. */
  readonly bytesTotal?: number
  readonly elapsedMs: number
  /** Only when it can be estimated: by bytes when every size is known, else by items once the input is exhausted. */
  readonly etaMs?: number
  readonly waitingForRateLimit: boolean
}

/**
 * One item's end. `ref` is a small reference to the item (uploadMany: `{ fileName, folder? }`; media:
 * `{ fileId, filePath }`), never the item itself (an upload request holds the file's bytes).
 */
export type BulkOutcome<R, A, E> =
  | { readonly _tag: 'Done'; readonly index: number; readonly ref: R; readonly result: A }
  | { readonly _tag: 'Failed'; readonly index: number; readonly ref: R; readonly error: E }

/** Every item read appears once, in `done` or in `failed` (with `keep: 'failed'`, `done` stays empty). */
export interface BulkReport<R, A, E> {
  readonly done: readonly Extract<BulkOutcome<R, A, E>, { _tag: 'Done' }>[]
  readonly failed: readonly Extract<BulkOutcome<R, A, E>, { _tag: 'Failed' }>[]
  /** Items read from the input (an input that threw counts its error outcome as one more). */
  readonly total: number
  /** After an abort, items not yet read are not taken and not in the report. */
  readonly aborted: boolean
}

/** How `runBulk` runs: see each field. */
export interface BulkOptions<I, R, A, E> {
  readonly ref: (item: I) => R
  readonly concurrency: number
  readonly gate: RateGate
  readonly signal?: AbortSignal
  readonly onProgress?: (p: BulkProgress) => void
  /** Every item exactly once, as it settles. */
  readonly onItem?: (o: BulkOutcome<R, A, E>) => void
  /** `'failed'`: report.done stays empty (flat memory). Default `'all'`. */
  readonly keep?: 'all' | 'failed'
  readonly sizeOf?: (item: I) => number | undefined
  /** Such a failure re-queues the item after the gate reopens. */
  readonly isRateLimited: (e: E) => boolean
  /** Re-queues per item, default 20; then it fails with its last 429. */
  readonly maxRateLimitRounds?: number
  readonly now: () => number
  /**
   * The ref and error for something thrown instead of returned: by `ref` or `work` (with the item), or by the
   * input itself (no item; the outcome that ends the input). Default: the thrown value as the error, and the
   * item's ref (`undefined` when there is no item or `ref` threw).
   */
  readonly thrown?: (cause: unknown, item: I | undefined) => { readonly ref: R; readonly error: E }
}

type Done<R, A, E> = Extract<BulkOutcome<R, A, E>, { _tag: 'Done' }>
type Failed<R, A, E> = Extract<BulkOutcome<R, A, E>, { _tag: 'Failed' }>

/** One read of the input: an item, its end, or what it threw. */
type Pull<I> = { readonly item: I } | { readonly end: true } | { readonly threw: unknown }

/** Calls a user callback; what it throws is ignored (a progress display must not stop the work). */
export const tell = <T>(f: ((x: T) => void) | undefined, x: T) => {
  try {
    f?.(x)
  } catch {
    // ignored
  }
}

/** Reads an iterable, sync or async, one `next()` at a time; what it throws (or how it breaks) is a `threw`. */
const reader = <I>(items: Iterable<I> | AsyncIterable<I>) => {
  let it: Iterator<I> | AsyncIterator<I> | undefined
  let finished = false
  let queue: Promise<unknown> = Promise.resolve()
  const next = async (): Promise<Pull<I>> => {
    if (finished) return { end: true }
    try {
      if (it === undefined) {
        const asyncOpen = (items as AsyncIterable<I>)[Symbol.asyncIterator]
        it =
          typeof asyncOpen === 'function' ? asyncOpen.call(items) : (items as Iterable<I>)[Symbol.iterator]()
      }
      const r = await it.next()
      if (r.done) {
        finished = true
        return { end: true }
      }
      return { item: r.value }
    } catch (e) {
      finished = true
      return { threw: e }
    }
  }
  return {
    /** The next pull; pulls run one after another (an async generator must not be asked twice at once). */
    pull: (): Promise<Pull<I>> => {
      const p = queue.then(next)
      queue = p
      return p
    },
    /** Lets the input clean up (a generator's `finally`) when the work stops before its end. */
    close: async () => {
      await queue
      if (finished || it === undefined) return
      finished = true
      try {
        await it.return?.()
      } catch {
        // ignored: the input is given up
      }
    },
    get exhausted() {
      return finished
    },
  }
}

/** The running counts of one call, and the progress report built from them. */
const tally = <I, R, A, E>(options: BulkOptions<I, R, A, E>, input: { readonly exhausted: boolean }) => {
  const keepDone = options.keep !== 'failed'
  const start = options.now()
  const done: Done<R, A, E>[] = []
  const failed: Failed<R, A, E>[] = []
  const t = {
    total: 0,
    done: 0,
    failed: 0,
    inFlight: 0,
    waiting: 0,
    bytesDone: 0,
    bytesSettled: 0,
    bytesRead: 0,
  }
  let allSized = true

  const progress = () => {
    if (options.onProgress === undefined) return
    const elapsedMs = Math.max(0, options.now() - start)
    const settled = t.done + t.failed
    const bytesTotal = allSized && input.exhausted ? t.bytesRead : undefined
    let etaMs: number | undefined
    if (bytesTotal !== undefined && t.bytesSettled > 0)
      etaMs = Math.round((elapsedMs * (bytesTotal - t.bytesSettled)) / t.bytesSettled)
    else if (input.exhausted && settled > 0) etaMs = Math.round((elapsedMs * (t.total - settled)) / settled)
    tell(options.onProgress, {
      done: t.done,
      failed: t.failed,
      inFlight: t.inFlight,
      bytesDone: t.bytesDone,
      ...(bytesTotal === undefined ? {} : { bytesTotal }),
      elapsedMs,
      ...(etaMs === undefined ? {} : { etaMs }),
      waitingForRateLimit: t.waiting > 0,
    })
  }

  /** The item's size in bytes, counted into the total; 0 (and no byte total) when unknown. */
  const size = (item: I): number => {
    let n: number | undefined
    try {
      n = options.sizeOf?.(item)
    } catch {
      n = undefined
    }
    if (typeof n === 'number' && Number.isFinite(n) && n >= 0) {
      t.bytesRead += n
      return n
    }
    allSized = false
    return 0
  }

  const settle = (o: BulkOutcome<R, A, E>, bytes: number) => {
    t.bytesSettled += bytes
    if (o._tag === 'Done') {
      t.done++
      t.bytesDone += bytes
      if (keepDone) done.push(o)
    } else {
      t.failed++
      failed.push(o)
    }
    tell(options.onItem, o)
  }

  return { t, done, failed, progress, size, settle }
}

/** What was thrown, as an outcome's ref and error (see `BulkOptions.thrown`). */
const thrownBy =
  <I, R, A, E>(options: BulkOptions<I, R, A, E>) =>
  (cause: unknown, item: I | undefined): { readonly ref: R; readonly error: E } => {
    if (options.thrown !== undefined)
      try {
        return options.thrown(cause, item)
      } catch {
        // fall back to the default
      }
    let ref: R | undefined
    if (item !== undefined)
      try {
        ref = options.ref(item)
      } catch {
        ref = undefined
      }
    return { ref: ref as R, error: cause as E }
  }

/** Waits for the gate; `false` when `signal` aborts first. `onWait` hears of a wait that is not immediate. */
const whenOpen = async (gate: RateGate, signal: AbortSignal, onWait: (waiting: boolean) => void) => {
  let resolved = false
  let p: Promise<boolean>
  try {
    p = Promise.resolve(gate.whenOpen(signal))
  } catch {
    p = Promise.resolve(!signal.aborted)
  }
  const open = p.then(
    (ok) => {
      resolved = true
      return ok === true
    },
    () => {
      resolved = true
      return !signal.aborted
    },
  )
  await Promise.resolve()
  if (resolved) return open
  onWait(true)
  const ok = await open
  onWait(false)
  return ok
}

/** One call's state: the counts, the input, the gate and the abort, shared by its workers. */
const bulk = <I, R, A, E>(
  items: Iterable<I> | AsyncIterable<I>,
  work: (item: I, signal: AbortSignal) => Promise<either.Either<E, A>>,
  options: BulkOptions<I, R, A, E>,
  stopped: AbortSignal,
  child: () => AbortSignal,
) => {
  const rounds = options.maxRateLimitRounds ?? 20
  const input = reader(items)
  const { t, done, failed, progress, size, settle } = tally(options, input)
  const thrown = thrownBy(options)
  const open = (signal: AbortSignal) =>
    whenOpen(options.gate, signal, (waiting) => {
      t.waiting += waiting ? 1 : -1
      progress()
    })
  const again = (e: E, round: number) => {
    try {
      return round < rounds && !stopped.aborted && options.isRateLimited(e)
    } catch {
      return false
    }
  }

  /** Runs one item to its outcome, again after the gate reopens while it fails with a 429. */
  const run = async (item: I, index: number, signal: AbortSignal): Promise<BulkOutcome<R, A, E>> => {
    let ref: R
    try {
      ref = options.ref(item)
    } catch (e) {
      return { _tag: 'Failed', index, ...thrown(e, item) }
    }
    for (let round = 0; ; round++) {
      let r: either.Either<E, A>
      try {
        r = await work(item, signal)
        if (r?._tag !== 'Left' && r?._tag !== 'Right') throw new TypeError('work returned no Either')
      } catch (e) {
        return { _tag: 'Failed', index, ref, error: thrown(e, item).error }
      }
      if (r._tag === 'Right') return { _tag: 'Done', index, ref, result: r.right }
      if (!again(r.left, round) || !(await open(signal))) return { _tag: 'Failed', index, ref, error: r.left }
    }
  }

  let sawEnd = false
  // Each worker has its own signal (aborted with the call's): a user's signal, or one shared by 64 workers, would
  // collect a listener per request in flight and make Node warn of a leak past 10.
  const worker = async () => {
    const signal = child()
    for (;;) {
      if (stopped.aborted || !(await open(signal))) return
      const p = await input.pull()
      if ('end' in p) {
        if (!sawEnd) progress()
        sawEnd = true
        return
      }
      const index = t.total++
      if ('threw' in p) {
        const e = thrown(p.threw, undefined)
        settle({ _tag: 'Failed', index, ref: e.ref, error: e.error }, 0)
        progress()
        return
      }
      const bytes = size(p.item)
      t.inFlight++
      progress()
      const outcome = await run(p.item, index, signal)
      t.inFlight--
      settle(outcome, bytes)
      progress()
    }
  }
  return { worker, input, progress, report: () => ({ done, failed, total: t.total }) }
}

/**
 * Runs `work` over every item of `items` with at most `options.concurrency` at once, reading the input only as
 * workers free up, each worker waiting while `options.gate` is closed. A failure that `isRateLimited` says is a
 * 429 runs again once the gate reopens (up to `maxRateLimitRounds` times). After `options.signal` aborts, nothing
 * more is read and the work in flight gets an aborted signal.
 * Never rejects: a throwing `work` or a throwing/rejecting iterator becomes a Failed outcome / ends the input with
 * an error outcome.
 */
export const runBulk = async <I, R, A, E>(
  items: Iterable<I> | AsyncIterable<I>,
  work: (item: I, signal: AbortSignal) => Promise<either.Either<E, A>>,
  options: BulkOptions<I, R, A, E>,
): Promise<BulkReport<R, A, E>> => {
  // A clock that throws mid-run must not lose the report: it reads as Date.now().
  options = { ...options, now: reading(options.now) }
  const { signal } = options
  const controller = new AbortController()
  const workers: AbortController[] = []
  const abort = () => [controller, ...workers].forEach((c) => c.abort(signal?.reason))
  const child = () => {
    const c = new AbortController()
    if (controller.signal.aborted) c.abort(controller.signal.reason)
    workers.push(c)
    return c.signal
  }
  if (signal?.aborted) abort()
  else signal?.addEventListener('abort', abort, { once: true })
  const b = bulk(items, work, options, controller.signal, child)
  b.progress()
  const count = Math.max(1, Math.floor(options.concurrency) || 1)
  await Promise.all(Array.from({ length: count }, b.worker))
  signal?.removeEventListener('abort', abort)
  await b.input.close()
  b.progress()
  return { ...b.report(), aborted: controller.signal.aborted }
}
