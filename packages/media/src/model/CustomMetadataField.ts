import type * as t from 'io-ts'
import {
  CustomMetadataFieldType as FieldType,
  laxString,
  schemaRules,
  struct,
} from '@imagekit-fp/utils/codec'

/**
 * A custom metadata field as the API returns it: `id`, `name` (the key in a file's `customMetadata`),
 * `label`, `schema` (its `type` and rules) and, when set, `description`.
 *
 * @example
 * import { CustomMetadataField } from '@imagekit-fp/media'
 *
 * CustomMetadataField.is({ id: '598821f949c0a938d57563dd', name: 'price', label: 'Price', schema: { type: 'Number' } }) // true
 * @since 0.1.0
 * @category codecs
 */
export const CustomMetadataField = /*#__PURE__*/ struct('CustomMetadataField', {
  identity: { id: laxString },
  required: {
    name: laxString,
    label: laxString,
    schema: /*#__PURE__*/ struct('CustomMetadataFieldSchema', {
      required: { type: FieldType },
      optional: schemaRules,
    }),
  },
  optional: { description: laxString },
})
/**
 * @since 0.1.0
 * @category model
 */
export type CustomMetadataField = t.TypeOf<typeof CustomMetadataField>

/**
 * The value types of a custom metadata field, as sent to create or update one (a field read back has an open
 * `schema.type`: a type ImageKit adds later passes through).
 *
 * @since 0.1.0
 * @category model
 */
export type CustomMetadataFieldType =
  'Text' | 'Textarea' | 'Number' | 'Date' | 'Boolean' | 'SingleSelect' | 'MultiSelect'

/**
 * The rules of a custom metadata field, as sent to create or update it. Which rules apply depends on the
 * field's type (checked before anything is sent): `minLength`/`maxLength` for `Text` and `Textarea`,
 * `minValue`/`maxValue` for `Number` (numbers) and `Date` (ISO 8601 strings), `selectOptions` for
 * `SingleSelect` and `MultiSelect` (required there); `defaultValue` must fit the type and the rules
 * (an array of options for `MultiSelect`), and is required when `isValueRequired` is `true`.
 *
 * @example
 * import type { CustomMetadataFieldRules } from '@imagekit-fp/media'
 *
 * const rules: CustomMetadataFieldRules = { minValue: 1000, maxValue: 3000, defaultValue: 1500 }
 * @since 0.1.0
 * @category model
 */
export interface CustomMetadataFieldRules {
  readonly selectOptions?: readonly (string | number | boolean)[]
  readonly defaultValue?: string | number | boolean | readonly (string | number | boolean)[]
  readonly isValueRequired?: boolean
  readonly minValue?: string | number
  readonly maxValue?: string | number
  readonly minLength?: number
  readonly maxLength?: number
}

/**
 * The `schema` of a new custom metadata field: its `type` and the {@link CustomMetadataFieldRules} that
 * apply to it.
 *
 * @example
 * import type { CustomMetadataFieldSchema } from '@imagekit-fp/media'
 *
 * const schema: CustomMetadataFieldSchema = { type: 'SingleSelect', selectOptions: ['S', 'M', 'L'], defaultValue: 'M' }
 * @since 0.1.0
 * @category model
 */
export interface CustomMetadataFieldSchema extends CustomMetadataFieldRules {
  readonly type: CustomMetadataFieldType
}
