import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { extensionConfig } from '@imagekit-fp/internal'
import { operationFunction, type Operation } from './internal/send'
import { needSome, optional, text, type Check } from './internal/validate'
import { SavedExtension, type ExtensionConfig } from './model/SavedExtension'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link updateSavedExtension}: the `id` and at least one of `name`, `description`, `config`.
 *
 * @since 0.1.0
 * @category model
 */
export interface UpdateSavedExtensionOptions extends Abortable {
  /** The saved extension's id. */
  readonly id: string
  /** A new name. */
  readonly name?: string
  /** A new description. */
  readonly description?: string
  /** A new configuration (replaces the old one). */
  readonly config?: ExtensionConfig
}

/** The declaration of {@link updateSavedExtension}: the call it makes, its input check and its codec. */
export const updateSavedExtensionOperation: Operation<UpdateSavedExtensionOptions, SavedExtension> = {
  method: 'PATCH',
  path: '/v1/saved-extensions/{id}',
  /** The input check: what the call sends besides its path. */
  input: (field) => {
    const json = {
      name: field('name', optional(text(1))),
      description: field('description', optional(text(1))),
      config: field('config', optional(extensionConfig as Check<ExtensionConfig>)),
    }
    needSome(json, ['name', 'description', 'config'], 'input')
    return { json }
  },
  codec: SavedExtension,
  idempotent: 'unsent',
}

/**
 * Updates a saved extension's name, description or configuration: `PATCH /v1/saved-extensions/{id}`. Retried
 * only where nothing reached ImageKit (a 429, a connection that never opened), never after a lost reply
 * (ImageKit does not document a repeated update as harmless).
 *
 * @param config - private key and transport settings.
 * @param input - `{ id, name?, description?, config? }`, at least one of them set.
 * @returns a TaskEither of the updated {@link SavedExtension}; `ValidationError` (nothing sent), `HttpError`
 *   (e.g. 404), `NetworkError` or `DecodeError`.
 * @example
 * import { updateSavedExtension } from '@imagekit-fp/media'
 *
 * const result = await updateSavedExtension({ privateKey: 'private_xxx' }, { id: 'ext_abc123', name: 'Tagging v2' })()
 * // { _tag: 'Right', right: { id: 'ext_abc123', name: 'Tagging v2', … } }
 * @since 0.1.0
 * @category media
 */
export const updateSavedExtension: (
  config: MediaConfig,
  input: UpdateSavedExtensionOptions,
) => taskEither.TaskEither<MediaError, SavedExtension> = /*#__PURE__*/ operationFunction(
  updateSavedExtensionOperation,
)
