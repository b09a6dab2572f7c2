// Contract: the folder, bulk job and cache operations against Prism serving ImageKit's patched spec (see
// test-support/contract.ts: valid call, every documented status).
import { describe, expect } from 'vitest'
import {
  copyFolder,
  createFolder,
  deleteFolder,
  getBulkJobStatus,
  getPurgeCacheStatus,
  moveFolder,
  purgeCache,
  renameFolder,
} from '@imagekit-fp/media'
import { contractCases, prismSpec, usePrism } from './test-support/contract'

const id = '598821f949c0a938d57563bd'

describe.skipIf(prismSpec.path === undefined)('contract: folders, bulk jobs, cache', () => {
  const prism = usePrism()
  contractCases(prism, [
    {
      operation: 'POST /v1/folder',
      call: (c) => createFolder(c, { folderName: 'summer', parentFolderPath: '/products' }),
    },
    { operation: 'DELETE /v1/folder', call: (c) => deleteFolder(c, { folderPath: '/products/summer' }) },
    {
      operation: 'POST /v1/bulkJobs/copyFolder',
      call: (c) => copyFolder(c, { sourceFolderPath: '/a', destinationPath: '/b', includeVersions: true }),
    },
    {
      operation: 'POST /v1/bulkJobs/moveFolder',
      call: (c) => moveFolder(c, { sourceFolderPath: '/a', destinationPath: '/b' }),
    },
    {
      operation: 'POST /v1/bulkJobs/renameFolder',
      call: (c) => renameFolder(c, { folderPath: '/a', newFolderName: 'c', purgeCache: true }),
    },
    {
      operation: 'GET /v1/bulkJobs/{jobId}',
      call: (c) => getBulkJobStatus(c, { jobId: id }),
      other2xx: (_, value) => expect(value).toMatchObject({ partial: true, status: 'Partial success' }),
    },
    {
      operation: 'POST /v1/files/purge',
      call: (c) => purgeCache(c, { url: 'https://ik.imagekit.io/demo/a.jpg?tr=w-100' }),
    },
    { operation: 'GET /v1/files/purge/{requestId}', call: (c) => getPurgeCacheStatus(c, { requestId: id }) },
  ])
})
