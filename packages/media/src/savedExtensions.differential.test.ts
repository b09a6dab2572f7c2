// Differential: each saved extension operation sends what @imagekit/nodejs 7 sends for the same input,
// for every documented extension configuration.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validationError } from '@imagekit-fp/utils'
import {
  createSavedExtension,
  deleteSavedExtension,
  getSavedExtension,
  listSavedExtensions,
  updateSavedExtension,
} from '@imagekit-fp/media'
import { anyExtensionConfig, anyId, words } from './test-support/arbitraries'
import { both } from './test-support/differential'
import { same } from './test-support/same'

describe('saved extensions: same request as @imagekit/nodejs 7', () => {
  it('listSavedExtensions', () =>
    same(
      both(
        (c) => listSavedExtensions(c),
        (n) => n.savedExtensions.list(),
      ),
    ))

  it('createSavedExtension, every extension config', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ name: words, description: words, config: anyExtensionConfig }), (b) =>
        same(
          both(
            (c) => createSavedExtension(c, b),
            (n) => n.savedExtensions.create(b),
          ),
        ),
      ),
      { numRuns: 80 },
    )
  })

  it('getSavedExtension', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, (id) =>
        same(
          both(
            (c) => getSavedExtension(c, { id }),
            (n) => n.savedExtensions.get(id),
          ),
        ),
      ),
      { numRuns: 20 },
    )
  })

  it('updateSavedExtension', async () => {
    const body = fc.record(
      { name: words, description: words, config: anyExtensionConfig },
      { requiredKeys: ['config'] },
    )
    await fc.assert(
      fc.asyncProperty(anyId, body, (id, b) =>
        same(
          both(
            (c) => updateSavedExtension(c, { id, ...b }),
            (n) => n.savedExtensions.update(id, b),
          ),
        ),
      ),
      { numRuns: 40 },
    )
  })

  it('deleteSavedExtension', async () => {
    await fc.assert(
      fc.asyncProperty(anyId, (id) =>
        same(
          both(
            (c) => deleteSavedExtension(c, { id }),
            (n) => n.savedExtensions.delete(id),
          ),
        ),
      ),
      { numRuns: 20 },
    )
  })
})

describe('saved extensions: deliberate differences from @imagekit/nodejs 7', () => {
  it('an auto-tagging config without maxTags: nodejs sends it, we refuse it before sending', async () => {
    const config = { name: 'google-auto-tagging', minConfidence: 50 } as never
    const { ours, theirs, result } = await both(
      (c) => createSavedExtension(c, { name: 'n', description: 'd', config }),
      (n) => n.savedExtensions.create({ name: 'n', description: 'd', config }),
    )
    expect([ours, theirs.length, result]).toStrictEqual([
      [],
      1,
      { _tag: 'Left', left: validationError('input.config.maxTags', 'is required') },
    ])
  })

  it('an update with nothing to update: nodejs sends {}, we refuse it', async () => {
    const { ours, theirs } = await both(
      (c) => updateSavedExtension(c, { id: 'ext_1' }),
      (n) => n.savedExtensions.update('ext_1', {}),
    )
    expect([ours, theirs.map((w) => w.json)]).toStrictEqual([[], [{}]])
  })
})
