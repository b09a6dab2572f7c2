// Canned replies, each a valid value of its codec (used by the unit, codec, drift and property tests).
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

/**
 * ImageKit's documented file object ("File object structure", docs.imagekit.io/api-reference/media-api), with
 * two of its ten AI tags: `embeddedMetadata` and `customCoordinates` are `null`, `customMetadata` is `{}`.
 */
export const DOCUMENTED_FILE = {
  type: 'file',
  name: 'sample-car.jpeg',
  createdAt: '2021-12-11T00:58:39.685Z',
  updatedAt: '2022-05-19T10:57:07.511Z',
  fileId: '61b3f7bf75889b0b19970117',
  tags: ['luxury'],
  AITags: [
    { name: 'Wheel', confidence: 95.44, source: 'google-auto-tagging' },
    { name: 'Car', confidence: 99.87, source: 'aws-auto-tagging' },
  ],
  versionInfo: { id: '61b3f7bf75889b0b19970117', name: 'Version 1' },
  embeddedMetadata: null,
  customCoordinates: null,
  customMetadata: {},
  isPrivateFile: false,
  url: 'https://ik.imagekit.io/demo/sample-car.jpeg',
  thumbnail: 'https://ik.imagekit.io/demo/tr:n-ik_ml_thumbnail/sample-car.jpeg',
  fileType: 'image',
  filePath: '/sample-car.jpeg',
  height: 638,
  width: 1342,
  size: 1451076,
  hasAlpha: true,
  mime: 'image/png',
}
/** A folder as `listFiles` lists it. */
export const FOLDER = {
  type: 'folder',
  folderId: '6465a4cbd0a4e7a3e4c5b9f1',
  name: 'cars',
  folderPath: '/cars',
  customMetadata: {},
  createdAt: '2023-05-18T04:10:51.652Z',
  updatedAt: '2023-05-18T04:10:51.652Z',
}
/** An image's metadata (`getFileMetadata`, `getRemoteFileMetadata`), with some EXIF. */
export const METADATA = {
  height: 68,
  width: 100,
  size: 7749,
  format: 'jpg',
  hasColorProfile: true,
  quality: 0,
  density: 72,
  hasTransparency: false,
  pHash: 'f06830ca9f1e3e90',
  exif: {
    image: { Make: 'Canon', Model: 'Canon EOS 40D', Orientation: 1 },
    exif: { ExposureTime: 0.00625, ISO: 100 },
    gps: { GPSVersionID: [2, 2, 0, 0] },
    makernote: {},
  },
}
