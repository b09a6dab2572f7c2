// The options every bulk call takes (uploadMany, uploadDirectory, the media helpers over a search), checked one way,
// with their defaults. Each call adds its own options beside them.
import { integer, oneOf, optional, signal, type Check, type Field } from '../check'
import { need } from '../fail'
import { isFunction, isObject, readProp } from '../prop'
import type { RateGate } from './gate'

/** The names of the shared bulk options (for a call's list of known option keys). */
export const BULK_OPTION_KEYS = [
  'concurrency',
  'gate',
  'signal',
  'onProgress',
  'onItem',
  'keep',
  'maxRateLimitRounds',
] as const

/** A function (a callback or hook of the options), or a fault at `path`. */
export const callback: Check<(...args: never[]) => unknown> = (u, path) => {
  need(isFunction(u), path, 'must be a function')
  return u as (...args: never[]) => unknown
}

/** A {@link RateGate} (an object with `whenOpen` and `closeUntil` functions), or a fault at `path`. */
export const rateGate: Check<RateGate> = (u, path) => {
  need(
    isObject(u) && isFunction(readProp(u, 'whenOpen')?.value) && isFunction(readProp(u, 'closeUntil')?.value),
    path,
    'must be a RateGate (from createRateGate)',
  )
  return u as RateGate
}

/** A final reply of 429: ImageKit did not act on the call, so the engine may send it again once the gate reopens. */
export const isRateLimited = (e: { readonly _tag: string; readonly status?: number }): boolean =>
  e._tag === 'HttpError' && e.status === 429

/** The shared bulk options once checked; `gate` stays absent when not given (the call makes one on its clock). */
export interface CheckedBulkOptions<P, O> {
  readonly concurrency: number
  readonly gate: RateGate | undefined
  readonly signal: AbortSignal | undefined
  readonly onProgress: ((p: P) => void) | undefined
  readonly onItem: ((o: O) => void) | undefined
  readonly keep: 'all' | 'failed'
  readonly maxRateLimitRounds: number
}

/** Reads and checks the shared bulk options through `field` (paths under the options' root). */
export const bulkOptions = <P, O>(field: Field): CheckedBulkOptions<P, O> => ({
  concurrency: field('concurrency', optional(integer(1, 64))) ?? 4,
  gate: field('gate', optional(rateGate)),
  signal: field('signal', optional(signal)),
  onProgress: field('onProgress', optional(callback)) as ((p: P) => void) | undefined,
  onItem: field('onItem', optional(callback)) as ((o: O) => void) | undefined,
  keep: field('keep', optional(oneOf(['all', 'failed'] as const))) ?? 'all',
  maxRateLimitRounds: field('maxRateLimitRounds', optional(integer(0, 100))) ?? 20,
})

/**
 * The options every bulk call takes (`uploadMany`, `uploadDirectory`, the media helpers over a search); each call
 * adds its own. Every one is checked before anything is read or sent.
 */
export interface BulkCallOptions<P, O> {
  /**
   * How many items (uploads, or calls) run at once, 1 to 64.
   * @default 4
   */
  readonly concurrency?: number
  /**
   * The rate-limit gate: a 429 closes it for every worker until ImageKit's window reopens. Pass one gate
   * (`createRateGate` from `@imagekit-fp/utils`) to several bulk calls to make them wait together.
   * @default a new gate for this call
   */
  readonly gate?: RateGate
  /** Stops reading new items and cancels those in flight; the report then says `aborted: true`. */
  readonly signal?: AbortSignal
  /** Told where the call stands whenever that changes (counts, bytes, an ETA when it can be estimated); its errors are ignored. */
  readonly onProgress?: (progress: P) => void
  /** Told of every item exactly once, as it settles; its errors are ignored. */
  readonly onItem?: (outcome: O) => void
  /**
   * `'failed'` keeps only failures in the report (`done` stays empty; `onItem` still hears every item): flat
   * memory for any number of items.
   * @default 'all'
   */
  readonly keep?: 'all' | 'failed'
  /**
   * How often one item may be sent again after a final 429, each time once the gate reopens, 0 to 100; then it
   * fails with its last 429.
   * @default 20
   */
  readonly maxRateLimitRounds?: number
}
