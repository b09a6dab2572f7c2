import type { taskEither } from 'fp-ts'
import { validationError } from '@imagekit-fp/utils'
import { fileFromPath } from './fileFromPath'
import { isObject, left, readProp } from '@imagekit-fp/internal'
import type { ClientUploadRequest, ServerUploadRequest, UploadRequest } from './model/UploadRequest'
import type { UploadAccepted } from './model/UploadAccepted'
import type { UploadResult } from './model/UploadResult'
import { nodeFetch } from './nodeFetch'
import { upload, type NoExtraKeys, type UploadConfig, type UploadError } from './upload'

/**
 * The input of {@link uploadFromPath}: an upload request whose file is a path on disk.
 *
 * @since 0.1.0
 * @category model
 */
export type UploadFromPathRequest = FromPath<ServerUploadRequest> | FromPath<ClientUploadRequest>

/** An upload request `R` whose file is a path on disk. */
type FromPath<R> = Omit<R, 'file'> & {
  /** Path of the file to upload; streamed from disk. */
  readonly path: string
}

/**
 * The request type {@link uploadFromPath} with config `C` accepts: `UploadRequestFor` with `path` instead of
 * `file` (server-side with a `privateKey` in `C`, client-side without one, either when `C` leaves it open).
 *
 * @since 0.1.0
 * @category model
 */
export type UploadFromPathRequestFor<C> = C extends { readonly privateKey: string }
  ? FromPath<ServerUploadRequest>
  : 'privateKey' extends keyof C
    ? UploadFromPathRequest
    : FromPath<ClientUploadRequest>

/**
 * Uploads a file from disk, streamed (Node only): {@link fileFromPath}, then `upload` with {@link nodeFetch}
 * unless `config.fetch` is set.
 *
 * @param config - as for `upload`.
 * @param request - as for `upload`, with `path` instead of `file`; typed by the config as `upload`'s is
 *   ({@link UploadFromPathRequestFor}).
 * @returns a TaskEither that never rejects: `ValidationError` (bad input or unreadable path, `path` names
 *   `request.path`), `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { uploadFromPath } from '@imagekit-fp/upload/node'
 *
 * const result = await uploadFromPath(
 *   { privateKey: process.env.IMAGEKIT_PRIVATE_KEY ?? '' },
 *   { path: './video.mp4', fileName: 'video.mp4', folder: '/videos' },
 * )()
 * @since 0.1.0
 * @category upload
 */
export const uploadFromPath =
  <C extends UploadConfig>(
    config: C & NoExtraKeys<C, UploadConfig>,
    request: UploadFromPathRequestFor<C>,
  ): taskEither.TaskEither<UploadError, UploadResult | UploadAccepted> =>
  async () => {
    try {
      if (!isObject(request)) return left(validationError('request', 'must be an object'))
      const path = readProp(request, 'path')
      if (path === undefined || typeof path.value !== 'string' || path.value === '') {
        return left(validationError('request.path', 'must be a non-empty string'))
      }
      const file = await fileFromPath(path.value)()
      if (file._tag === 'Left') return left(validationError('request.path', file.left.message))
      const custom = isObject(config) ? readProp(config, 'fetch') : undefined
      const withFetch: UploadConfig =
        custom !== undefined && custom.value !== undefined ? config : { ...config, fetch: nodeFetch }
      const rest: Record<string, unknown> = { ...request }
      delete rest['path']
      // The request's auth fields were typed against `config`'s; `upload` checks them again at run time.
      const checked = { ...(rest as Omit<UploadRequest, 'file'>), file: file.right } as UploadRequest
      return await upload<UploadConfig>(withFetch, checked)()
    } catch {
      return left(validationError('request', 'could not be read'))
    }
  }
