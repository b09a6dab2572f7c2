// Drift of the account replies (origins, URL endpoints, usage, usage analytics): each class of change, read
// lax (a Right and drift reports) and strict (a DecodeError) through the transport (test-support/drift.ts).
import { describe } from 'vitest'
import {
  createOrigin,
  createUrlEndpoint,
  getOrigin,
  getUrlEndpoint,
  getUsage,
  getUsageAnalytics,
  listOrigins,
  listUrlEndpoints,
  updateOrigin,
  updateUrlEndpoint,
} from '@imagekit-fp/media'
import {
  driftCases,
  edit,
  fault,
  GONE,
  listFaults,
  read,
  resource,
  same,
  type DriftCase,
  type Finding,
} from './test-support/drift'
import { ANALYTICS, ENDPOINT, ORIGIN, USAGE } from './test-support/replies'

const API = 'https://api.imagekit.io'

describe('drift: origins', () => {
  const TYPES =
    "'S3' | 'S3_COMPATIBLE' | 'CLOUDINARY_BACKUP' | 'WEB_FOLDER' | 'WEB_PROXY' | 'GCS' | 'AZURE_BLOB' | 'AKENEO_PIM'"
  const WEB = {
    id: 'origin-id-2',
    type: 'WEB_FOLDER',
    name: 'Shop',
    includeCanonicalHeader: true,
    baseUrlForCanonicalHeader: 'https://shop.example.com',
    baseUrl: 'https://images.example.com',
    forwardHostHeaderToOrigin: false,
  }
  const FTP = edit(ORIGIN, 'type', 'FTP')
  // prettier-ignore
  const rows = (codec: string): DriftCase[] => [
    same('an S3 origin', ORIGIN),
    same('a web folder origin', WEB),
    same('a field added later', edit(ORIGIN, 'region', 'eu-west-1')),
    read('an unknown union variant', FTP, { type: 'unknown', raw: FTP }, ['type', 'unknown-variant', TYPES, 'FTP']),
    read('null in an optional field', edit(ORIGIN, 'useIAMRole', null), edit(ORIGIN, 'useIAMRole', GONE), ['useIAMRole', 'null', 'boolean', null]),
    read('a boolean sent as a string', edit(ORIGIN, 'includeCanonicalHeader', 'false'), ORIGIN, ['includeCanonicalHeader', 'coerced', 'boolean', 'false']),
    read('a number where a string is expected', edit(ORIGIN, 'prefix', 5), edit(ORIGIN, 'prefix', '5'), ['prefix', 'coerced', 'string', 5]),
    read('an uncoercible value', edit(ORIGIN, 'name', {}), edit(ORIGIN, 'name', GONE), ['name', 'dropped', 'string', {}]),
    read('a missing documented field', edit(ORIGIN, 'bucket', GONE), edit(ORIGIN, 'bucket', GONE), ['bucket', 'missing', 'string', undefined]),
    read('id sent as a number', edit(ORIGIN, 'id', 42), edit(ORIGIN, 'id', '42'), ['id', 'coerced', 'string', 42]),
    fault('no type (missing discriminant)', edit(ORIGIN, 'type', GONE), ['type', 'invalid', TYPES, undefined]),
    fault('no id (missing identity)', edit(ORIGIN, 'id', GONE), ['id', 'invalid', 'string', undefined]),
    fault('a body that is not an object', 42, ['(root)', 'invalid', codec, 42]),
  ]
  const S3 = { type: 'S3', name: 'US S3', bucket: 'b', accessKey: 'AK', secretKey: 'SK' } as const
  resource(
    { call: (c) => listOrigins(c), operation: 'GET /v1/accounts/origins', url: `${API}/v1/accounts/origins` },
    [
      {
        call: (c) => getOrigin(c, { id: ORIGIN.id }),
        operation: `GET /v1/accounts/origins/${ORIGIN.id}`,
        url: `${API}/v1/accounts/origins/${ORIGIN.id}`,
      },
      {
        call: (c) => createOrigin(c, S3),
        operation: 'POST /v1/accounts/origins',
        url: `${API}/v1/accounts/origins`,
      },
      {
        call: (c) => updateOrigin(c, { id: ORIGIN.id, ...S3 }),
        operation: `PUT /v1/accounts/origins/${ORIGIN.id}`,
        url: `${API}/v1/accounts/origins/${ORIGIN.id}`,
      },
    ],
    'Origin',
    rows,
    listFaults(ORIGIN, 'Origin'),
  )
})

describe('drift: URL endpoints', () => {
  const REWRITERS = "'CLOUDINARY' | 'IMGIX' | 'AKAMAI'"
  const FASTLY = { type: 'FASTLY', keepQuery: true }
  const UNTYPED = { preserveAssetDeliveryTypes: true }
  // prettier-ignore
  const rows = (codec: string): DriftCase[] => [
    same('an endpoint with a rewriter', ENDPOINT),
    same('an endpoint without a rewriter', edit(ENDPOINT, 'urlRewriter', GONE)),
    same('a field added later', edit(ENDPOINT, 'createdAt', '2026-01-01T00:00:00Z')),
    read('an unknown union variant', edit(ENDPOINT, 'urlRewriter', FASTLY), edit(ENDPOINT, 'urlRewriter', { type: 'unknown', raw: FASTLY }), ['urlRewriter.type', 'unknown-variant', REWRITERS, 'FASTLY']),
    read('null in an optional field', edit(ENDPOINT, 'urlRewriter', null), edit(ENDPOINT, 'urlRewriter', GONE), ['urlRewriter', 'null', 'UrlRewriter', null]),
    read('null in a documented field', edit(ENDPOINT, 'urlPrefix', null), edit(ENDPOINT, 'urlPrefix', GONE), ['urlPrefix', 'null', 'string', null]),
    read('a boolean sent as a string', edit(ENDPOINT, 'urlRewriter.preserveAssetDeliveryTypes', 'true'), ENDPOINT, ['urlRewriter.preserveAssetDeliveryTypes', 'coerced', 'boolean', 'true']),
    read('a number where a string is expected', edit(ENDPOINT, 'origins', [1]), edit(ENDPOINT, 'origins', ['1']), ['origins[0]', 'coerced', 'string', 1]),
    read('an uncoercible value', edit(ENDPOINT, 'description', {}), edit(ENDPOINT, 'description', GONE), ['description', 'dropped', 'string', {}]),
    read('a missing documented field', edit(ENDPOINT, 'origins', GONE), edit(ENDPOINT, 'origins', GONE), ['origins', 'missing', 'Array<string>', undefined]),
    read('a missing documented field of a variant', edit(ENDPOINT, 'urlRewriter', { type: 'CLOUDINARY' }), edit(ENDPOINT, 'urlRewriter', { type: 'CLOUDINARY' }), ['urlRewriter.preserveAssetDeliveryTypes', 'missing', 'boolean', undefined]),
    fault('a rewriter without its discriminant (a fault of the whole body)', edit(ENDPOINT, 'urlRewriter', UNTYPED), ['urlRewriter.type', 'invalid', REWRITERS, undefined]),
    read('id sent as a number', edit(ENDPOINT, 'id', 42), edit(ENDPOINT, 'id', '42'), ['id', 'coerced', 'string', 42]),
    fault('no id (missing identity)', edit(ENDPOINT, 'id', GONE), ['id', 'invalid', 'string', undefined]),
    fault('a null id', edit(ENDPOINT, 'id', null), ['id', 'invalid', 'string', null]),
    fault('a body that is not an object', 42, ['(root)', 'invalid', codec, 42]),
  ]
  const BODY = { description: 'Legacy', urlPrefix: 'legacy', origins: ['origin-id-1'] }
  resource(
    {
      call: (c) => listUrlEndpoints(c),
      operation: 'GET /v1/accounts/url-endpoints',
      url: `${API}/v1/accounts/url-endpoints`,
    },
    [
      {
        call: (c) => getUrlEndpoint(c, { id: ENDPOINT.id }),
        operation: `GET /v1/accounts/url-endpoints/${ENDPOINT.id}`,
        url: `${API}/v1/accounts/url-endpoints/${ENDPOINT.id}`,
      },
      {
        call: (c) => createUrlEndpoint(c, BODY),
        operation: 'POST /v1/accounts/url-endpoints',
        url: `${API}/v1/accounts/url-endpoints`,
      },
      {
        call: (c) => updateUrlEndpoint(c, { id: ENDPOINT.id, ...BODY }),
        operation: `PUT /v1/accounts/url-endpoints/${ENDPOINT.id}`,
        url: `${API}/v1/accounts/url-endpoints/${ENDPOINT.id}`,
      },
    ],
    'UrlEndpoint',
    rows,
    listFaults(ENDPOINT, 'UrlEndpoint'),
  )
})

describe('drift: usage', () => {
  const PERIOD = 'startDate=2026-01-01&endDate=2026-01-31'
  // prettier-ignore
  driftCases({ call: (c) => getUsage(c, { startDate: '2026-01-01', endDate: '2026-01-31' }), operation: 'GET /v1/accounts/usage', url: `${API}/v1/accounts/usage?${PERIOD}`, codec: 'GetUsageResult' }, [
    same('the usage', USAGE),
    same('a field added later', edit(USAGE, 'aiUnitsCount', 3)),
    same('no bandwidth (nothing is documented as always present)', edit(USAGE, 'bandwidthBytes', GONE)),
    read('null in an optional field', edit(USAGE, 'extensionUnitsCount', null), edit(USAGE, 'extensionUnitsCount', GONE), ['extensionUnitsCount', 'null', 'number', null]),
    read('a number sent as a string', edit(USAGE, 'bandwidthBytes', '21991583578'), USAGE, ['bandwidthBytes', 'coerced', 'number', '21991583578']),
    read('an uncoercible value', edit(USAGE, 'bandwidthBytes', 'lots'), edit(USAGE, 'bandwidthBytes', GONE), ['bandwidthBytes', 'dropped', 'number', 'lots']),
    read('an empty array for the object', [], {}, ['(root)', 'coerced', 'GetUsageResult', []]),
    fault('a body that is not an object', 42, ['(root)', 'invalid', 'GetUsageResult', 42]),
  ])

  /** What each field of the analytics documents, for a reply without any. */
  const documented: Record<keyof typeof ANALYTICS, string> = {
    startDate: 'string',
    endDate: 'string',
    generatedAt: 'string',
    bandwidthBytes: 'number',
    requestCount: 'number',
    cache: 'Cache',
    browser: 'Ranked',
    country: 'Countries',
    device: 'Ranked',
    format: 'Ranked',
    urlEndpoints: 'Ranked',
    topImages: 'Ranked',
    topImageTransforms: 'Ranked',
    topVideos: 'Ranked',
    topVideoTransforms: 'Ranked',
    topOtherAssets: 'Ranked',
    topReferrers: 'Ranked',
    topUserAgents: 'Ranked',
    statusCodes: 'Array<Count>',
    errorReasons: 'Array<Count>',
    top404Assets: 'Array<Count>',
    extensions: 'Array<ExtensionCount>',
    videoProcessing: 'Array<VideoProcessing>',
  }
  const none = Object.entries(documented).map(([k, v]): Finding => [k, 'missing', v, undefined])
  // prettier-ignore
  driftCases({ call: (c) => getUsageAnalytics(c, { startDate: '2026-01-01', endDate: '2026-01-31' }), operation: 'GET /v1/accounts/usage-analytics', url: `${API}/v1/accounts/usage-analytics?${PERIOD}`, codec: 'GetUsageAnalyticsResult' }, [
    same('the analytics', ANALYTICS),
    same('a field added later', edit(ANALYTICS, 'topCountries', [])),
    read('null in a documented field', edit(ANALYTICS, 'country.byBandwidth.0.code', null), edit(ANALYTICS, 'country.byBandwidth.0.code', GONE), ['country.byBandwidth[0].code', 'null', 'string', null]),
    read('a number sent as a string', edit(ANALYTICS, 'cache.hitCount', '10'), ANALYTICS, ['cache.hitCount', 'coerced', 'number', '10']),
    read('a number where a string is expected', edit(ANALYTICS, 'statusCodes.0.name', 200), edit(ANALYTICS, 'statusCodes.0.name', '200'), ['statusCodes[0].name', 'coerced', 'string', 200]),
    read('an uncoercible value', edit(ANALYTICS, 'statusCodes.0.requestCount', 'many'), edit(ANALYTICS, 'statusCodes.0.requestCount', GONE), ['statusCodes[0].requestCount', 'dropped', 'number', 'many']),
    read('a missing documented field', edit(ANALYTICS, 'videoProcessing', GONE), edit(ANALYTICS, 'videoProcessing', GONE), ['videoProcessing', 'missing', 'Array<VideoProcessing>', undefined]),
    read('every documented field missing (the message names ten)', {}, {}, ...none),
    fault('a body that is not an object', 42, ['(root)', 'invalid', 'GetUsageAnalyticsResult', 42]),
  ])
})
