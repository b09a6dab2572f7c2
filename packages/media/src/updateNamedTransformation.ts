import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { transformationName } from './internal/namedTransformation'
import { operationFunction, type Operation } from './internal/send'
import { boolean, needSome, nonEmptyString, optional } from './internal/validate'
import { NamedTransformation } from './model/NamedTransformation'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link updateNamedTransformation}: the `id` and at least one of `name`, `transformation`,
 * `enabled` (the others stay as they are).
 *
 * @since 0.1.0
 * @category model
 */
export interface UpdateNamedTransformationOptions extends Abortable {
  /** The named transformation's id. */
  readonly id: string
  /** A new alias (letters, digits and `_`). */
  readonly name?: string
  /** A new transformation string. */
  readonly transformation?: string
  /** Enables or disables it. */
  readonly enabled?: boolean
}

/** The declaration of {@link updateNamedTransformation}: the call it makes, its input check and its codec. */
export const updateNamedTransformationOperation: Operation<
  UpdateNamedTransformationOptions,
  NamedTransformation
> = {
  method: 'PATCH',
  path: '/v1/named-transformations/{id}',
  /** The input check: what the call sends besides its path. */
  input: (field) => {
    const json = {
      name: field('name', optional(transformationName)),
      transformation: field('transformation', optional(nonEmptyString)),
      enabled: field('enabled', optional(boolean)),
    }
    needSome(json, ['name', 'transformation', 'enabled'], 'input')
    return { json }
  },
  codec: NamedTransformation,
  idempotent: 'unsent',
}

/**
 * Updates a named transformation: `PATCH /v1/named-transformations/{id}`. Not in the spec file: the request
 * follows `@imagekit/nodejs` 7.11 (checked by the differential test). Renaming or disabling one that an
 * upload pre- or post-transformation still uses is a 409 `HttpError`. Retried only where nothing reached
 * ImageKit (a 429, a connection that never opened), never after a lost reply: a rename would find no old
 * name.
 *
 * @param config - private key and transport settings.
 * @param input - `{ id, name?, transformation?, enabled? }`, at least one of them set.
 * @returns a TaskEither of the updated {@link NamedTransformation}; `ValidationError` (nothing sent),
 *   `HttpError` (e.g. 404, 409), `NetworkError` or `DecodeError`.
 * @example
 * import { updateNamedTransformation } from '@imagekit-fp/media'
 *
 * const result = await updateNamedTransformation(
 *   { privateKey: 'private_xxx' },
 *   { id: '6bZ9x2ZUx', transformation: 'w-200,h-200,fo-center,cm-pad_resize' },
 * )()
 * // { _tag: 'Right', right: { id: '6bZ9x2ZUx', transformation: 'w-200,h-200,fo-center,cm-pad_resize', … } }
 * @since 0.1.0
 * @category media
 */
export const updateNamedTransformation: (
  config: MediaConfig,
  input: UpdateNamedTransformationOptions,
) => taskEither.TaskEither<MediaError, NamedTransformation> = /*#__PURE__*/ operationFunction(
  updateNamedTransformationOperation,
)
