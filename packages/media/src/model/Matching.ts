import type { BulkCallOptions, BulkOutcome, BulkReport } from '@imagekit-fp/internal'
import type { ListFilesOptions } from '../listFiles'
import type { MediaError } from './MediaConfig'

/**
 * A file a search matched, as the bulk helpers (`addTagsToMatching`, …) keep it: its id, path and URL only
 * (the whole listing is held while the helper acts: about 400 bytes per file, some 400 MB for a million).
 *
 * @since 0.2.0
 * @category model
 */
export interface MatchedFile {
  readonly fileId: string
  /** As listed (absent when the listing did not say). */
  readonly filePath?: string
  /** As listed (absent when the listing did not say). */
  readonly url?: string
}

/**
 * The search of a bulk helper: a `listFiles` query (`limit` is the page size of the listing). Only files are
 * acted on: folders in the listing are skipped, and `type: 'file-version'` is refused (a version's `fileId`
 * is its file's).
 *
 * @since 0.2.0
 * @category model
 */
export type MatchingQuery = Omit<ListFilesOptions, 'signal'>

/**
 * What `onProgress` hears while a bulk helper acts, counted in files.
 *
 * @since 0.2.0
 * @category model
 */
export interface MatchingProgress {
  /** Files the search matched. */
  readonly matched: number
  readonly done: number
  readonly failed: number
  /** Files in calls sent and not yet answered. */
  readonly inFlight: number
  readonly elapsedMs: number
  /** Time left, once it can be estimated. */
  readonly etaMs?: number
  /** `true` while a worker waits for a rate-limit window to reopen. */
  readonly waitingForRateLimit: boolean
}

/**
 * One file's outcome: `Done` with the result of its call, or `Failed` with the error. `index` is the file's
 * place in the listing.
 *
 * @since 0.2.0
 * @category model
 */
export type MatchingOutcome<A> = BulkOutcome<MatchedFile, A, MediaError>

/**
 * Options of every bulk helper over a search.
 *
 * @since 0.2.0
 * @category model
 */
export interface MatchingOptions<A> extends BulkCallOptions<MatchingProgress, MatchingOutcome<A>> {
  /**
   * `true` lists the matching files and sends no change: the report's `dryRun` says what would be acted on.
   * @default false
   */
  readonly dryRun?: boolean
}

/**
 * The report of a bulk helper: every file taken appears exactly once, in `done` or in `failed`.
 *
 * @since 0.2.0
 * @category model
 */
export interface MatchingReport<A> extends BulkReport<MatchedFile, A, MediaError> {
  /** Files the search matched (after an abort during the listing: those listed so far). */
  readonly matched: number
  /** With `dryRun: true`: the files that would be acted on and how many calls it would take; nothing was sent. */
  readonly dryRun?: { readonly files: readonly MatchedFile[]; readonly calls: number }
}
