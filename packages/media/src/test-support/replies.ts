// Canned replies of the issue-10 resources, each a valid value of its codec (used by the unit, codec and
// property tests).
export const FIELD = {
  id: '598821f949c0a938d57563dd',
  name: 'price',
  label: 'Price',
  schema: { type: 'Number', minValue: 1000, maxValue: 3000 },
}
export const EXTENSION = {
  id: 'ext_abc123',
  name: 'Tagging',
  description: 'Ten tags',
  config: { name: 'google-auto-tagging', minConfidence: 80, maxTags: 10 },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
}
export const NAMED = {
  id: '6bZ9x2ZUx',
  name: 'small_thumbnail',
  transformation: 'w-150,h-150',
  enabled: true,
  createdAt: '2025-01-01T00:00:00.000Z',
}
export const ORIGIN = {
  id: 'origin-id-1',
  type: 'S3',
  name: 'US S3 Storage',
  includeCanonicalHeader: false,
  bucket: 'product-images',
  prefix: 'raw-assets',
  useIAMRole: false,
}
export const ENDPOINT = {
  id: 'pJ4hX2nQs',
  description: 'Legacy',
  urlPrefix: 'legacy',
  origins: ['origin-id-1'],
  urlRewriter: { type: 'CLOUDINARY', preserveAssetDeliveryTypes: true },
}
export const USAGE = {
  bandwidthBytes: 21991583578,
  mediaLibraryStorageBytes: 1878758298,
  videoProcessingUnitsCount: 0,
  extensionUnitsCount: 0,
  originalCacheStorageBytes: 0,
}
const ranked = (name: string) => ({
  byBandwidth: [{ name, bandwidthBytes: 2048, requestCount: 3 }],
  byRequests: [{ name, bandwidthBytes: 1024, requestCount: 9 }],
})
/** A usage-analytics reply with every field `@imagekit/nodejs` 7.11 documents. */
export const ANALYTICS = {
  startDate: '2026-01-01',
  endDate: '2026-01-31',
  generatedAt: '2026-02-01T00:05:00.000Z',
  bandwidthBytes: 4096,
  requestCount: 12,
  cache: { hitCount: 10, missCount: 1, errorCount: 1 },
  browser: ranked('Chrome'),
  country: {
    byBandwidth: [{ code: 'IN', name: 'India', bandwidthBytes: 2048, requestCount: 3 }],
    byRequests: [{ code: 'US', name: 'United States', bandwidthBytes: 1024, requestCount: 9 }],
  },
  device: ranked('Desktop - Apple Mac'),
  format: ranked('image/webp'),
  urlEndpoints: ranked('Default'),
  topImages: ranked('https://ik.imagekit.io/demo/a.jpg'),
  topImageTransforms: ranked('tr:w-400,h-400'),
  topVideos: ranked('https://ik.imagekit.io/demo/clip.mp4'),
  topVideoTransforms: ranked('tr:h-720,f-mp4'),
  topOtherAssets: ranked('https://ik.imagekit.io/demo/a.pdf'),
  topReferrers: ranked('https://example.com/'),
  topUserAgents: ranked('Mozilla/5.0'),
  statusCodes: [{ name: '200', requestCount: 11 }],
  errorReasons: [{ name: 'Not found at origin', requestCount: 1 }],
  top404Assets: [{ name: 'https://ik.imagekit.io/demo/missing.jpg', requestCount: 1 }],
  extensions: [{ name: 'google-auto-tagging', operationCount: 2 }],
  videoProcessing: [{ resolution: 'HD', codec: 'h264', durationSeconds: 31.5 }],
}
