import { describe, expect, it } from 'vitest'
import { updateCustomMetadataField } from '@imagekit-fp/media'
import { refuses, type Refused } from './test-support/refuses'
import { FIELD } from './test-support/replies'
import { json, KEY, stubFetch } from './test-support/stub'

describe('updateCustomMetadataField', () => {
  it('sends the rules it was given, without a type (which cannot change)', async () => {
    const stub = stubFetch(() => json(FIELD))
    const schema = { selectOptions: ['S', 'M'], defaultValue: ['S'], isValueRequired: true }
    await updateCustomMetadataField(
      { privateKey: KEY, fetch: stub.fetch },
      { id: 'f1', label: 'Sizes', schema: { ...schema, type: 'MultiSelect' } as never },
    )()
    expect(stub.calls.map((c) => [c.method, c.path, c.json])).toStrictEqual([
      ['PATCH', '/v1/customMetadataFields/f1', { label: 'Sizes', schema }],
    ])
  })

  const bad: readonly Refused[] = [
    ['no id', { label: 'x' }, 'input.id', 'is required'],
    [
      'an id with a slash',
      { id: 'a/b', label: 'x' },
      'input.id',
      'may only contain letters, digits and - . _ ~',
    ],
    ['nothing to update', { id: 'f1' }, 'input', 'must set at least one of label, description, schema'],
    ['an empty schema', { id: 'f1', schema: {} }, 'input.schema', 'must set at least one rule'],
    ['a blank label', { id: 'f1', label: '' }, 'input.label', 'must be a non-empty string'],
    [
      'minLength above maxLength',
      { id: 'f1', schema: { minLength: 3, maxLength: 2 } },
      'input.schema.maxLength',
      'must not be less than minLength',
    ],
    [
      'a number and a date as bounds',
      { id: 'f1', schema: { minValue: 1, maxValue: '2024-01-01' } },
      'input.schema.maxValue',
      'must be of the same kind as minValue',
    ],
    [
      'minValue above maxValue',
      { id: 'f1', schema: { minValue: '2024-02-01', maxValue: '2024-01-01' } },
      'input.schema.maxValue',
      'must not be less than minValue',
    ],
    [
      'a default not among the options',
      { id: 'f1', schema: { selectOptions: ['a'], defaultValue: 'b' } },
      'input.schema.defaultValue',
      'must be one of selectOptions',
    ],
    [
      'a default that is an object',
      { id: 'f1', schema: { defaultValue: {} } },
      'input.schema.defaultValue',
      'must be a string, a finite number or a boolean',
    ],
    [
      'empty options',
      { id: 'f1', schema: { selectOptions: [] } },
      'input.schema.selectOptions',
      'must not be empty',
    ],
  ]
  refuses(updateCustomMetadataField, bad)
})
