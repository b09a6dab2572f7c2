// Contract: the file operations against Prism serving ImageKit's patched spec (see test-support/contract.ts).
import { describe } from 'vitest'
import { getFileDetails } from '@imagekit-fp/media'
import { contractCases, prismSpec, usePrism } from './test-support/contract'

const FILE_ID = '598821f949c0a938d57563bd'

describe.skipIf(prismSpec.path === undefined)('contract: files', () => {
  const prism = usePrism()
  contractCases(prism, [
    { operation: 'GET /v1/files/{fileId}/details', call: (c) => getFileDetails(c, { fileId: FILE_ID }) },
  ])
})
