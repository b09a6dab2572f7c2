// Contract: the saved extension operations against Prism serving ImageKit's patched spec.
import { describe } from 'vitest'
import {
  createSavedExtension,
  deleteSavedExtension,
  getSavedExtension,
  listSavedExtensions,
  updateSavedExtension,
} from '@imagekit-fp/media'
import { contractCases, prismSpec, usePrism } from './test-support/contract'

const ID = 'ext_abc123'

describe.skipIf(prismSpec.path === undefined)('contract: saved extensions', () => {
  const prism = usePrism()
  contractCases(prism, [
    { operation: 'GET /v1/saved-extensions', call: (c) => listSavedExtensions(c) },
    {
      operation: 'POST /v1/saved-extensions',
      call: (c) =>
        createSavedExtension(c, {
          name: 'Fashion',
          description: 'Tags clothing and flags luxury items',
          config: {
            name: 'ai-tasks',
            tasks: [
              {
                type: 'select_tags',
                instruction: 'What clothing is visible?',
                vocabulary: ['shirt', 'dress'],
                min_selections: 0,
                max_selections: 2,
              },
              {
                type: 'select_metadata',
                instruction: 'Main colour?',
                field: 'color',
                vocabulary: ['red', 3, true],
              },
              {
                type: 'yes_no',
                instruction: 'Is it luxury?',
                on_yes: {
                  add_tags: ['luxury'],
                  remove_tags: ['budget'],
                  set_metadata: [{ field: 'tier', value: ['premium', 1] }],
                  unset_metadata: [{ field: 'discount' }],
                },
                on_no: { add_tags: ['standard'] },
                on_unknown: { remove_tags: ['luxury'] },
              },
            ],
          },
        }),
    },
    { operation: 'GET /v1/saved-extensions/{id}', call: (c) => getSavedExtension(c, { id: ID }) },
    {
      operation: 'PATCH /v1/saved-extensions/{id}',
      call: (c) =>
        updateSavedExtension(c, {
          id: ID,
          name: 'No background',
          description: 'Removes the background, adds a shadow',
          config: {
            name: 'remove-bg',
            options: { add_shadow: true, semitransparency: false, bg_color: '81d4fa' },
          },
        }),
    },
    { operation: 'DELETE /v1/saved-extensions/{id}', call: (c) => deleteSavedExtension(c, { id: ID }) },
  ])
})
