/**
 * Input of getFileVersion, deleteFileVersion and restoreFileVersion.
 *
 * @since 0.1.0
 * @category model
 */
export interface FileVersionOptions {
  /** The file's id. */
  readonly fileId: string
  /** The version's id (`versionInfo.id` of a version). */
  readonly versionId: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}
