/**
 * The `signal` every media operation's input takes.
 *
 * @example
 * import { getFileDetails } from '@imagekit-fp/media'
 *
 * const controller = new AbortController()
 * const call = getFileDetails({ privateKey: 'private_xxx' }, { fileId: 'f1', signal: controller.signal })
 * controller.abort() // call() resolves to a Left NetworkError with reason 'Aborted'
 * @since 0.1.0
 * @category model
 */
export interface Abortable {
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}
