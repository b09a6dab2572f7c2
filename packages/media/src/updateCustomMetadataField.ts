import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { schemaRules } from './internal/customMetadataSchema'
import { operationFunction, type Operation } from './internal/send'
import { need, needSome, nonEmptyString, object, optional, text } from './internal/validate'
import { CustomMetadataField, type CustomMetadataFieldRules } from './model/CustomMetadataField'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link updateCustomMetadataField}: the field's `id` and at least one of `label`, `description`,
 * `schema`.
 *
 * @since 0.1.0
 * @category model
 */
export interface UpdateCustomMetadataFieldOptions extends Abortable {
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
}

/** The declaration of {@link updateCustomMetadataField}: the call it makes, its input check and its codec. */
export const updateCustomMetadataFieldOperation: Operation<
  UpdateCustomMetadataFieldOptions,
  CustomMetadataField
> = {
  method: 'PATCH',
  path: '/v1/customMetadataFields/{id}',
  /** The input check: what the call sends besides its path. */
  input: (field) => {
    const json = {
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
    needSome(json, ['label', 'description', 'schema'], 'input')
    return { json }
  },
  codec: CustomMetadataField,
  idempotent: 'unsent',
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
export const updateCustomMetadataField: (
  config: MediaConfig,
  input: UpdateCustomMetadataFieldOptions,
) => taskEither.TaskEither<MediaError, CustomMetadataField> = /*#__PURE__*/ operationFunction(
  updateCustomMetadataFieldOperation,
)
