// Contract: the account operations (usage, origins, URL endpoints) against Prism serving ImageKit's patched
// spec. getUsageAnalytics is not in the spec file (see account.differential.test.ts).
import { describe } from 'vitest'
import {
  createOrigin,
  createUrlEndpoint,
  deleteOrigin,
  deleteUrlEndpoint,
  getOrigin,
  getUrlEndpoint,
  getUsage,
  listOrigins,
  listUrlEndpoints,
  updateOrigin,
  updateUrlEndpoint,
} from '@imagekit-fp/media'
import { contractCases, prismSpec, usePrism } from './test-support/contract'

const ID = 'origin-id-1'

describe.skipIf(prismSpec.path === undefined)('contract: account', () => {
  const prism = usePrism()
  contractCases(prism, [
    {
      operation: 'GET /v1/accounts/usage',
      call: (c) => getUsage(c, { startDate: '2026-01-01', endDate: '2026-03-31' }),
    },
    { operation: 'GET /v1/accounts/origins', call: (c) => listOrigins(c) },
    {
      operation: 'POST /v1/accounts/origins',
      call: (c) =>
        createOrigin(c, {
          type: 'S3',
          name: 'US S3 Storage',
          bucket: 'product-images',
          prefix: 'raw-assets',
          accessKey: 'AKIAIOSFODNN7EXAMPLE',
          secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
          includeCanonicalHeader: true,
          baseUrlForCanonicalHeader: 'https://cdn.example.com',
        }),
    },
    { operation: 'GET /v1/accounts/origins/{id}', call: (c) => getOrigin(c, { id: ID }) },
    {
      operation: 'PUT /v1/accounts/origins/{id}',
      call: (c) =>
        updateOrigin(c, {
          id: ID,
          type: 'GCS',
          name: 'GCS media',
          bucket: 'gcs-media',
          clientEmail: 'service-account@project.iam.gserviceaccount.com',
          privateKey: '-----BEGIN PRIVATE KEY-----\nMIIEv...',
        }),
    },
    { operation: 'DELETE /v1/accounts/origins/{id}', call: (c) => deleteOrigin(c, { id: ID }) },
    { operation: 'GET /v1/accounts/url-endpoints', call: (c) => listUrlEndpoints(c) },
    {
      operation: 'POST /v1/accounts/url-endpoints',
      call: (c) =>
        createUrlEndpoint(c, {
          description: 'Old Cloudinary URLs',
          urlPrefix: 'legacy-images',
          origins: [ID, 'origin-id-2'],
          urlRewriter: { type: 'CLOUDINARY', preserveAssetDeliveryTypes: true },
        }),
    },
    { operation: 'GET /v1/accounts/url-endpoints/{id}', call: (c) => getUrlEndpoint(c, { id: 'default' }) },
    {
      operation: 'PUT /v1/accounts/url-endpoints/{id}',
      call: (c) =>
        updateUrlEndpoint(c, { id: 'pJ4hX2nQs', description: 'Imgix', urlRewriter: { type: 'IMGIX' } }),
    },
    {
      operation: 'DELETE /v1/accounts/url-endpoints/{id}',
      call: (c) => deleteUrlEndpoint(c, { id: 'pJ4hX2nQs' }),
    },
  ])
})
