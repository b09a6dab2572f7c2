import type { Abortable } from './Abortable'

/**
 * Input of getFileVersion, deleteFileVersion and restoreFileVersion.
 *
 * @since 0.1.0
 * @category model
 */
export interface FileVersionOptions extends Abortable {
  /** The file's id. */
  readonly fileId: string
  /** The version's id (`versionInfo.id` of a version). */
  readonly versionId: string
}
