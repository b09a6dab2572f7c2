import { describe, expect, it } from 'vitest'
import { createCustomMetadataField } from '@imagekit-fp/media'
import { refuses, type Refused } from './test-support/refuses'
import { FIELD } from './test-support/replies'
import { json, KEY, stubFetch } from './test-support/stub'

const field = (schema: unknown, extra: object = {}) => ({ name: 'f', label: 'F', schema, ...extra })
const sent = async (input: unknown) => {
  const stub = stubFetch(() => json(FIELD, 201))
  const result = await createCustomMetadataField({ privateKey: KEY, fetch: stub.fetch }, input as never)()
  return { result: result._tag, body: stub.calls.map((c) => c.json) }
}

describe('createCustomMetadataField', () => {
  it.each([
    ['Text', { type: 'Text', minLength: 2, maxLength: 10, defaultValue: 'abc', isValueRequired: true }],
    ['Textarea', { type: 'Textarea', maxLength: 500 }],
    ['Number', { type: 'Number', minValue: -5, maxValue: 5.5, defaultValue: 0 }],
    [
      'Date',
      {
        type: 'Date',
        minValue: '2024-01-01',
        maxValue: '2024-12-31T23:59:59.000Z',
        defaultValue: '2024-06-01',
      },
    ],
    ['Boolean', { type: 'Boolean', defaultValue: false, isValueRequired: true }],
    ['SingleSelect', { type: 'SingleSelect', selectOptions: ['S', 2, true], defaultValue: 2 }],
    ['MultiSelect', { type: 'MultiSelect', selectOptions: ['S', 'M'], defaultValue: ['S', 'M'] }],
  ])('sends a %s field with its rules as given', async (_, schema) => {
    expect(await sent(field(schema, { description: 'Shown as a hint' }))).toStrictEqual({
      result: 'Right',
      body: [{ name: 'f', label: 'F', description: 'Shown as a hint', schema }],
    })
  })

  it('sends only the documented fields', async () => {
    expect(await sent({ ...field({ type: 'Boolean', extra: 1 }), other: 2 })).toStrictEqual({
      result: 'Right',
      body: [{ name: 'f', label: 'F', schema: { type: 'Boolean' } }],
    })
  })

  const bad: readonly Refused[] = [
    ['no name', { label: 'F', schema: { type: 'Text' } }, 'input.name', 'is required'],
    ['a blank label', field({ type: 'Text' }, { label: ' ' }), 'input.label', 'must be a non-empty string'],
    [
      'a description over 500 characters',
      field({ type: 'Text' }, { description: 'x'.repeat(501) }),
      'input.description',
      'must be at most 500 characters',
    ],
    ['no schema', { name: 'f', label: 'F' }, 'input.schema', 'must be an object'],
    ['no type', field({}), 'input.schema.type', 'is required'],
    [
      'an unknown type',
      field({ type: 'Color' }),
      'input.schema.type',
      "must be one of 'Text', 'Textarea', 'Number', 'Date', 'Boolean', 'SingleSelect', 'MultiSelect'",
    ],
    [
      'minLength above maxLength',
      field({ type: 'Text', minLength: 5, maxLength: 4 }),
      'input.schema.maxLength',
      'must not be less than minLength',
    ],
    [
      'a negative minLength',
      field({ type: 'Text', minLength: -1 }),
      'input.schema.minLength',
      'must be at least 0',
    ],
    [
      'a fractional maxLength',
      field({ type: 'Text', maxLength: 2.5 }),
      'input.schema.maxLength',
      'must be an integer',
    ],
    [
      'minLength on a Number',
      field({ type: 'Number', minLength: 1 }),
      'input.schema.minLength',
      'only applies to type Text or Textarea',
    ],
    [
      'minValue on a Text',
      field({ type: 'Text', minValue: 1 }),
      'input.schema.minValue',
      'only applies to type Number or Date',
    ],
    [
      'selectOptions on a Boolean',
      field({ type: 'Boolean', selectOptions: [true] }),
      'input.schema.selectOptions',
      'only applies to type SingleSelect or MultiSelect',
    ],
    [
      'a SingleSelect without options',
      field({ type: 'SingleSelect' }),
      'input.schema.selectOptions',
      'is required',
    ],
    [
      'a MultiSelect with no options',
      field({ type: 'MultiSelect', selectOptions: [] }),
      'input.schema.selectOptions',
      'must not be empty',
    ],
    [
      'an option that is an object',
      field({ type: 'SingleSelect', selectOptions: ['a', {}] }),
      'input.schema.selectOptions[1]',
      'must be a string, a finite number or a boolean',
    ],
    [
      'minValue above maxValue',
      field({ type: 'Number', minValue: 10, maxValue: 9 }),
      'input.schema.maxValue',
      'must not be less than minValue',
    ],
    [
      'a string bound on a Number',
      field({ type: 'Number', minValue: '1' }),
      'input.schema.minValue',
      'must be a finite number',
    ],
    [
      'an Infinity bound',
      field({ type: 'Number', maxValue: Infinity }),
      'input.schema.maxValue',
      'must be a finite number',
    ],
    [
      'a Date bound that is not a date',
      field({ type: 'Date', minValue: 'soon' }),
      'input.schema.minValue',
      'must be an ISO 8601 date',
    ],
    [
      'a Date bound that is a number',
      field({ type: 'Date', minValue: 1 }),
      'input.schema.minValue',
      'must be a string',
    ],
    [
      'Date bounds in the wrong order',
      field({ type: 'Date', minValue: '2024-02-01', maxValue: '2024-01-31T00:00:00Z' }),
      'input.schema.maxValue',
      'must not be less than minValue',
    ],
    [
      'a Text default that is a number',
      field({ type: 'Text', defaultValue: 1 }),
      'input.schema.defaultValue',
      'must be a string',
    ],
    [
      'a Text default shorter than minLength',
      field({ type: 'Text', minLength: 3, defaultValue: 'ab' }),
      'input.schema.defaultValue',
      'must not be shorter than minLength',
    ],
    [
      'a Textarea default longer than maxLength',
      field({ type: 'Textarea', maxLength: 3, defaultValue: 'abcd' }),
      'input.schema.defaultValue',
      'must not be longer than maxLength',
    ],
    [
      'a Number default that is a string',
      field({ type: 'Number', defaultValue: '5' }),
      'input.schema.defaultValue',
      'must be a finite number',
    ],
    [
      'a Number default below minValue',
      field({ type: 'Number', minValue: 5, defaultValue: 4 }),
      'input.schema.defaultValue',
      'must not be less than minValue',
    ],
    [
      'a Date default after maxValue',
      field({ type: 'Date', maxValue: '2024-01-01', defaultValue: '2024-01-02' }),
      'input.schema.defaultValue',
      'must not be more than maxValue',
    ],
    [
      'a Boolean default that is a string',
      field({ type: 'Boolean', defaultValue: 'true' }),
      'input.schema.defaultValue',
      'must be a boolean',
    ],
    [
      'a SingleSelect default not among the options',
      field({ type: 'SingleSelect', selectOptions: ['S'], defaultValue: 'M' }),
      'input.schema.defaultValue',
      'must be one of selectOptions',
    ],
    [
      'a SingleSelect default that is an array',
      field({ type: 'SingleSelect', selectOptions: ['S'], defaultValue: ['S'] }),
      'input.schema.defaultValue',
      'must be a string, a finite number or a boolean',
    ],
    [
      'a MultiSelect default that is not an array',
      field({ type: 'MultiSelect', selectOptions: ['S'], defaultValue: 'S' }),
      'input.schema.defaultValue',
      'must be an array',
    ],
    [
      'a MultiSelect default with a value not among the options',
      field({ type: 'MultiSelect', selectOptions: ['S', 'M'], defaultValue: ['S', 'L'] }),
      'input.schema.defaultValue[1]',
      'must be one of selectOptions',
    ],
    [
      'a required field without a default',
      field({ type: 'Text', isValueRequired: true }),
      'input.schema.defaultValue',
      'is required when isValueRequired is true',
    ],
    [
      'isValueRequired that is a string',
      field({ type: 'Text', isValueRequired: 'yes' }),
      'input.schema.isValueRequired',
      'must be a boolean',
    ],
    ['a bad signal', field({ type: 'Text' }, { signal: {} }), 'input.signal', 'must be an AbortSignal'],
    ['no input', undefined, 'input', 'must be an object'],
  ]
  refuses(createCustomMetadataField, bad)
})
