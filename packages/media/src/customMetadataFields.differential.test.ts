// Differential: each custom metadata field operation sends what @imagekit/nodejs 7 sends for the same input
// (method, path, query, JSON body); deliberate differences are tests of their own, at the end.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validationError } from '@imagekit-fp/utils'
import {
  createCustomMetadataField,
  deleteCustomMetadataField,
  listCustomMetadataFields,
  updateCustomMetadataField,
} from '@imagekit-fp/media'
import { anyId, anyRules, anySchema, words } from './test-support/arbitraries'
import { both } from './test-support/differential'
import { same } from './test-support/same'

describe('custom metadata fields: same request as @imagekit/nodejs 7', () => {
  it('listCustomMetadataFields', async () => {
    const query = fc.record(
      { includeDeleted: fc.boolean(), folderPath: fc.string({ maxLength: 20 }) },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(query, (q) =>
        same(
          both(
            (c) => listCustomMetadataFields(c, q),
            (n) => n.customMetadataFields.list(q),
          ),
        ),
      ),
      { numRuns: 30 },
    )
  })

  it('createCustomMetadataField, every schema type', async () => {
    const body = fc.record(
      { name: words, label: words, description: fc.string({ maxLength: 50 }), schema: anySchema },
      { requiredKeys: ['name', 'label', 'schema'] },
    )
    await fc.assert(
      fc.asyncProperty(body, (b) =>
        same(
          both(
            (c) => createCustomMetadataField(c, b),
            (n) => n.customMetadataFields.create(b),
          ),
        ),
      ),
      { numRuns: 60 },
    )
  })

  it('updateCustomMetadataField', async () => {
    const body = fc.record(
      {
        label: words,
        description: fc.string({ maxLength: 50 }),
        schema: anyRules,
      },
      { requiredKeys: ['label'] },
    )
    await fc.assert(
      fc.asyncProperty(anyId, body, (id, b) =>
        same(
          both(
            (c) => updateCustomMetadataField(c, { id, ...b }),
            (n) => n.customMetadataFields.update(id, b),
          ),
        ),
      ),
      { numRuns: 40 },
    )
  })

  it('deleteCustomMetadataField', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, (id) =>
        same(
          both(
            (c) => deleteCustomMetadataField(c, { id }),
            (n) => n.customMetadataFields.delete(id),
          ),
        ),
      ),
      { numRuns: 30 },
    )
  })
})

describe('custom metadata fields: deliberate differences from @imagekit/nodejs 7', () => {
  it('an update schema with a type: nodejs sends it, we leave it out (the API ignores it)', async () => {
    const { ours, theirs } = await both(
      (c) => updateCustomMetadataField(c, { id: 'f1', schema: { type: 'Text', maxLength: 5 } as never }),
      (n) => n.customMetadataFields.update('f1', { schema: { type: 'Text', maxLength: 5 } as never }),
    )
    expect(ours.map((w) => w.json)).toStrictEqual([{ schema: { maxLength: 5 } }])
    expect(theirs.map((w) => w.json)).toStrictEqual([{ schema: { type: 'Text', maxLength: 5 } }])
  })

  it('a schema whose rules do not fit its type: nodejs sends it, we refuse it before sending', async () => {
    const schema = { type: 'Number', minLength: 3 } as never
    const { ours, theirs, result } = await both(
      (c) => createCustomMetadataField(c, { name: 'n', label: 'l', schema }),
      (n) => n.customMetadataFields.create({ name: 'n', label: 'l', schema }),
    )
    expect([ours, theirs.length, result]).toStrictEqual([
      [],
      1,
      {
        _tag: 'Left',
        left: validationError('input.schema.minLength', 'only applies to type Text or Textarea'),
      },
    ])
  })

  it('an update with nothing to update: nodejs sends {}, we refuse it', async () => {
    const { ours, theirs } = await both(
      (c) => updateCustomMetadataField(c, { id: 'f1' }),
      (n) => n.customMetadataFields.update('f1', {}),
    )
    expect([ours, theirs.map((w) => w.json)]).toStrictEqual([[], [{}]])
  })
})
