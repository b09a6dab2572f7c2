import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { operationFunction, type Operation } from './internal/send'
import { boolean, nonEmptyString, optional } from './internal/validate'
import { transformationName } from './internal/namedTransformation'
import { NamedTransformation } from './model/NamedTransformation'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link createNamedTransformation}.
 *
 * @since 0.1.0
 * @category model
 */
export interface CreateNamedTransformationOptions extends Abortable {
  /** The alias used in URLs as `tr:n-<name>`: letters, digits and `_`, case-sensitive, unique. */
  readonly name: string
  /** The transformation string it stands for (`w-150,h-150,fo-center`). */
  readonly transformation: string
  /** Whether URLs may use it (when `false` they fail at delivery). */
  readonly enabled?: boolean
}

/** The declaration of {@link createNamedTransformation}: the call it makes, its input check and its codec. */
export const createNamedTransformationOperation: Operation<
  CreateNamedTransformationOptions,
  NamedTransformation
> = {
  method: 'POST',
  path: '/v1/named-transformations',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      name: field('name', transformationName),
      transformation: field('transformation', nonEmptyString),
      enabled: field('enabled', optional(boolean)),
    },
  }),
  codec: NamedTransformation,
  idempotent: 'unsent',
}

/**
 * Creates a named transformation (at most 250 per account): `POST /v1/named-transformations`. Not in the spec
 * file: the request follows `@imagekit/nodejs` 7.11 (checked by the differential test). Retried only where
 * nothing reached ImageKit (a 429, a connection that never opened), never after a lost reply: the name may
 * exist already.
 *
 * @param config - private key and transport settings.
 * @param input - `{ name, transformation, enabled? }`.
 * @returns a TaskEither of the new {@link NamedTransformation}; `ValidationError` (nothing sent),
 *   `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { createNamedTransformation } from '@imagekit-fp/media'
 *
 * const result = await createNamedTransformation(
 *   { privateKey: 'private_xxx' },
 *   { name: 'small_thumbnail', transformation: 'w-150,h-150,fo-center,cm-pad_resize', enabled: true },
 * )()
 * // { _tag: 'Right', right: { id: '6bZ9x2ZUx', name: 'small_thumbnail', … } }
 * @since 0.1.0
 * @category media
 */
export const createNamedTransformation: (
  config: MediaConfig,
  input: CreateNamedTransformationOptions,
) => taskEither.TaskEither<MediaError, NamedTransformation> = /*#__PURE__*/ operationFunction(
  createNamedTransformationOperation,
)
