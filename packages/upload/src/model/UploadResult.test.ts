import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INVALID, readAll, type Finding } from '@imagekit-fp/utils/codec'
import { errorsOf, faultText } from '../test-support/drift'
import { UploadAccepted } from './UploadAccepted'
import { UploadResult } from './UploadResult'

const MINIMAL = { fileId: 'f1', name: 'a.jpg', filePath: '/a.jpg', url: 'https://ik.imagekit.io/demo/a.jpg' }

const FULL = {
  ...MINIMAL,
  thumbnailUrl: 'https://ik.imagekit.io/demo/tr:n-ik_ml_thumbnail/a.jpg',
  height: 100,
  width: 200,
  size: 1234,
  fileType: 'image',
  orientation: 1,
  bitRate: 0,
  duration: 0,
  audioCodec: 'aac',
  videoCodec: 'h264',
  tags: ['a', 'b'],
  AITags: [{ name: 'Shoe', confidence: 90.5, source: 'google-auto-tagging' }, {}],
  versionInfo: { id: 'v1', name: 'Version 1' },
  isPrivateFile: false,
  isPublished: true,
  customCoordinates: null,
  customMetadata: { brand: 'Nike' },
  embeddedMetadata: { XResolution: 72 },
  selectedFieldsSchema: { brand: { type: 'Text' } },
  extensionStatus: { 'remove-bg': 'pending' },
  metadata: { height: 100, exif: {} },
  description: 'A shoe',
  aNewFieldImageKitAddsLater: { x: 1 },
}

/** A finding of a reading, as readAll gives it. */
const f = (path: string, kind: Finding['kind'], expected: string, got: unknown): Finding => ({
  path,
  kind,
  expected,
  got,
})

const AI_SOURCE = "'google-auto-tagging' | 'aws-auto-tagging'"
const EXTENSION_STATUS = "'success' | 'pending' | 'failed'"

/**
 * A body the lax reading types: the value it gives (without the tag), what it forgave, and whether `is` holds of
 * the body (true when nothing was coerced or left out: an unknown enum value changes nothing).
 */
type Lax = readonly [title: string, body: object, value: object, findings: readonly Finding[], is: boolean]

const laxReadings: readonly Lax[] = [
  [
    'a number fileId (coerced)',
    { ...MINIMAL, fileId: 1 },
    { ...MINIMAL, fileId: '1' },
    [f('fileId', 'coerced', 'string', 1)],
    false,
  ],
  [
    'a string size (coerced)',
    { ...MINIMAL, size: '1' },
    { ...MINIMAL, size: 1 },
    [f('size', 'coerced', 'number', '1')],
    false,
  ],
  [
    'a "false" isPrivateFile (coerced)',
    { ...MINIMAL, isPrivateFile: 'false' },
    { ...MINIMAL, isPrivateFile: false },
    [f('isPrivateFile', 'coerced', 'boolean', 'false')],
    false,
  ],
  [
    'a tag that is a number (coerced)',
    { ...MINIMAL, tags: ['a', 2] },
    { ...MINIMAL, tags: ['a', '2'] },
    [f('tags[1]', 'coerced', 'string', 2)],
    false,
  ],
  [
    'a null tag (left out)',
    { ...MINIMAL, tags: ['a', null] },
    { ...MINIMAL, tags: ['a'] },
    [f('tags[1]', 'null', 'string', null)],
    false,
  ],
  [
    'tags as a string (dropped)',
    { ...MINIMAL, tags: 'a,b' },
    MINIMAL,
    [f('tags', 'dropped', 'Array<string> | null', 'a,b')],
    false,
  ],
  [
    'an AI tag with a word for its confidence (dropped)',
    { ...MINIMAL, AITags: [{}, { confidence: 'high' }] },
    { ...MINIMAL, AITags: [{}, {}] },
    [f('AITags[1].confidence', 'dropped', 'number', 'high')],
    false,
  ],
  [
    'an AI tag source ImageKit added later (passed through)',
    { ...MINIMAL, AITags: [{ name: 'Shoe', source: 'azure-auto-tagging' }] },
    { ...MINIMAL, AITags: [{ name: 'Shoe', source: 'azure-auto-tagging' }] },
    [f('AITags[0].source', 'unknown-value', AI_SOURCE, 'azure-auto-tagging')],
    true,
  ],
  [
    'an extension status ImageKit added later (passed through)',
    { ...MINIMAL, extensionStatus: { 'remove-bg': 'queued', 'google-auto-tagging': 'success' } },
    { ...MINIMAL, extensionStatus: { 'remove-bg': 'queued', 'google-auto-tagging': 'success' } },
    [f('extensionStatus.remove-bg', 'unknown-value', EXTENSION_STATUS, 'queued')],
    true,
  ],
  [
    'an extension status in another case (coerced)',
    { ...MINIMAL, extensionStatus: { 'remove-bg': 'Failed' } },
    { ...MINIMAL, extensionStatus: { 'remove-bg': 'failed' } },
    [f('extensionStatus.remove-bg', 'coerced', EXTENSION_STATUS, 'Failed')],
    false,
  ],
  [
    'a number versionInfo id (coerced)',
    { ...MINIMAL, versionInfo: { id: 7 } },
    { ...MINIMAL, versionInfo: { id: '7' } },
    [f('versionInfo.id', 'coerced', 'string', 7)],
    false,
  ],
  [
    'metadata sent as an empty array (coerced to {})',
    { ...MINIMAL, metadata: [] },
    { ...MINIMAL, metadata: {} },
    [f('metadata', 'coerced', 'object', [])],
    false,
  ],
  [
    'metadata sent as a list (dropped)',
    { ...MINIMAL, metadata: [1] },
    MINIMAL,
    [f('metadata', 'dropped', 'object', [1])],
    false,
  ],
  [
    'a null url and a "yes" isPublished (both left out)',
    { ...MINIMAL, url: null, isPublished: 'yes' },
    { fileId: 'f1', name: 'a.jpg', filePath: '/a.jpg' },
    [f('url', 'null', 'string', null), f('isPublished', 'dropped', 'boolean', 'yes')],
    false,
  ],
  [
    'documented nulls (tags, AITags, customCoordinates, embeddedMetadata) and extra fields (no drift)',
    { ...FULL, tags: null, AITags: null, embeddedMetadata: null },
    { ...FULL, tags: null, AITags: null, embeddedMetadata: null },
    [],
    true,
  ],
]

/** A body the lax reading refuses: what makes it unusable, and the message that says so. */
type Fault = readonly [title: string, body: unknown, finding: Finding, shown: string]

const faults: readonly Fault[] = [
  ['null', null, f('(root)', 'invalid', 'UploadResult', null), 'null'],
  [
    'an array',
    [{ fileId: 'f1' }],
    f('(root)', 'invalid', 'UploadResult', [{ fileId: 'f1' }]),
    '[{"fileId":"f1"}]',
  ],
  [
    'the 202 body (no fileId)',
    { message: 'queued' },
    f('fileId', 'invalid', 'string', undefined),
    'undefined',
  ],
  ['a null fileId', { ...MINIMAL, fileId: null }, f('fileId', 'invalid', 'string', null), 'null'],
  [
    'an object fileId',
    { ...MINIMAL, fileId: { id: 'f1' } },
    f('fileId', 'invalid', 'string', { id: 'f1' }),
    '{"id":"f1"}',
  ],
]

describe('UploadResult', () => {
  it('decodes a minimal body to a copy tagged UploadResult, leaving the body as it was', () => {
    const body = { ...MINIMAL }
    const r = UploadResult.decode(body)
    expect(r).toStrictEqual({ _tag: 'Right', right: { ...MINIMAL, _tag: 'UploadResult' } })
    expect(r._tag === 'Right' && r.right).not.toBe(body)
    expect(body).toStrictEqual(MINIMAL)
  })

  it('decodes every documented field and keeps fields it does not know; is wants the tag', () => {
    expect(UploadResult.decode(FULL)).toStrictEqual({
      _tag: 'Right',
      right: { ...FULL, _tag: 'UploadResult' },
    })
    expect(UploadResult.is(FULL)).toBe(false)
    expect(UploadResult.is({ ...FULL, _tag: 'UploadResult' })).toBe(true)
    expect(UploadResult.is({ ...FULL, _tag: 'UploadAccepted' })).toBe(false)
  })

  it('sets its own _tag over one the body has', () => {
    expect(UploadResult.decode({ ...MINIMAL, _tag: 'UploadAccepted' })).toStrictEqual({
      _tag: 'Right',
      right: { ...MINIMAL, _tag: 'UploadResult' },
    })
  })

  it('accepts null for tags, AITags and customCoordinates, and undefined for any optional field', () => {
    const body = { ...MINIMAL, tags: null, AITags: null, customCoordinates: null, height: undefined }
    expect(UploadResult.decode(body)).toStrictEqual({
      _tag: 'Right',
      right: { ...body, _tag: 'UploadResult' },
    })
  })

  it.each(laxReadings)('reads %s leniently, saying what it forgave', (_title, body, value, findings, is) => {
    const tagged = { ...value, _tag: 'UploadResult' }
    expect(UploadResult.decode(body)).toStrictEqual({ _tag: 'Right', right: tagged })
    expect(readAll(UploadResult, body)).toStrictEqual({ value: tagged, findings })
    expect(UploadResult.is({ ...body, _tag: 'UploadResult' })).toBe(is)
    expect(UploadResult.is(tagged)).toBe(true)
  })

  it.each(faults)('refuses %s: the file cannot be identified', (_title, body, finding, shown) => {
    expect(UploadResult.decode(body)).toStrictEqual({
      _tag: 'Left',
      left: errorsOf(UploadResult, body, [[finding.path, finding.got, faultText(finding.expected, shown)]]),
    })
    expect(readAll(UploadResult, body)).toStrictEqual({ value: INVALID, findings: [finding] })
    expect(UploadResult.is(body)).toBe(false)
  })

  it('encodes a decoded value back to the wire shape (the tag taken off)', () => {
    expect(UploadResult.encode({ ...FULL, _tag: 'UploadResult' })).toStrictEqual(FULL)
  })
})

/** JSON-ish values ImageKit might drift to: nulls, numbers as text, booleans as text, anything at all. */
const drifting = fc.oneof(
  fc.constant(null),
  fc.constantFrom('300', '-1.5', 'true', 'false', '', 'high'),
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.anything(),
)

/** FULL with any of its fields left out or replaced by a drifting value, nested ones included. */
const mutatedBody = fc.record(
  {
    ...Object.fromEntries(Object.entries(FULL).map(([k, v]) => [k, fc.oneof(fc.constant(v), drifting)])),
    tags: fc.oneof(fc.array(fc.oneof(fc.string(), drifting)), drifting),
    AITags: fc.oneof(
      fc.array(
        fc.oneof(
          fc.record(
            {
              name: fc.oneof(fc.string(), drifting),
              confidence: fc.oneof(fc.double(), drifting),
              source: fc.oneof(
                fc.constantFrom('google-auto-tagging', 'aws-auto-tagging', 'Google-Auto-Tagging'),
                drifting,
              ),
            },
            { requiredKeys: [] },
          ),
          drifting,
        ),
      ),
      drifting,
    ),
    extensionStatus: fc.oneof(
      fc.dictionary(
        fc.string(),
        fc.oneof(fc.constantFrom('success', 'pending', 'failed', 'Pending'), drifting),
      ),
      drifting,
    ),
    versionInfo: fc.oneof(fc.record({ id: drifting, name: drifting }, { requiredKeys: [] }), drifting),
  },
  { requiredKeys: [] },
)

/** What the lax reading can identify a file by: a string, or a number or boolean read as its text. */
const usableId = (u: unknown): boolean =>
  typeof u === 'string' ? u.trim() !== '' : typeof u === 'number' && Number.isFinite(u)

describe('UploadResult (properties)', () => {
  it('never throws, and is a Left only when the body has no usable fileId', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedBody, fc.anything()), (u) => {
        const isBody = typeof u === 'object' && u !== null && !Array.isArray(u)
        const fileId: unknown = isBody ? (u as { fileId?: unknown }).fileId : undefined
        const r = UploadResult.decode(u)
        const is = UploadResult.is(u)
        if (r._tag === 'Left') {
          expect(isBody && usableId(fileId)).toBe(false)
          expect(r.left.map((e) => e.context.map((c) => c.key))).toStrictEqual([['', isBody ? 'fileId' : '']])
          expect(is).toBe(false)
          return
        }
        expect(isBody && usableId(fileId)).toBe(true)
        expect(r.right.fileId).toBe(String(fileId))
        expect(r.right._tag).toBe('UploadResult')
        // Read again, the lax value stays as it is: nothing left to coerce or leave out, only what no reading
        // repairs (a value ImageKit added later, a documented field that is missing).
        const again = readAll(UploadResult, r.right)
        expect(again.value).toStrictEqual(r.right)
        expect(
          again.findings.filter((x) => x.kind !== 'unknown-value' && x.kind !== 'missing'),
        ).toStrictEqual([])
      }),
      { numRuns: 2000 },
    )
  })

  it('never throws on a body with a getter that throws, and refuses it', () => {
    const trap = () => {
      throw new Error('trap')
    }
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(FULL), 'aNewField'), (key) => {
        const body = Object.defineProperty({ ...FULL }, key, { get: trap, enumerable: true })
        for (const codec of [UploadResult, UploadAccepted] as const) {
          const r = codec.decode(body)
          expect(r._tag === 'Left' && r.left.map((e) => e.context.map((c) => c.key))).toStrictEqual([
            ['', ''],
          ])
          expect(codec.is(body)).toBe(false)
        }
      }),
    )
  })
})

describe('UploadAccepted', () => {
  it("decodes the 202 body to a copy tagged UploadAccepted, its own _tag over the body's", () => {
    const body = { message: 'Your request has been accepted. It will be processed shortly.' }
    const r = UploadAccepted.decode(body)
    expect(r).toStrictEqual({ _tag: 'Right', right: { ...body, _tag: 'UploadAccepted' } })
    expect(r._tag === 'Right' && r.right).not.toBe(body)
    expect(UploadAccepted.decode({ ...body, _tag: 'UploadResult' })).toStrictEqual(r)
    expect(UploadAccepted.is(body)).toBe(false)
    expect(UploadAccepted.is({ ...body, _tag: 'UploadAccepted' })).toBe(true)
    expect(UploadAccepted.encode({ ...body, _tag: 'UploadAccepted' })).toStrictEqual(body)
  })

  const laxBodies: readonly (readonly [string, object, object, readonly Finding[]])[] = [
    ['a body without a message', {}, {}, [f('message', 'missing', 'string', undefined)]],
    ['a null message', { message: null }, {}, [f('message', 'null', 'string', null)]],
    ['a number message', { message: 1 }, { message: '1' }, [f('message', 'coerced', 'string', 1)]],
    ['an object message', { message: { text: 'm' } }, {}, [f('message', 'dropped', 'string', { text: 'm' })]],
  ]
  it.each(laxBodies)('reads %s leniently, saying what it forgave', (_title, body, value, findings) => {
    const tagged = { ...value, _tag: 'UploadAccepted' }
    expect(UploadAccepted.decode(body)).toStrictEqual({ _tag: 'Right', right: tagged })
    expect(readAll(UploadAccepted, body)).toStrictEqual({ value: tagged, findings })
    expect(UploadAccepted.is({ ...body, _tag: 'UploadAccepted' })).toBe(false)
  })

  it.each([
    ['null', null, 'null'],
    ['an array', [], '[]'],
    ['a string', 'accepted', '"accepted"'],
  ])('refuses %s', (_title, body, shown) => {
    expect(UploadAccepted.decode(body)).toStrictEqual({
      _tag: 'Left',
      left: errorsOf(UploadAccepted, body, [['(root)', body, faultText('UploadAccepted', shown)]]),
    })
    expect(UploadAccepted.is(body)).toBe(false)
  })
})

describe('UploadResult and UploadAccepted on hostile values', () => {
  const trap = () => {
    throw new Error('trap')
  }
  const hostile = new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap })
  const revoked = (() => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy
  })()
  it.each([
    ['a proxy whose traps throw', hostile],
    ['a revoked proxy', revoked],
  ])('decode gives a Left and is gives false for %s, never a throw', (_title, value) => {
    for (const codec of [UploadResult, UploadAccepted] as const) {
      // (Compared field by field: the matchers themselves would walk the proxy.)
      const r = codec.decode(value)
      if (r._tag !== 'Left') throw new Error('expected a Left')
      expect(
        r.left.map((e) => [
          e.message,
          e.context.map((c) => c.key),
          e.context[0]?.type === codec,
          e.value === value,
        ]),
      ).toStrictEqual([[faultText(codec.name, '(unreadable)'), ['', ''], true, true]])
      expect(codec.is(value)).toBe(false)
    }
  })

  it('gives a Left, never a throw, for a body that reads as valid but cannot be copied', () => {
    const uncopyable = new Proxy({ ...MINIMAL, message: 'm' }, { ownKeys: trap })
    for (const codec of [UploadResult, UploadAccepted] as const) {
      const r = codec.decode(uncopyable)
      if (r._tag !== 'Left') throw new Error('expected a Left')
      // The copy that carries the tag is what fails: the reading before it found nothing wrong.
      expect(
        r.left.map((e) => [e.message, e.context.map((c) => c.key), e.value === uncopyable]),
      ).toStrictEqual([[faultText(codec.name, '[object Object]'), ['', ''], true]])
      expect(codec.is(uncopyable)).toBe(false)
    }
  })
})
