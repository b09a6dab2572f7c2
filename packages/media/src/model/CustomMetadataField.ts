import * as t from 'io-ts'

/** A string, number or boolean: a select option, a default value, a vocabulary word (not exported publicly). */
export const Scalar = /*#__PURE__*/ t.union([t.string, t.number, t.boolean])

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
export const CustomMetadataField = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({
      id: t.string,
      name: t.string,
      label: t.string,
      schema: /*#__PURE__*/ t.intersection([
        /*#__PURE__*/ t.type({
          type: /*#__PURE__*/ t.keyof({
            Text: null,
            Textarea: null,
            Number: null,
            Date: null,
            Boolean: null,
            SingleSelect: null,
            MultiSelect: null,
          }),
        }),
        /*#__PURE__*/ t.partial({
          selectOptions: /*#__PURE__*/ t.array(Scalar),
          defaultValue: /*#__PURE__*/ t.union([Scalar, /*#__PURE__*/ t.array(Scalar)]),
          isValueRequired: t.boolean,
          minValue: /*#__PURE__*/ t.union([t.string, t.number]),
          maxValue: /*#__PURE__*/ t.union([t.string, t.number]),
          minLength: t.number,
          maxLength: t.number,
        }),
      ]),
    }),
    /*#__PURE__*/ t.partial({ description: t.string }),
  ],
  'CustomMetadataField',
)
/**
 * @since 0.1.0
 * @category model
 */
export type CustomMetadataField = t.TypeOf<typeof CustomMetadataField>

/**
 * The value types of a custom metadata field.
 *
 * @since 0.1.0
 * @category model
 */
export type CustomMetadataFieldType = CustomMetadataField['schema']['type']

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
