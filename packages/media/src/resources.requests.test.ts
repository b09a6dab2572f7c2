// Every issue-10 operation, one table row each: the whole request it sends (method, path, query, JSON body,
// headers), the whole result it decodes, and whether a 503 is retried (GET, PUT, DELETE) or not (POST,
// PATCH). The input checks of each operation have their own files (<fn>.test.ts).
import { describe, expect, it } from 'vitest'
import type { taskEither } from 'fp-ts'
import {
  createCustomMetadataField,
  createNamedTransformation,
  createOrigin,
  createSavedExtension,
  createUrlEndpoint,
  deleteCustomMetadataField,
  deleteNamedTransformation,
  deleteOrigin,
  deleteSavedExtension,
  deleteUrlEndpoint,
  getNamedTransformation,
  getOrigin,
  getSavedExtension,
  getUrlEndpoint,
  getUsage,
  getUsageAnalytics,
  listCustomMetadataFields,
  listNamedTransformations,
  listOrigins,
  listSavedExtensions,
  listUrlEndpoints,
  updateCustomMetadataField,
  updateNamedTransformation,
  updateOrigin,
  updateSavedExtension,
  updateUrlEndpoint,
  type MediaConfig,
  type MediaError,
} from '@imagekit-fp/media'
import { decodeError, httpError } from '@imagekit-fp/utils'
import type { Drift } from '@imagekit-fp/utils/codec'
import { expectNoSecret } from '../../utils/src/http/test-support/secrets'
import { ANALYTICS, ENDPOINT, EXTENSION, FIELD, NAMED, ORIGIN, USAGE } from './test-support/replies'
import { json, KEY, stubFetch, type DriftConfig } from './test-support/stub'

type Query = readonly (readonly [string, string])[]
interface Row {
  readonly call: (c: MediaConfig) => taskEither.TaskEither<MediaError, unknown>
  readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  readonly path: string
  readonly query?: Query
  readonly json?: unknown
  /** The reply body (status 200, or 204 when undefined) and so the expected result. */
  readonly reply?: unknown
  /** The name of the reply's codec, as error messages give it. */
  readonly codec?: string
}

const S3 = { type: 'S3', name: 'US S3', bucket: 'b', accessKey: 'AK', secretKey: 'SK' } as const
const ENDPOINT_BODY = { description: 'Legacy', urlPrefix: 'legacy', origins: ['origin-id-1'] }

const rows: Record<string, Row> = {
  listCustomMetadataFields: {
    call: (c) => listCustomMetadataFields(c, { includeDeleted: true, folderPath: '/a b/c' }),
    method: 'GET',
    path: '/v1/customMetadataFields',
    query: [
      ['includeDeleted', 'true'],
      ['folderPath', '/a b/c'],
    ],
    reply: [FIELD],
    codec: 'Array<CustomMetadataField>',
  },
  createCustomMetadataField: {
    call: (c) =>
      createCustomMetadataField(c, {
        name: 'price',
        label: 'Price',
        schema: { type: 'Number', minValue: 1000 },
      }),
    method: 'POST',
    path: '/v1/customMetadataFields',
    json: { name: 'price', label: 'Price', schema: { type: 'Number', minValue: 1000 } },
    reply: FIELD,
    codec: 'CustomMetadataField',
  },
  updateCustomMetadataField: {
    call: (c) => updateCustomMetadataField(c, { id: FIELD.id, description: '', schema: { maxValue: 3000 } }),
    method: 'PATCH',
    path: `/v1/customMetadataFields/${FIELD.id}`,
    json: { description: '', schema: { maxValue: 3000 } },
    reply: FIELD,
    codec: 'CustomMetadataField',
  },
  deleteCustomMetadataField: {
    call: (c) => deleteCustomMetadataField(c, { id: FIELD.id }),
    method: 'DELETE',
    path: `/v1/customMetadataFields/${FIELD.id}`,
  },
  listSavedExtensions: {
    call: (c) => listSavedExtensions(c),
    method: 'GET',
    path: '/v1/saved-extensions',
    reply: [EXTENSION],
    codec: 'Array<SavedExtension>',
  },
  getSavedExtension: {
    call: (c) => getSavedExtension(c, { id: 'ext_abc123' }),
    method: 'GET',
    path: '/v1/saved-extensions/ext_abc123',
    reply: EXTENSION,
    codec: 'SavedExtension',
  },
  createSavedExtension: {
    call: (c) =>
      createSavedExtension(c, {
        name: 'Tagging',
        description: 'Ten tags',
        config: EXTENSION.config as never,
      }),
    method: 'POST',
    path: '/v1/saved-extensions',
    json: { name: 'Tagging', description: 'Ten tags', config: EXTENSION.config },
    reply: EXTENSION,
    codec: 'SavedExtension',
  },
  updateSavedExtension: {
    call: (c) => updateSavedExtension(c, { id: 'ext_abc123', config: { name: 'ai-auto-description' } }),
    method: 'PATCH',
    path: '/v1/saved-extensions/ext_abc123',
    json: { config: { name: 'ai-auto-description' } },
    reply: EXTENSION,
    codec: 'SavedExtension',
  },
  deleteSavedExtension: {
    call: (c) => deleteSavedExtension(c, { id: 'ext_abc123' }),
    method: 'DELETE',
    path: '/v1/saved-extensions/ext_abc123',
  },
  listNamedTransformations: {
    call: (c) => listNamedTransformations(c),
    method: 'GET',
    path: '/v1/named-transformations',
    reply: [NAMED],
    codec: 'Array<NamedTransformation>',
  },
  getNamedTransformation: {
    call: (c) => getNamedTransformation(c, { id: NAMED.id }),
    method: 'GET',
    path: `/v1/named-transformations/${NAMED.id}`,
    reply: NAMED,
    codec: 'NamedTransformation',
  },
  createNamedTransformation: {
    call: (c) =>
      createNamedTransformation(c, { name: 'small_thumbnail', transformation: 'w-150,h-150', enabled: true }),
    method: 'POST',
    path: '/v1/named-transformations',
    json: { name: 'small_thumbnail', transformation: 'w-150,h-150', enabled: true },
    reply: NAMED,
    codec: 'NamedTransformation',
  },
  updateNamedTransformation: {
    call: (c) => updateNamedTransformation(c, { id: NAMED.id, enabled: false }),
    method: 'PATCH',
    path: `/v1/named-transformations/${NAMED.id}`,
    json: { enabled: false },
    reply: { ...NAMED, enabled: false },
    codec: 'NamedTransformation',
  },
  deleteNamedTransformation: {
    call: (c) => deleteNamedTransformation(c, { id: NAMED.id }),
    method: 'DELETE',
    path: `/v1/named-transformations/${NAMED.id}`,
  },
  getUsage: {
    call: (c) => getUsage(c, { startDate: '2026-01-01', endDate: '2026-03-31' }),
    method: 'GET',
    path: '/v1/accounts/usage',
    query: [
      ['startDate', '2026-01-01'],
      ['endDate', '2026-03-31'],
    ],
    reply: USAGE,
    codec: 'GetUsageResult',
  },
  getUsageAnalytics: {
    call: (c) => getUsageAnalytics(c, { startDate: '2026-01-31', endDate: '2026-01-31' }),
    method: 'GET',
    path: '/v1/accounts/usage-analytics',
    query: [
      ['startDate', '2026-01-31'],
      ['endDate', '2026-01-31'],
    ],
    reply: ANALYTICS,
    codec: 'GetUsageAnalyticsResult',
  },
  listOrigins: {
    call: (c) => listOrigins(c),
    method: 'GET',
    path: '/v1/accounts/origins',
    reply: [ORIGIN],
    codec: 'Array<Origin>',
  },
  getOrigin: {
    call: (c) => getOrigin(c, { id: ORIGIN.id }),
    method: 'GET',
    path: `/v1/accounts/origins/${ORIGIN.id}`,
    reply: ORIGIN,
    codec: 'Origin',
  },
  createOrigin: {
    call: (c) => createOrigin(c, S3),
    method: 'POST',
    path: '/v1/accounts/origins',
    json: S3,
    reply: ORIGIN,
    codec: 'Origin',
  },
  updateOrigin: {
    call: (c) => updateOrigin(c, { id: ORIGIN.id, ...S3 }),
    method: 'PUT',
    path: `/v1/accounts/origins/${ORIGIN.id}`,
    json: S3,
    reply: ORIGIN,
    codec: 'Origin',
  },
  deleteOrigin: {
    call: (c) => deleteOrigin(c, { id: ORIGIN.id }),
    method: 'DELETE',
    path: `/v1/accounts/origins/${ORIGIN.id}`,
  },
  listUrlEndpoints: {
    call: (c) => listUrlEndpoints(c),
    method: 'GET',
    path: '/v1/accounts/url-endpoints',
    reply: [ENDPOINT],
    codec: 'Array<UrlEndpoint>',
  },
  getUrlEndpoint: {
    call: (c) => getUrlEndpoint(c, { id: 'default' }),
    method: 'GET',
    path: '/v1/accounts/url-endpoints/default',
    reply: ENDPOINT,
    codec: 'UrlEndpoint',
  },
  createUrlEndpoint: {
    call: (c) => createUrlEndpoint(c, ENDPOINT_BODY),
    method: 'POST',
    path: '/v1/accounts/url-endpoints',
    json: ENDPOINT_BODY,
    reply: ENDPOINT,
    codec: 'UrlEndpoint',
  },
  updateUrlEndpoint: {
    call: (c) => updateUrlEndpoint(c, { id: ENDPOINT.id, ...ENDPOINT_BODY, urlRewriter: { type: 'AKAMAI' } }),
    method: 'PUT',
    path: `/v1/accounts/url-endpoints/${ENDPOINT.id}`,
    json: { ...ENDPOINT_BODY, urlRewriter: { type: 'AKAMAI' } },
    reply: ENDPOINT,
    codec: 'UrlEndpoint',
  },
  deleteUrlEndpoint: {
    call: (c) => deleteUrlEndpoint(c, { id: ENDPOINT.id }),
    method: 'DELETE',
    path: `/v1/accounts/url-endpoints/${ENDPOINT.id}`,
  },
}

/**
 * The row's reply with one field mistyped (a number id, or a byte count as a string): the body sent, what lax
 * reads it as, and the drift it is (path, what is documented, what came).
 */
const mistyped = (row: Row) => {
  const list = Array.isArray(row.reply)
  const item = (list ? (row.reply as unknown[])[0] : row.reply) as Record<string, unknown>
  const [key, got, read, expected] =
    'id' in item
      ? ['id', 42, '42', 'string']
      : ['bandwidthBytes', String(item['bandwidthBytes']), item['bandwidthBytes'], 'number']
  const wrap = (v: unknown) => (list ? [{ ...item, [key]: v }] : { ...item, [key]: v })
  return { body: wrap(got), right: wrap(read), path: list ? `[0].${key}` : key, expected, got }
}

const answer = (row: Row) => (row.reply === undefined ? json(null, 204) : json(row.reply))
const auth = `Basic ${btoa(`${KEY}:`)}`
const url = (row: Row) =>
  `https://api.imagekit.io${row.path}${row.query ? `?${new URLSearchParams(row.query as unknown as string[][])}` : ''}`

describe('issue-10 operations: request and result', () => {
  it.each(Object.entries(rows))('%s sends its request and decodes the reply', async (_, row) => {
    const stub = stubFetch(() => answer(row))
    const result = await row.call({ privateKey: KEY, fetch: stub.fetch, retry: 0 })()
    expect(result).toStrictEqual({ _tag: 'Right', right: row.reply })
    expect(stub.calls).toStrictEqual([
      {
        method: row.method,
        path: row.path,
        query: row.query ?? [],
        json: row.json,
        headers:
          row.json === undefined
            ? { accept: 'application/json', authorization: auth }
            : { accept: 'application/json', authorization: auth, 'content-type': 'application/json' },
      },
    ])
  })

  it.each(Object.entries(rows))('%s retries a 503 only if its method is idempotent', async (_, row) => {
    let n = 0
    const stub = stubFetch(() => (n++ === 0 ? json({ message: 'busy' }, 503) : answer(row)))
    const result = await row.call({ privateKey: KEY, fetch: stub.fetch, retry: { limit: 1, maxDelay: 1 } })()
    const retried = row.method === 'GET' || row.method === 'PUT' || row.method === 'DELETE'
    expect([stub.calls.length, result._tag]).toStrictEqual(retried ? [2, 'Right'] : [1, 'Left'])
  })

  it.each(Object.entries(rows))(
    "%s gives ImageKit's error as an HttpError, without the key",
    async (_, row) => {
      const body = {
        message: 'Your account cannot be authenticated.',
        help: 'For support kindly contact us.',
      }
      const stub = stubFetch(() => json(body, 401, { 'x-request-id': 'req-1' }))
      const result = await row.call({ privateKey: KEY, fetch: stub.fetch, retry: 0 })()
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: httpError({
          status: 401,
          message: body.message,
          help: body.help,
          body,
          url: url(row),
          requestId: 'req-1',
        }),
      })
      expectNoSecret(result, KEY)
    },
  )

  const decoding = Object.entries(rows).filter(([, row]) => row.reply !== undefined)

  it.each(decoding)(
    '%s reads a mistyped field: coerced and reported (lax), a DecodeError naming it (strict)',
    async (_, row) => {
      const { body, right, path, expected, got } = mistyped(row)
      const heard: Drift[] = []
      const stub = stubFetch(() => json(body))
      const lax: DriftConfig = { privateKey: KEY, fetch: stub.fetch, retry: 0, onDrift: (d) => heard.push(d) }
      expect({ result: await row.call(lax)(), heard }).toStrictEqual({
        result: { _tag: 'Right', right },
        heard: [{ operation: `${row.method} ${row.path}`, path, kind: 'coerced', expected, got }],
      })
      const strict: DriftConfig = { privateKey: KEY, fetch: stub.fetch, retry: 0, strictResponses: true }
      const says = `expected ${expected}, got ${JSON.stringify(got)} (coerced)`
      expect(await row.call(strict)()).toStrictEqual({
        _tag: 'Left',
        left: decodeError(
          [
            {
              value: got,
              context: [
                { key: '', type: expect.objectContaining({ name: row.codec }), actual: body },
                { key: path, type: expect.objectContaining({ name: row.codec }), actual: got },
              ],
              message: says,
            },
          ],
          `the response to ${row.method} ${url(row)} does not match ${row.codec} (strictResponses): ${path}: ${says}`,
          body,
        ),
      })
    },
  )

  it.each(decoding)(
    '%s is a DecodeError in both modes when the reply is not its shape at all',
    async (_, row) => {
      for (const strictResponses of [false, true]) {
        const stub = stubFetch(() => json(true))
        const config: DriftConfig = { privateKey: KEY, fetch: stub.fetch, retry: 0, strictResponses }
        const says = `expected ${row.codec}, got true: the object cannot be identified without it`
        expect(await row.call(config)()).toStrictEqual({
          _tag: 'Left',
          left: decodeError(
            [
              {
                value: true,
                context: [
                  { key: '', type: expect.objectContaining({ name: row.codec }), actual: true },
                  { key: '', type: expect.objectContaining({ name: row.codec }), actual: true },
                ],
                message: says,
              },
            ],
            `the response to ${row.method} ${url(row)} does not match ${row.codec}: (root): ${says}`,
            true,
          ),
        })
      }
    },
  )
})
