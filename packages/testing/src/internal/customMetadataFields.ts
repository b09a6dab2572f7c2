// Custom metadata fields: create, list, update, delete (a deleted field is kept, marked deleted).
import * as t from 'io-ts'
import { type Handlers } from './context'
import { fail, ok } from './reply'
import { decoded, scalar, struct } from './validate'
const FIELD_TYPES = ['Text', 'Textarea', 'Number', 'Date', 'Boolean', 'SingleSelect', 'MultiSelect'] as const
const numOrText = t.union([t.string, t.number])
const schemaProps = {
  selectOptions: t.array(scalar),
  defaultValue: t.union([scalar, t.array(scalar)]),
  isValueRequired: t.boolean,
  minValue: numOrText,
  maxValue: numOrText,
  minLength: t.number,
  maxLength: t.number,
}
const FieldType = t.keyof(
  Object.fromEntries(FIELD_TYPES.map((k) => [k, null])) as Record<(typeof FIELD_TYPES)[number], null>,
)
const CreateField = t.type({
  name: t.string,
  label: t.string,
  schema: struct({ type: FieldType }, schemaProps),
})
const UpdateField = t.partial({ label: t.string, schema: t.partial(schemaProps) })

/** What ImageKit refuses in a field's schema beyond its JSON shape. */
const schemaError = (schema: Record<string, unknown>): string | undefined => {
  const select = schema.type === 'SingleSelect' || schema.type === 'MultiSelect'
  if (select && (!Array.isArray(schema.selectOptions) || schema.selectOptions.length === 0)) {
    return 'Your request contains invalid schema.selectOptions parameter: a select field needs options.'
  }
  if (
    typeof schema.minLength === 'number' &&
    typeof schema.maxLength === 'number' &&
    schema.minLength > schema.maxLength
  ) {
    return 'Your request contains invalid schema.minLength parameter: it is above maxLength.'
  }
  if (
    typeof schema.minValue === 'number' &&
    typeof schema.maxValue === 'number' &&
    schema.minValue > schema.maxValue
  ) {
    return 'Your request contains invalid schema.minValue parameter: it is above maxValue.'
  }
  return undefined
}

const fieldView = (f: { id: string; name: string; label: string; schema: Record<string, unknown> }) => ({
  id: f.id,
  name: f.name,
  label: f.label,
  schema: f.schema,
})

/** The customMetadataFields handlers, by operationId. */
export const fieldHandlers = {
  'create-new-field': decoded(CreateField, (ctx, b) => {
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(b.name))
      return fail(400, 'Your request contains invalid name parameter.')
    if (b.label.trim() === '') return fail(400, 'Your request contains invalid label parameter.')
    const problem = schemaError(b.schema)
    if (problem !== undefined) return fail(400, problem)
    const live = [...ctx.state.fields.values()].filter((f) => !f.deleted)
    if (live.some((f) => f.name === b.name))
      return fail(400, 'A custom metadata field with this name already exists.')
    if (live.some((f) => f.label === b.label))
      return fail(400, 'A custom metadata field with this label already exists.')
    const field = {
      id: ctx.state.ids.objectId(),
      name: b.name,
      label: b.label,
      schema: { ...b.schema },
      deleted: false,
    }
    ctx.state.fields.set(field.id, field)
    return ok(fieldView(field), 201)
  }),
  'list-all-fields': (ctx) => {
    const raw = ctx.url.searchParams.get('includeDeleted')
    if (raw !== null && raw !== 'true' && raw !== 'false')
      return fail(400, 'Your request contains invalid includeDeleted parameter.')
    return ok([...ctx.state.fields.values()].filter((f) => raw === 'true' || !f.deleted).map(fieldView))
  },
  'update-existing-field': decoded(UpdateField, (ctx, b) => {
    const field = ctx.state.fields.get(ctx.params.id ?? '')
    if (field === undefined || field.deleted) return fail(404, 'No such custom metadata field exists.')
    const schema = { ...field.schema, ...(b.schema ?? {}) }
    const problem = schemaError(schema)
    if (problem !== undefined) return fail(400, problem)
    if (b.label !== undefined) field.label = b.label
    field.schema = schema
    return ok(fieldView(field))
  }),
  'delete-a-field': (ctx) => {
    const field = ctx.state.fields.get(ctx.params.id ?? '')
    if (field === undefined || field.deleted) return fail(404, 'No such custom metadata field exists.')
    field.deleted = true
    return ok(undefined, 204)
  },
} satisfies Handlers
