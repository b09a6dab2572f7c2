// The checks of a custom metadata field's `schema`, shared by createCustomMetadataField (the type is known)
// and updateCustomMetadataField (the type cannot be sent, so only what holds for every type is checked).
import type { CustomMetadataFieldRules, CustomMetadataFieldType } from '../model/CustomMetadataField'
import {
  array,
  boolean,
  defined,
  fail,
  integer,
  need,
  number,
  optional,
  scalar,
  string,
  type Check,
  type Field,
} from './validate'

type Scalar = string | number | boolean

/** Where the schema is in the input of both operations (for the checks that compare two rules). */
const AT = 'input.schema'

/** Every field type, in the API's order. */
export const FIELD_TYPES = [
  'Text',
  'Textarea',
  'Number',
  'Date',
  'Boolean',
  'SingleSelect',
  'MultiSelect',
] as const satisfies readonly CustomMetadataFieldType[]

const TEXT: readonly CustomMetadataFieldType[] = ['Text', 'Textarea']
const RANGE: readonly CustomMetadataFieldType[] = ['Number', 'Date']
const SELECT: readonly CustomMetadataFieldType[] = ['SingleSelect', 'MultiSelect']

/** An ISO 8601 date or date-time (`2024-01-31`, `2024-01-31T10:00:00.000Z`), as a `Date` field takes. */
const dateTime: Check<string> = (u, path) => {
  const s = string(u, path)
  const shape = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)
  need(shape && !Number.isNaN(Date.parse(s)), path, 'must be an ISO 8601 date')
  return s
}

/** A `Number` bound is a number, a `Date` bound an ISO 8601 date; without the type, either. */
const bound =
  (type: CustomMetadataFieldType | undefined): Check<string | number> =>
  (u, path) =>
    type === 'Number' || (type === undefined && typeof u === 'number') ? number(u, path) : dateTime(u, path)

/** A bound as a number, so that dates and numbers compare alike. */
const value = (b: string | number): number => (typeof b === 'number' ? b : Date.parse(b))

/** `check`, refused for a type it does not apply to. */
const onlyFor =
  <A>(
    type: CustomMetadataFieldType | undefined,
    types: readonly CustomMetadataFieldType[],
    check: Check<A>,
  ): Check<A | undefined> =>
  (u, path) => {
    if (u === undefined) return undefined
    need(type === undefined || types.includes(type), path, `only applies to type ${types.join(' or ')}`)
    return check(u, path)
  }

/** The rules of a field of `type` (`undefined`: an update, which cannot know the type), read with `field`. */
export const schemaRules = (
  type: CustomMetadataFieldType | undefined,
  field: Field,
): CustomMetadataFieldRules => {
  const isValueRequired = field('isValueRequired', optional(boolean))
  const minLength = field('minLength', onlyFor(type, TEXT, integer(0, Infinity)))
  const maxLength = field('maxLength', onlyFor(type, TEXT, integer(1, Infinity)))
  if (minLength !== undefined && maxLength !== undefined)
    need(minLength <= maxLength, `${AT}.maxLength`, 'must not be less than minLength')
  const minValue = field('minValue', onlyFor(type, RANGE, bound(type)))
  const maxValue = field('maxValue', onlyFor(type, RANGE, bound(type)))
  if (minValue !== undefined && maxValue !== undefined) {
    need(typeof minValue === typeof maxValue, `${AT}.maxValue`, 'must be of the same kind as minValue')
    need(value(minValue) <= value(maxValue), `${AT}.maxValue`, 'must not be less than minValue')
  }
  const selectOptions = field(
    'selectOptions',
    type !== undefined && SELECT.includes(type) ? array(scalar, 1) : onlyFor(type, SELECT, array(scalar, 1)),
  )
  const fits: Check<Scalar> = (u, path) => {
    const v = type === undefined ? scalar(u, path) : single(type)(u, path)
    if (selectOptions) need(selectOptions.includes(v), path, 'must be one of selectOptions')
    if (typeof v === 'string' && TEXT.includes(type!)) {
      const size = [...v].length
      need(size >= (minLength ?? 0), path, 'must not be shorter than minLength')
      need(size <= (maxLength ?? Infinity), path, 'must not be longer than maxLength')
    }
    if (type !== undefined && RANGE.includes(type)) {
      const n = value(v as string | number)
      need(minValue === undefined || n >= value(minValue), path, 'must not be less than minValue')
      need(maxValue === undefined || n <= value(maxValue), path, 'must not be more than maxValue')
    }
    return v
  }
  const defaultValue = field(
    'defaultValue',
    optional<Scalar | Scalar[]>((u, path) =>
      type === 'MultiSelect' || (type === undefined && Array.isArray(u))
        ? array(fits, 1)(u, path)
        : fits(u, path),
    ),
  )
  if (type !== undefined && isValueRequired === true && defaultValue === undefined)
    fail(`${AT}.defaultValue`, 'is required when isValueRequired is true')
  return defined({
    selectOptions,
    defaultValue,
    isValueRequired,
    minValue,
    maxValue,
    minLength,
    maxLength,
  }) as CustomMetadataFieldRules
}

/** The single value a field of `type` holds (a `MultiSelect` holds an array of them). */
const single = (type: CustomMetadataFieldType): Check<Scalar> => {
  switch (type) {
    case 'Text':
    case 'Textarea':
      return string
    case 'Number':
      return number
    case 'Date':
      return dateTime
    case 'Boolean':
      return boolean
    default:
      return scalar
  }
}
