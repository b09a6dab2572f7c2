import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { UploadAccepted } from './UploadAccepted'
import { UploadResult } from './UploadResult'

/** The same shape written with io-ts's own combinators: the reference the small codec must agree with. */
const nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null])
const Reference = t.intersection([
  t.type({ fileId: t.string, name: t.string, filePath: t.string, url: t.string }),
  t.partial({
    thumbnailUrl: t.string,
    height: t.number,
    width: t.number,
    size: t.number,
    fileType: t.string,
    orientation: t.number,
    bitRate: t.number,
    duration: t.number,
    audioCodec: t.string,
    videoCodec: t.string,
    tags: nullable(t.array(t.string)),
    AITags: nullable(t.array(t.partial({ name: t.string, confidence: t.number, source: t.string }))),
    versionInfo: t.partial({ id: t.string, name: t.string }),
    isPrivateFile: t.boolean,
    isPublished: t.boolean,
    customCoordinates: nullable(t.string),
    customMetadata: t.UnknownRecord,
    embeddedMetadata: t.UnknownRecord,
    selectedFieldsSchema: t.UnknownRecord,
    extensionStatus: t.UnknownRecord,
    metadata: t.UnknownRecord,
    description: t.string,
  }),
])

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

/** Each error as `path: value`, the path made of the context keys (root key left out). */
const problems = (u: unknown): readonly string[] => {
  const r = UploadResult.decode(u)
  return r._tag === 'Right'
    ? []
    : r.left.map(
        (e) =>
          `${e.context
            .slice(1)
            .map((c) => c.key)
            .join('.')}: ${e.context.at(-1)?.type.name} <- ${JSON.stringify(e.value)}`,
      )
}

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

  const bad: readonly (readonly [string, unknown, readonly string[]])[] = [
    ['null', null, [': UploadResult <- null']],
    [
      'an array',
      [MINIMAL],
      [
        ': UploadResult <- [{"fileId":"f1","name":"a.jpg","filePath":"/a.jpg","url":"https://ik.imagekit.io/demo/a.jpg"}]',
      ],
    ],
    [
      'the 202 body',
      { message: 'queued' },
      [
        'fileId: string <- undefined',
        'name: string <- undefined',
        'filePath: string <- undefined',
        'url: string <- undefined',
      ],
    ],
    ['a number fileId', { ...MINIMAL, fileId: 1 }, ['fileId: string <- 1']],
    ['a string size', { ...MINIMAL, size: '1' }, ['size: number <- "1"']],
    ['a tag that is not a string', { ...MINIMAL, tags: ['a', 2] }, ['tags.1: string <- 2']],
    ['tags as a string', { ...MINIMAL, tags: 'a,b' }, ['tags: Array<string> | null <- "a,b"']],
    [
      'a bad AI tag',
      { ...MINIMAL, AITags: [{}, { confidence: 'high' }] },
      ['AITags.1.confidence: number <- "high"'],
    ],
    ['a bad versionInfo', { ...MINIMAL, versionInfo: { id: 7 } }, ['versionInfo.id: string <- 7']],
    ['metadata that is not an object', { ...MINIMAL, metadata: [] }, ['metadata: UnknownRecord <- []']],
    [
      'several problems',
      { ...MINIMAL, url: null, isPublished: 'yes' },
      ['url: string <- null', 'isPublished: boolean <- "yes"'],
    ],
  ]
  it.each(bad)('rejects %s, naming each failing path', (_title, body, expected) => {
    expect(problems(body)).toStrictEqual(expected)
    expect(UploadResult.is(body)).toBe(false)
  })

  it('encodes a decoded value back to the wire shape (the tag taken off)', () => {
    expect(UploadResult.encode({ ...FULL, _tag: 'UploadResult' })).toStrictEqual(FULL)
  })

  it('agrees with the same shape written with io-ts combinators, on any input', () => {
    const field = fc.oneof(fc.anything(), fc.constant(null), fc.string(), fc.double(), fc.boolean())
    const body = fc.record(
      {
        fileId: fc.oneof(fc.string(), field),
        name: fc.string(),
        filePath: fc.string(),
        url: fc.oneof(fc.string(), field),
        size: fc.oneof(fc.nat(), field),
        tags: fc.oneof(fc.array(fc.string()), fc.array(field), field),
        AITags: fc.oneof(
          fc.array(fc.record({ name: fc.string(), confidence: fc.oneof(fc.double(), field) })),
          field,
        ),
        versionInfo: fc.oneof(fc.record({ id: fc.oneof(fc.string(), field) }, { requiredKeys: [] }), field),
        customCoordinates: fc.oneof(fc.string(), field),
        metadata: field,
        isPublished: field,
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(body, fc.anything()), (u) => {
        const ours = UploadResult.decode(u)
        expect(ours._tag).toBe(Reference.decode(u)._tag)
        expect(UploadResult.is(u)).toBe(Reference.is(u) && (u as { _tag?: unknown })._tag === 'UploadResult')
        if (ours._tag === 'Right')
          expect(ours.right).toStrictEqual({ ...(u as object), _tag: 'UploadResult' })
      }),
      { numRuns: 2000 },
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

  const bad: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['a body without a message', {}],
    ['a number message', { message: 1 }],
  ]
  it.each(bad)('rejects %s', (_title, body) => {
    expect(UploadAccepted.decode(body)._tag).toBe('Left')
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
      expect(r.left.map((e) => [e.message, e.context.length, e.value === value])).toStrictEqual([
        ['could not be read', 1, true],
      ])
      expect(codec.is(value)).toBe(false)
    }
  })

  it('gives a Left, never a throw, for a body that reads as valid but cannot be copied', () => {
    const uncopyable = new Proxy({ ...MINIMAL, message: 'm' }, { ownKeys: trap })
    for (const codec of [UploadResult, UploadAccepted] as const) {
      const r = codec.decode(uncopyable)
      if (r._tag !== 'Left') throw new Error('expected a Left')
      expect(r.left.map((e) => [e.message, e.context.length, e.value === uncopyable])).toStrictEqual([
        ['could not be read', 1, true],
      ])
    }
  })
})
