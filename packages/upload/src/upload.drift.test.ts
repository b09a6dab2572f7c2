// Replies that drift from ImageKit's documented contract, for upload and uploadV2: each kind of drift read
// leniently (the exact Right and what onDrift hears) and strictly (the exact DecodeError); a reply without what
// identifies the file is a DecodeError in both modes.
import { describe, expect, it } from 'vitest'
import { upload, uploadV2, type UploadConfig } from '@imagekit-fp/upload'
import { AcceptedReply } from './internal/sendUpload'
import { UploadResult } from './model/UploadResult'
import { captureFetch, RESULT } from './test-support/capture'
import { drifts, listen, uploadDecodeError, type Found } from './test-support/drift'
import { bytes, server } from './test-support/uploadCases'

const AI_SOURCE = "'google-auto-tagging' | 'aws-auto-tagging'"
const EXTENSION_STATUS = "'success' | 'pending' | 'failed'"
const REQUEST_ID = 'req-drift-1'

/** One reply: its status and body, and what a lax reading gives (`value`) or why none can (`fault`). */
interface Row {
  readonly title: string
  readonly status: 200 | 202
  readonly body: object
  /** The lax Right (tag included), when the body identifies the file. */
  readonly value?: object
  /** Every drift, in the order they are found. */
  readonly found: readonly Found[]
  /** The codec the transport reads this status with. */
  readonly codec: unknown
  /** The fileId the strict DecodeError names. */
  readonly fileId?: string
  /** What makes the body unusable: `[path, got, message]`. */
  readonly fault?: readonly [string, unknown, string]
}

/**
 * RESULT with `changes`, in a 200 reply; its lax value is RESULT with `read` (keys set to `undefined` left out); a
 * strict DecodeError names `fileId` (`null`: none).
 */
const ok = (
  title: string,
  changes: object,
  read: object,
  found: readonly Found[],
  fileId: string | null = RESULT.fileId,
): Row => ({
  title,
  status: 200,
  body: { ...RESULT, ...changes },
  value: {
    ...Object.fromEntries(Object.entries({ ...RESULT, ...read }).filter(([, v]) => v !== undefined)),
    _tag: 'UploadResult',
  },
  found,
  codec: UploadResult,
  ...(fileId === null ? {} : { fileId }),
})

const rows: readonly Row[] = [
  ok('an undocumented null in an optional field', { width: null }, {}, [
    ['width', 'null', 'number', null, 'null'],
  ]),
  ok('an undocumented null in an optional object', { versionInfo: null }, {}, [
    ['versionInfo', 'null', 'VersionInfo', null, 'null'],
  ]),
  ok(
    'an AI tag source ImageKit added later',
    { AITags: [{ name: 'Shirt', confidence: 90.1, source: 'azure-auto-tagging' }] },
    { AITags: [{ name: 'Shirt', confidence: 90.1, source: 'azure-auto-tagging' }] },
    [['AITags[0].source', 'unknown-value', AI_SOURCE, 'azure-auto-tagging', '"azure-auto-tagging"']],
  ),
  ok(
    'an extension status ImageKit added later',
    { extensionStatus: { 'remove-bg': 'queued', 'google-auto-tagging': 'success' } },
    { extensionStatus: { 'remove-bg': 'queued', 'google-auto-tagging': 'success' } },
    [['extensionStatus.remove-bg', 'unknown-value', EXTENSION_STATUS, 'queued', '"queued"']],
  ),
  ok('a number sent as text ("300" → 300)', { size: '300' }, { size: 300 }, [
    ['size', 'coerced', 'number', '300', '"300"'],
  ]),
  ok('a boolean sent as text ("false" → false)', { isPrivateFile: 'false' }, { isPrivateFile: false }, [
    ['isPrivateFile', 'coerced', 'boolean', 'false', '"false"'],
  ]),
  ok('a string sent as a number (221 → "221")', { name: 221 }, { name: '221' }, [
    ['name', 'coerced', 'string', 221, '221'],
  ]),
  ok('a value that cannot be coerced (left out)', { height: 'tall' }, { height: undefined }, [
    ['height', 'dropped', 'number', 'tall', '"tall"'],
  ]),
  ok(
    'several drifts at once, nested ones included',
    { tags: ['a', 2, null], AITags: [{ confidence: 'high' }], size: '300' },
    { tags: ['a', '2'], AITags: [{}], size: 300 },
    [
      ['size', 'coerced', 'number', '300', '"300"'],
      ['tags[1]', 'coerced', 'string', 2, '2'],
      ['tags[2]', 'null', 'string', null, 'null'],
      ['AITags[0].confidence', 'dropped', 'number', 'high', '"high"'],
    ],
  ),
  ok('a field ImageKit added later (no drift)', { aNewField: { x: 1 } }, { aNewField: { x: 1 } }, []),
  ok(
    'embeddedMetadata: null, as documented (no drift)',
    { embeddedMetadata: null },
    { embeddedMetadata: null },
    [],
  ),
  ok(
    'a number fileId (coerced; the stored message names it)',
    { fileId: 221 },
    { fileId: '221' },
    [['fileId', 'coerced', 'string', 221, '221']],
    '221',
  ),
  {
    title: 'a body without a fileId (a fault)',
    status: 200,
    body: { name: 'a.jpg', size: '300' },
    found: [],
    codec: UploadResult,
    fault: [
      'fileId',
      undefined,
      'expected string, got undefined: the object cannot be identified without it',
    ],
  },
  {
    title: 'a 202 UploadAccepted with a number message',
    status: 202,
    body: { message: 1 },
    value: { message: '1', _tag: 'UploadAccepted' },
    found: [['message', 'coerced', 'string', 1, '1']],
    codec: AcceptedReply,
  },
  {
    title: 'a 202 UploadAccepted without a message',
    status: 202,
    body: { note: 'queued' },
    value: { note: 'queued', _tag: 'UploadAccepted' },
    found: [['message', 'missing', 'string', undefined, 'undefined']],
    codec: AcceptedReply,
  },
  {
    title: 'a 202 UploadAccepted with a field ImageKit added later (no drift)',
    status: 202,
    body: { message: 'queued', eta: 30 },
    value: { message: 'queued', eta: 30, _tag: 'UploadAccepted' },
    found: [],
    codec: AcceptedReply,
  },
  {
    title: 'a 202 that already carries the result, drifting',
    status: 202,
    body: { ...RESULT, size: '300' },
    value: { ...RESULT, size: 300, _tag: 'UploadResult' },
    found: [['size', 'coerced', 'number', '300', '"300"']],
    codec: AcceptedReply,
    fileId: RESULT.fileId,
  },
  {
    title: 'a 202 that is not an object (a fault)',
    status: 202,
    body: [],
    found: [],
    codec: AcceptedReply,
    fault: [
      '(root)',
      [],
      'expected UploadResult | UploadAccepted, got []: the object cannot be identified without it',
    ],
  },
]

const versions = [
  ['upload', upload, '/api/v1/files/upload'],
  ['uploadV2', uploadV2, '/api/v2/files/upload'],
] as const

describe.each(versions)('%s replies that drift', (_name, send, path) => {
  const url = `https://upload.imagekit.io${path}`
  const operation = `POST ${path}`

  /** Uploads one byte to a stub answering `row`, lax or strict; what onDrift heard and how many requests went. */
  const run = async (row: Row, strictResponses: boolean, headers: Record<string, string> = {}) => {
    const { fetch, calls } = captureFetch(() => Response.json(row.body, { status: row.status, headers }))
    const { onDrift, heard } = listen()
    const config: UploadConfig = { ...server(fetch), onDrift, strictResponses }
    const result = await send(config, { file: bytes('a'), fileName: 'a.jpg' })()
    return { result, heard, sent: calls.length }
  }

  const strictError = (row: Row) =>
    uploadDecodeError({
      codec: row.codec,
      url,
      body: row.body,
      ...(row.fileId === undefined ? {} : { fileId: row.fileId }),
      found: row.fault === undefined ? row.found : [row.fault],
      strict: row.fault === undefined,
    })

  const laxOutcome = (row: Row): string =>
    row.value === undefined
      ? 'a DecodeError saying the file is stored, no drift reported'
      : row.found.length === 0
        ? 'a Right, no drift reported'
        : `a Right, ${row.found.length} drift(s) reported with the request id`
  it.each(rows.map((row) => [`${row.title} is ${laxOutcome(row)}`, row] as const))(
    'lax: %s',
    async (_title, row) => {
      const { result, heard, sent } = await run(row, false, { 'x-request-id': REQUEST_ID })
      expect(result).toStrictEqual(
        row.value === undefined
          ? { _tag: 'Left', left: strictError(row) }
          : { _tag: 'Right', right: row.value },
      )
      expect(heard).toStrictEqual(drifts(operation, row.found, REQUEST_ID))
      expect(sent).toBe(1)
    },
  )

  const strictOutcome = (row: Row): string =>
    row.value !== undefined && row.found.length === 0
      ? 'the same Right'
      : `a DecodeError saying the file is stored${row.fileId === undefined ? '' : ' (and its fileId)'}`
  it.each(rows.map((row) => [`${row.title} is ${strictOutcome(row)}, nothing reported`, row] as const))(
    'strict: %s',
    async (_title, row) => {
      const { result, heard } = await run(row, true, { 'x-request-id': REQUEST_ID })
      expect(result).toStrictEqual(
        row.value !== undefined && row.found.length === 0
          ? { _tag: 'Right', right: row.value }
          : { _tag: 'Left', left: strictError(row) },
      )
      expect(heard).toStrictEqual([])
    },
  )

  it('leaves requestId out of a drift report when the reply has no x-request-id', async () => {
    const row = rows.find((r) => r.title.startsWith('a number sent as text'))!
    const { result, heard } = await run(row, false)
    expect(result).toStrictEqual({ _tag: 'Right', right: row.value })
    expect(heard).toStrictEqual([
      { operation, path: 'size', kind: 'coerced', expected: 'number', got: '300' },
    ])
  })
})
