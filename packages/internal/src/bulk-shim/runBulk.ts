// TEMPORARY SHIM (not committed).
import type { either } from 'fp-ts'
import type { RateGate } from './gate'
export interface BulkProgress {
  readonly done: number
  readonly failed: number
  readonly inFlight: number
  readonly bytesDone: number
  readonly bytesTotal?: number
  readonly elapsedMs: number
  readonly etaMs?: number
  readonly waitingForRateLimit: boolean
}
export type BulkOutcome<R, A, E> =
  | { readonly _tag: 'Done'; readonly index: number; readonly ref: R; readonly result: A }
  | { readonly _tag: 'Failed'; readonly index: number; readonly ref: R; readonly error: E }
export interface BulkReport<R, A, E> {
  readonly done: ReadonlyArray<Extract<BulkOutcome<R, A, E>, { _tag: 'Done' }>>
  readonly failed: ReadonlyArray<Extract<BulkOutcome<R, A, E>, { _tag: 'Failed' }>>
  readonly total: number
  readonly aborted: boolean
}
export interface BulkOptions<I, R, A, E> {
  readonly ref: (item: I) => R
  readonly concurrency: number
  readonly gate: RateGate
  readonly signal?: AbortSignal
  readonly onProgress?: (p: BulkProgress) => void
  readonly onItem?: (o: BulkOutcome<R, A, E>) => void
  readonly keep?: 'all' | 'failed'
  readonly sizeOf?: (item: I) => number | undefined
  readonly isRateLimited: (e: E) => boolean
  readonly maxRateLimitRounds?: number
  readonly now: () => number
}
export const runBulk = async <I, R, A, E>(
  items: Iterable<I> | AsyncIterable<I>,
  work: (item: I, signal: AbortSignal) => Promise<either.Either<E, A>>,
  o: BulkOptions<I, R, A, E>,
): Promise<BulkReport<R, A, E>> => {
  const start = o.now()
  const done: Extract<BulkOutcome<R, A, E>, { _tag: 'Done' }>[] = []
  const failed: Extract<BulkOutcome<R, A, E>, { _tag: 'Failed' }>[] = []
  let total = 0
  let inFlight = 0
  let bytesDone = 0
  let waiting = false
  const ctl = new AbortController()
  o.signal?.addEventListener('abort', () => ctl.abort(o.signal?.reason))
  const it =
    Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : (items as Iterable<I>)[Symbol.iterator]()
  const progress = () =>
    o.onProgress?.({
      done: done.length,
      failed: failed.length,
      inFlight,
      bytesDone,
      elapsedMs: o.now() - start,
      waitingForRateLimit: waiting,
    })
  const worker = async () => {
    for (;;) {
      if (ctl.signal.aborted) return
      const next = await it.next()
      if (next.done) return
      const index = total++
      const item = next.value
      const ref = o.ref(item)
      for (let round = 0; ; round++) {
        waiting = true
        const open = await o.gate.whenOpen(ctl.signal)
        waiting = false
        let r: either.Either<E, A>
        if (!open) r = await work(item, ctl.signal)
        else {
          inFlight++
          r = await work(item, ctl.signal)
          inFlight--
        }
        if (
          r._tag === 'Left' &&
          o.isRateLimited(r.left) &&
          round < (o.maxRateLimitRounds ?? 20) &&
          !ctl.signal.aborted
        )
          continue
        const out: BulkOutcome<R, A, E> =
          r._tag === 'Right'
            ? { _tag: 'Done', index, ref, result: r.right }
            : { _tag: 'Failed', index, ref, error: r.left }
        if (out._tag === 'Done') {
          if (o.keep !== 'failed') done.push(out)
        } else failed.push(out)
        bytesDone += o.sizeOf?.(item) ?? 0
        o.onItem?.(out)
        progress()
        break
      }
    }
  }
  await Promise.all(Array.from({ length: o.concurrency }, worker))
  return { done, failed, total, aborted: ctl.signal.aborted }
}
