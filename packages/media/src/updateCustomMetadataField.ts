import type { taskEither } from 'fp-ts'
import { schemaRules } from './internal/customMetadataSchema'
import { send } from './internal/send'
import {
  id,
  need,
  needSome,
  nonEmptyString,
  object,
  optional,
  prepare,
  route,
  signal,
  text,
} from './internal/validate'
import { CustomMetadataField, type CustomMetadataFieldRules } from './model/CustomMetadataField'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link updateCustomMetadataField}: the field's `id` and at least one of `label`, `description`,
 * `schema`.
 *
 * @since 0.1.0
 * @category model
 */
export interface UpdateCustomMetadataFieldOptions {
  /** The field's id (from `listCustomMetadataFields` or `createCustomMetadataField`). */
  readonly id: string
  /** A new label. */
  readonly label?: string
  /** A new hint, up to 500 characters; `''` clears it (`@imagekit/nodejs` 7.11; not in the spec file). */
  readonly description?: string
  /**
   * New rules. The `type` cannot change, so it is not sent; ImageKit checks the rules against the field's
   * type, and this function checks what holds for any type (`minLength ≤ maxLength`, `minValue ≤ maxValue`,
   * a `defaultValue` among the `selectOptions`).
   */
  readonly schema?: CustomMetadataFieldRules
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

/**
 * Updates a custom metadata field's label, description or rules: `PATCH /v1/customMetadataFields/{id}` (the
 * classic `update_custom_metadata_field`). Retried only where nothing reached ImageKit (a 429, a connection
 * that never opened), never after a lost reply (ImageKit does not document a repeated update as harmless).
 *
 * @param config - private key and transport settings.
 * @param input - `{ id, label?, description?, schema? }`, at least one of them set.
 * @returns a TaskEither of the updated {@link CustomMetadataField}; `ValidationError` (nothing sent),
 *   `HttpError` (e.g. 404), `NetworkError` or `DecodeError`.
 * @example
 * import { updateCustomMetadataField } from '@imagekit-fp/media'
 *
 * const result = await updateCustomMetadataField(
 *   { privateKey: 'private_xxx' },
 *   { id: '598821f949c0a938d57563dd', label: 'Price (USD)', schema: { minValue: 0 } },
 * )()
 * // { _tag: 'Right', right: { id: '598821f949c0a938d57563dd', name: 'price', label: 'Price (USD)', … } }
 * @since 0.1.0
 * @category media
 */
export const updateCustomMetadataField = (
  config: MediaConfig,
  input: UpdateCustomMetadataFieldOptions,
): taskEither.TaskEither<MediaError, CustomMetadataField> =>
  send(
    config,
    prepare(input, (field) => {
      const fieldId = field('id', id)
      const body = {
        label: field('label', optional(nonEmptyString)),
        description: field('description', optional(text(0, 500))),
        schema: field(
          'schema',
          optional(
            object((schema) => {
              const rules = schemaRules(undefined, schema)
              need(Object.keys(rules).length > 0, 'input.schema', 'must set at least one rule')
              return rules
            }),
          ),
        ),
      }
      needSome(body, ['label', 'description', 'schema'], 'input')
      return {
        method: 'PATCH',
        path: route`/v1/customMetadataFields/${fieldId}`,
        json: body,
        codec: CustomMetadataField,
        signal: field('signal', optional(signal)),
      } as const
    }),
  )
