// Codecs: every example response the spec gives for an issue-10 operation decodes with that operation's
// codec, and so do the canned replies of the operations the spec file lacks (named transformations, usage
// analytics), which follow @imagekit/nodejs 7.11's types.
import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import {
  CustomMetadataField,
  GetUsageAnalyticsResult,
  GetUsageResult,
  NamedTransformation,
  Origin,
  SavedExtension,
  UrlEndpoint,
} from '@imagekit-fp/media'
import { prismSpec } from './test-support/contract'
import { ANALYTICS, ENDPOINT, EXTENSION, FIELD, NAMED, ORIGIN, USAGE } from './test-support/replies'
import { responses } from './test-support/spec'

const codecs: Record<string, t.Decoder<unknown, unknown>> = {
  'GET /v1/customMetadataFields': t.array(CustomMetadataField),
  'POST /v1/customMetadataFields': CustomMetadataField,
  'PATCH /v1/customMetadataFields/{id}': CustomMetadataField,
  'GET /v1/saved-extensions': t.array(SavedExtension),
  'POST /v1/saved-extensions': SavedExtension,
  'GET /v1/saved-extensions/{id}': SavedExtension,
  'PATCH /v1/saved-extensions/{id}': SavedExtension,
  'GET /v1/accounts/usage': GetUsageResult,
  'GET /v1/accounts/origins': t.array(Origin),
  'POST /v1/accounts/origins': Origin,
  'GET /v1/accounts/origins/{id}': Origin,
  'PUT /v1/accounts/origins/{id}': Origin,
  'GET /v1/accounts/url-endpoints': t.array(UrlEndpoint),
  'POST /v1/accounts/url-endpoints': UrlEndpoint,
  'GET /v1/accounts/url-endpoints/{id}': UrlEndpoint,
  'PUT /v1/accounts/url-endpoints/{id}': UrlEndpoint,
}

describe.skipIf(prismSpec.path === undefined)('issue-10 codecs: every spec example decodes', () => {
  const examples = Object.entries(codecs).flatMap(([operation, codec]) => {
    const [method, path] = operation.split(' ') as [string, string]
    return responses(method, path)
      .filter((r) => r.status < 300)
      .flatMap((r) =>
        r.examples.map(([name, value]) => [`${operation} ${r.status} ${name}`, codec, value] as const),
      )
  })

  it('finds the examples the spec has (custom metadata fields and usage)', () => {
    expect(examples.map(([name]) => name)).toStrictEqual([
      'GET /v1/customMetadataFields 200 example',
      'POST /v1/customMetadataFields 201 example',
      'PATCH /v1/customMetadataFields/{id} 200 example',
      'GET /v1/accounts/usage 200 default',
    ])
  })

  it.each(examples)('%s', (_, codec, value) => {
    expect(codec.decode(value)).toStrictEqual({ _tag: 'Right', right: value })
  })
})

describe('issue-10 codecs: canned replies and drift', () => {
  it.each([
    ['CustomMetadataField', CustomMetadataField, FIELD],
    ['SavedExtension', SavedExtension, EXTENSION],
    ['NamedTransformation', NamedTransformation, NAMED],
    ['Origin', Origin, ORIGIN],
    ['UrlEndpoint', UrlEndpoint, ENDPOINT],
    ['GetUsageResult', GetUsageResult, USAGE],
    ['GetUsageAnalyticsResult', GetUsageAnalyticsResult, ANALYTICS],
  ] as const)('%s decodes a full reply and keeps extra fields', (_, codec, value) => {
    const extra = { ...value, addedLater: [1] }
    expect((codec as t.Decoder<unknown, unknown>).decode(extra)).toStrictEqual({
      _tag: 'Right',
      right: extra,
    })
  })

  it.each([
    ['an origin without its type-specific field', Origin, { ...ORIGIN, bucket: undefined }],
    ['an origin of an unknown type', Origin, { ...ORIGIN, type: 'FTP' }],
    [
      'an S3_COMPATIBLE origin without s3ForcePathStyle',
      Origin,
      { ...ORIGIN, type: 'S3_COMPATIBLE', endpoint: 'https://e' },
    ],
    ['a URL endpoint without origins', UrlEndpoint, { ...ENDPOINT, origins: undefined }],
    [
      'a Cloudinary rewriter without preserveAssetDeliveryTypes',
      UrlEndpoint,
      { ...ENDPOINT, urlRewriter: { type: 'CLOUDINARY' } },
    ],
    ['a field of an unknown type', CustomMetadataField, { ...FIELD, schema: { type: 'Color' } }],
    ['a named transformation without enabled', NamedTransformation, { ...NAMED, enabled: undefined }],
    [
      'an extension config of an unknown name',
      SavedExtension,
      { ...EXTENSION, config: { name: 'saved-extension', id: 'x' } },
    ],
  ] as const)('refuses %s', (_, codec, value) => {
    expect((codec as t.Decoder<unknown, unknown>).decode(value)._tag).toBe('Left')
  })
})
