import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { extensionConfig } from '@imagekit-fp/internal'
import { operationFunction, type Operation } from './internal/send'
import { text, type Check } from './internal/validate'
import { SavedExtension, type ExtensionConfig } from './model/SavedExtension'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link createSavedExtension}.
 *
 * @since 0.1.0
 * @category model
 */
export interface CreateSavedExtensionOptions extends Abortable {
  /** The saved extension's name. */
  readonly name: string
  /** What it does. */
  readonly description: string
  /** The extension it runs, checked field by field before anything is sent. */
  readonly config: ExtensionConfig
}

/** The declaration of {@link createSavedExtension}: the call it makes, its input check and its codec. */
export const createSavedExtensionOperation: Operation<CreateSavedExtensionOptions, SavedExtension> = {
  method: 'POST',
  path: '/v1/saved-extensions',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      name: field('name', text(1)),
      description: field('description', text(1)),
      config: field('config', extensionConfig as Check<ExtensionConfig>),
    },
  }),
  codec: SavedExtension,
  idempotent: 'unsent',
}

/**
 * Saves an extension configuration for reuse by id (at most 100 per account): `POST /v1/saved-extensions`.
 * Retried only where nothing reached ImageKit (a 429, a connection that never opened), never after a lost
 * reply: it could save a second copy.
 *
 * @param config - private key and transport settings.
 * @param input - `{ name, description, config }`.
 * @returns a TaskEither of the new {@link SavedExtension}; `ValidationError` (nothing sent), `HttpError`
 *   (e.g. 400 for a configuration ImageKit refuses), `NetworkError` or `DecodeError`.
 * @example
 * import { createSavedExtension } from '@imagekit-fp/media'
 *
 * const result = await createSavedExtension(
 *   { privateKey: 'private_xxx' },
 *   { name: 'Tagging', description: 'Ten tags, 80% sure', config: { name: 'google-auto-tagging', minConfidence: 80, maxTags: 10 } },
 * )()
 * // { _tag: 'Right', right: { id: 'ext_abc123', name: 'Tagging', … } }
 * @since 0.1.0
 * @category media
 */
export const createSavedExtension: (
  config: MediaConfig,
  input: CreateSavedExtensionOptions,
) => taskEither.TaskEither<MediaError, SavedExtension> = /*#__PURE__*/ operationFunction(
  createSavedExtensionOperation,
)
