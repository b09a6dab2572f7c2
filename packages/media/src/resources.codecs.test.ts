// Codecs: every example response the spec gives for an issue-10 operation decodes with that operation's
// codec to itself, without a finding, and so do the canned replies of the operations the spec file lacks
// (named transformations, usage analytics), which follow @imagekit/nodejs 7.11's types. A reply that drifts
// is read and its findings named (the transport makes them drift reports, or a DecodeError when strict).
import { describe, expect, it } from 'vitest'
import { array } from '@imagekit-fp/utils/codec'
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
import { reading, type AnyCodec } from './test-support/drift'
import { ANALYTICS, ENDPOINT, EXTENSION, FIELD, NAMED, ORIGIN, USAGE } from './test-support/replies'
import { responses } from './test-support/spec'

const codecs: Record<string, AnyCodec> = {
  'GET /v1/customMetadataFields': array(CustomMetadataField),
  'POST /v1/customMetadataFields': CustomMetadataField,
  'PATCH /v1/customMetadataFields/{id}': CustomMetadataField,
  'GET /v1/saved-extensions': array(SavedExtension),
  'POST /v1/saved-extensions': SavedExtension,
  'GET /v1/saved-extensions/{id}': SavedExtension,
  'PATCH /v1/saved-extensions/{id}': SavedExtension,
  'GET /v1/accounts/usage': GetUsageResult,
  'GET /v1/accounts/origins': array(Origin),
  'POST /v1/accounts/origins': Origin,
  'GET /v1/accounts/origins/{id}': Origin,
  'PUT /v1/accounts/origins/{id}': Origin,
  'GET /v1/accounts/url-endpoints': array(UrlEndpoint),
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
    expect(reading(codec, value)).toStrictEqual({
      decoded: { _tag: 'Right', right: value },
      findings: [],
    })
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
    expect(reading(codec, extra)).toStrictEqual({
      decoded: { _tag: 'Right', right: extra },
      findings: [],
    })
  })

  const without = (value: object, key: string) =>
    Object.fromEntries(Object.entries(value).filter(([k]) => k !== key))
  const missing = (path: string, expected: string) => ({ path, kind: 'missing', expected, got: undefined })
  const FTP = { ...ORIGIN, type: 'FTP' }
  const COMPATIBLE = { ...ORIGIN, type: 'S3_COMPATIBLE', endpoint: 'https://e' }
  const COLOR = { ...FIELD, schema: { type: 'Color' } }
  const TYPES = "'Text' | 'Textarea' | 'Number' | 'Date' | 'Boolean' | 'SingleSelect' | 'MultiSelect'"
  const SAVED = { ...EXTENSION, config: { name: 'saved-extension', id: 'x' } }
  const CONFIGS =
    "'remove-bg' | 'google-auto-tagging' | 'aws-auto-tagging' | 'ai-auto-description' | 'ai-tasks'"
  const NO_REWRITER_FLAG = { ...ENDPOINT, urlRewriter: { type: 'CLOUDINARY' } }
  // Each row: the codec, the reply, what it decodes to, its findings, and `is` (true when nothing changed).
  // prettier-ignore
  it.each([
    ['an origin without its type-specific field', Origin, without(ORIGIN, 'bucket'), without(ORIGIN, 'bucket'), [missing('bucket', 'string')], false],
    ['an origin of an unknown type', Origin, FTP, { type: 'unknown', raw: FTP }, [{ path: 'type', kind: 'unknown-variant', expected: "'S3' | 'S3_COMPATIBLE' | 'CLOUDINARY_BACKUP' | 'WEB_FOLDER' | 'WEB_PROXY' | 'GCS' | 'AZURE_BLOB' | 'AKENEO_PIM'", got: 'FTP' }], false],
    ['an S3_COMPATIBLE origin without s3ForcePathStyle', Origin, COMPATIBLE, COMPATIBLE, [missing('s3ForcePathStyle', 'boolean')], false],
    ['a URL endpoint without origins', UrlEndpoint, without(ENDPOINT, 'origins'), without(ENDPOINT, 'origins'), [missing('origins', 'Array<string>')], false],
    ['a Cloudinary rewriter without preserveAssetDeliveryTypes', UrlEndpoint, NO_REWRITER_FLAG, NO_REWRITER_FLAG, [missing('urlRewriter.preserveAssetDeliveryTypes', 'boolean')], false],
    ['a field of an unknown type', CustomMetadataField, COLOR, COLOR, [{ path: 'schema.type', kind: 'unknown-value', expected: TYPES, got: 'Color' }], true],
    ['a named transformation without enabled', NamedTransformation, without(NAMED, 'enabled'), without(NAMED, 'enabled'), [missing('enabled', 'boolean')], false],
    ['an extension config of an unknown name', SavedExtension, SAVED, { ...EXTENSION, config: { name: 'unknown', raw: SAVED.config } }, [{ path: 'config.name', kind: 'unknown-variant', expected: CONFIGS, got: 'saved-extension' }], false],
  ] as const)('reads %s, and names what drifted', (_, codec, value, decoded, findings, is) => {
    const lax: AnyCodec = codec
    expect({ ...reading(lax, value), is: lax.is(value) }).toStrictEqual({
      decoded: { _tag: 'Right', right: decoded },
      findings,
      is,
    })
  })
})
