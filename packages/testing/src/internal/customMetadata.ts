// Custom metadata values checked against the fields defined with /v1/customMetadataFields, as ImageKit does on
// upload and on update.
import type { State, StoredField } from './state'

const isDate = (u: unknown) => typeof u === 'string' && !Number.isNaN(Date.parse(u))

const valueError = (field: StoredField, v: unknown): string | undefined => {
  const s = field.schema as Record<string, unknown>
  const within = (n: number, min: unknown, max: unknown) =>
    (typeof min !== 'number' || n >= min) && (typeof max !== 'number' || n <= max)
  switch (s.type) {
    case 'Text':
    case 'Textarea':
      return typeof v === 'string' && within(v.length, s.minLength, s.maxLength)
        ? undefined
        : 'a string of allowed length'
    case 'Number':
      return typeof v === 'number' && within(v, s.minValue, s.maxValue)
        ? undefined
        : 'a number within the allowed range'
    case 'Date':
      return isDate(v) ? undefined : 'an ISO 8601 date'
    case 'Boolean':
      return typeof v === 'boolean' ? undefined : 'a boolean'
    case 'SingleSelect':
      return Array.isArray(s.selectOptions) && s.selectOptions.includes(v)
        ? undefined
        : 'one of selectOptions'
    case 'MultiSelect':
      return Array.isArray(v) && v.every((x) => Array.isArray(s.selectOptions) && s.selectOptions.includes(x))
        ? undefined
        : 'a list of selectOptions'
    default:
      return undefined
  }
}

/** The error message for the first value that is not a defined field or does not fit its schema. */
export const customMetadataError = (state: State, values: Record<string, unknown>): string | undefined => {
  const fields = [...state.fields.values()].filter((f) => !f.deleted)
  for (const [name, v] of Object.entries(values)) {
    const field = fields.find((f) => f.name === name)
    if (field === undefined) return `Invalid custom metadata: ${name} is not a defined custom metadata field.`
    const expected = v === null ? undefined : valueError(field, v)
    if (expected !== undefined) return `Invalid custom metadata: ${name} must be ${expected}.`
  }
  return undefined
}
