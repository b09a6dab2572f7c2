// Contract: the custom metadata field operations against Prism serving ImageKit's patched spec (see
// test-support/contract.ts): valid requests raise no sl-violations, every documented error is an HttpError.
import { describe } from 'vitest'
import {
  createCustomMetadataField,
  deleteCustomMetadataField,
  listCustomMetadataFields,
  updateCustomMetadataField,
} from '@imagekit-fp/media'
import { contractCases, prismSpec, usePrism } from './test-support/contract'

const ID = '598821f949c0a938d57563dd'

describe.skipIf(prismSpec.path === undefined)('contract: custom metadata fields', () => {
  const prism = usePrism()
  contractCases(prism, [
    {
      operation: 'GET /v1/customMetadataFields',
      call: (c) => listCustomMetadataFields(c, { includeDeleted: true, folderPath: '/products/shoes' }),
    },
    {
      operation: 'POST /v1/customMetadataFields',
      call: (c) =>
        createCustomMetadataField(c, {
          name: 'size',
          label: 'Size',
          schema: {
            type: 'MultiSelect',
            selectOptions: ['S', 'M', 'L', 40, true],
            defaultValue: ['M', 40],
            isValueRequired: true,
          },
        }),
    },
    {
      operation: 'PATCH /v1/customMetadataFields/{id}',
      call: (c) =>
        updateCustomMetadataField(c, {
          id: ID,
          label: 'Price',
          schema: { minValue: 1000, maxValue: 3000, defaultValue: 1500 },
        }),
    },
    {
      operation: 'DELETE /v1/customMetadataFields/{id}',
      call: (c) => deleteCustomMetadataField(c, { id: ID }),
    },
  ])
})
