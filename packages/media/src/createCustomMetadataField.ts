import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { FIELD_TYPES, schemaRules } from './internal/customMetadataSchema'
import { operationFunction, type Operation } from './internal/send'
import { nonEmptyString, object, oneOf, optional, text } from './internal/validate'
import { CustomMetadataField, type CustomMetadataFieldSchema } from './model/CustomMetadataField'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link createCustomMetadataField}.
 *
 * @since 0.1.0
 * @category model
 */
export interface CreateCustomMetadataFieldOptions extends Abortable {
  /** The API name: the key in a file's `customMetadata`; unique among all fields, deleted ones too. */
  readonly name: string
  /** The label shown in the media library; unique among the fields not deleted. */
  readonly label: string
  /** A hint shown in the media library, up to 500 characters (`@imagekit/nodejs` 7.11; not in the spec file). */
  readonly description?: string
  /** The field's type and its rules, checked against each other before anything is sent. */
  readonly schema: CustomMetadataFieldSchema
}

/** The declaration of {@link createCustomMetadataField}: the call it makes, its input check and its codec. */
export const createCustomMetadataFieldOperation: Operation<
  CreateCustomMetadataFieldOptions,
  CustomMetadataField
> = {
  method: 'POST',
  path: '/v1/customMetadataFields',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: {
      name: field('name', nonEmptyString),
      label: field('label', nonEmptyString),
      description: field('description', optional(text(0, 500))),
      schema: field(
        'schema',
        object((schema) => {
          const type = schema('type', oneOf(FIELD_TYPES))
          return { type, ...schemaRules(type, schema) }
        }),
      ),
    },
  }),
  codec: CustomMetadataField,
  idempotent: 'unsent',
}

/**
 * Creates a custom metadata field: `POST /v1/customMetadataFields` (the classic
 * `create_custom_metadata_field`). Retried only where nothing reached ImageKit (a 429, a connection that
 * never opened), never after a lost reply: the field may exist already.
 *
 * @param config - private key and transport settings.
 * @param input - `{ name, label, description?, schema }`; the schema's rules must fit its `type`.
 * @returns a TaskEither of the new {@link CustomMetadataField}; `ValidationError` (nothing sent), `HttpError`
 *   (e.g. 400 when the name exists), `NetworkError` or `DecodeError`.
 * @example
 * import { createCustomMetadataField } from '@imagekit-fp/media'
 *
 * const result = await createCustomMetadataField(
 *   { privateKey: 'private_xxx' },
 *   { name: 'price', label: 'Price', schema: { type: 'Number', minValue: 1000, maxValue: 3000 } },
 * )()
 * // { _tag: 'Right', right: { id: '598821f949c0a938d57563dd', name: 'price', label: 'Price', schema: { … } } }
 * @since 0.1.0
 * @category media
 */
export const createCustomMetadataField: (
  config: MediaConfig,
  input: CreateCustomMetadataFieldOptions,
) => taskEither.TaskEither<MediaError, CustomMetadataField> = /*#__PURE__*/ operationFunction(
  createCustomMetadataFieldOperation,
)
