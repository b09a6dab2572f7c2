// Differential: the named transformation operations are not in the spec file, so @imagekit/nodejs 7.11 is
// the reference for their requests: each sends what it sends for the same input.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validationError } from '@imagekit-fp/utils'
import {
  createNamedTransformation,
  deleteNamedTransformation,
  getNamedTransformation,
  listNamedTransformations,
  updateNamedTransformation,
} from '@imagekit-fp/media'
import { anyId, words } from './test-support/arbitraries'
import { both } from './test-support/differential'
import { same } from './test-support/same'

const name = fc.stringMatching(/^\w{1,30}$/)
const transformation = fc.constantFrom(
  'w-150,h-150,fo-center,cm-pad_resize',
  'e-grayscale',
  'l-text,i-Hi,l-end',
)

describe('named transformations: same request as @imagekit/nodejs 7.11', () => {
  it('listNamedTransformations', () =>
    same(
      both(
        (c) => listNamedTransformations(c),
        (n) => n.namedTransformations.list(),
      ),
    ))

  it('createNamedTransformation', async () => {
    const body = fc.record(
      { name, transformation, enabled: fc.boolean() },
      { requiredKeys: ['name', 'transformation'] },
    )
    await fc.assert(
      fc.asyncProperty(body, (b) =>
        same(
          both(
            (c) => createNamedTransformation(c, b),
            (n) => n.namedTransformations.create(b),
          ),
        ),
      ),
      { numRuns: 30 },
    )
  })

  it('getNamedTransformation', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, (id) =>
        same(
          both(
            (c) => getNamedTransformation(c, { id }),
            (n) => n.namedTransformations.get(id),
          ),
        ),
      ),
      { numRuns: 20 },
    )
  })

  it('updateNamedTransformation', async () => {
    const body = fc
      .record({ name, transformation: words, enabled: fc.boolean() }, { requiredKeys: [] })
      .filter((b) => Object.keys(b).length > 0)
    await fc.assert(
      fc.asyncProperty(anyId, body, (id, b) =>
        same(
          both(
            (c) => updateNamedTransformation(c, { id, ...b }),
            (n) => n.namedTransformations.update(id, b),
          ),
        ),
      ),
      { numRuns: 30 },
    )
  })

  it('deleteNamedTransformation', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, (id) =>
        same(
          both(
            (c) => deleteNamedTransformation(c, { id }),
            (n) => n.namedTransformations.delete(id),
          ),
        ),
      ),
      { numRuns: 20 },
    )
  })
})

describe('named transformations: deliberate differences from @imagekit/nodejs 7.11', () => {
  it('a name outside its documented alphabet: nodejs sends it, we refuse it before sending', async () => {
    const { ours, theirs, result } = await both(
      (c) => createNamedTransformation(c, { name: 'small thumb', transformation: 'w-100' }),
      (n) => n.namedTransformations.create({ name: 'small thumb', transformation: 'w-100' }),
    )
    expect([ours, theirs.length, result]).toStrictEqual([
      [],
      1,
      { _tag: 'Left', left: validationError('input.name', 'may only contain letters, digits and _') },
    ])
  })
})
