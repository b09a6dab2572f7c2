import type { taskEither } from 'fp-ts'
import { openAsBlob } from 'node:fs'
import { stat } from 'node:fs/promises'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { left, right } from '@imagekit-fp/internal'
import { codeOf } from './internal/codeOf'

/**
 * Opens a file on disk as a `Blob` whose bytes stay on disk until they are sent (`fs.openAsBlob`): a 1 GiB
 * file costs no 1 GiB of memory. Node only (`@imagekit-fp/upload/node`).
 *
 * The file must not change before the upload has read it (reading a changed file fails the upload with a
 * `NetworkError`).
 *
 * @param path - path of a regular file.
 * @returns a TaskEither of the Blob, or a `ValidationError` at `path` when it is not a readable regular file.
 * @example
 * import { fileFromPath } from '@imagekit-fp/upload/node'
 *
 * const file = await fileFromPath('./photo.jpg')()
 * if (file._tag === 'Right') console.log(file.right.size)
 * @since 0.1.0
 * @category upload
 */
export const fileFromPath =
  (path: string): taskEither.TaskEither<ValidationError, Blob> =>
  async () => {
    if (typeof path !== 'string' || path === '')
      return left(validationError('path', 'must be a non-empty string'))
    try {
      const info = await stat(path)
      if (!info.isFile()) return left(validationError('path', 'is not a regular file'))
      return right(await openAsBlob(path))
    } catch (e) {
      return left(validationError('path', `cannot be opened (${codeOf(e)})`))
    }
  }
