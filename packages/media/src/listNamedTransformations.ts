import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { array } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { NamedTransformation } from './model/NamedTransformation'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link listNamedTransformations}: nothing but an optional signal.
 *
 * @since 0.1.0
 * @category model
 */
export type ListNamedTransformationsOptions = Abortable

const NamedTransformations = /*#__PURE__*/ array(NamedTransformation)

/** The declaration of {@link listNamedTransformations}: the call it makes, its input check and its codec. */
export const listNamedTransformationsOperation: Operation<
  ListNamedTransformationsOptions,
  NamedTransformation[]
> = {
  method: 'GET',
  path: '/v1/named-transformations',
  codec: NamedTransformations,
  idempotent: true,
}

/**
 * Lists the account's named transformations: `GET /v1/named-transformations` Not in the spec file: the request follows `@imagekit/nodejs` 7.11 (checked by the differential test).. Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ signal? }` (default `{}`).
 * @returns a TaskEither of the {@link NamedTransformation}s; `ValidationError` (nothing sent), `HttpError`, `NetworkError`
 *   or `DecodeError`.
 * @example
 * import { listNamedTransformations } from '@imagekit-fp/media'
 *
 * const result = await listNamedTransformations({ privateKey: 'private_xxx' })()
 * // { _tag: 'Right', right: [{ id: '6bZ9x2ZUx', name: 'small_thumbnail', transformation: 'w-150,h-150', enabled: true, … }] }
 * @since 0.1.0
 * @category media
 */
export const listNamedTransformations: (
  config: MediaConfig,
  input?: ListNamedTransformationsOptions,
) => taskEither.TaskEither<MediaError, NamedTransformation[]> = /*#__PURE__*/ operationFunction(
  listNamedTransformationsOperation,
  {},
)
