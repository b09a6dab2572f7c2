/**
 * How long and how often a `waitFor…` function polls.
 *
 * @since 0.1.0
 * @category model
 */
export interface WaitOptions {
  /**
   * Total time to wait, in milliseconds; past it the result is `NetworkError` `Timeout`.
   * @default 300000
   */
  readonly timeout?: number
  /**
   * First wait between two polls, in milliseconds; each later wait doubles, up to `maxInterval`.
   * @default 1000
   */
  readonly interval?: number
  /**
   * Longest wait between two polls, in milliseconds.
   * @default 10000
   */
  readonly maxInterval?: number
  /** Aborting it ends the wait (and any request in flight) with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}
