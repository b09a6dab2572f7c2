import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { array, literal, nullable, oneOf, record, struct, tagged, union } from './combinators'
import {
  Empty,
  laxBoolean,
  laxNumber,
  laxRecord,
  laxScalar,
  laxScalarOrList,
  laxString,
  laxStringOrNumber,
  laxUnknown,
} from './scalars'
import { AITag, FileDetails, SelectedFieldSchema, detailsFields, fileFields } from './file'
import { INVALID, describeValue, readAll, type LaxType } from './lax'

/** Any lax codec, for tables that mix them. */
type AnyCodec = LaxType<any, any>

const Folder = struct('Folder', { identity: { type: literal('folder'), folderId: laxString } })
const Item = union('Item', 'type', { file: FileDetails, folder: Folder }, (u) =>
  'folderId' in u ? 'folder' : 'fileId' in u ? 'file' : undefined,
)
const Named = struct('Named', { required: { name: laxString }, optional: { size: laxNumber } })

/** Every kind of codec of the toolkit. */
const CODECS: readonly AnyCodec[] = [
  laxString,
  laxNumber,
  laxBoolean,
  laxRecord,
  laxScalar,
  laxScalarOrList,
  laxStringOrNumber,
  laxUnknown,
  Empty,
  oneOf('Status', ['Pending', 'Completed']),
  literal('folder'),
  nullable(laxNumber),
  array(AITag),
  record(SelectedFieldSchema),
  Named,
  FileDetails,
  array(FileDetails),
  Item,
  array(Item),
  tagged('Done', Named),
]
/** The codecs whose `is` is exact (see the union's known bug in combinators.test.ts; Empty reads all as nothing). */
const EXACT = CODECS.filter((c) => c !== Empty && c !== Item && c.name !== 'Array<Item>')

/** Values a reply may hold where a documented one was expected. */
const drifted = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    null,
    '',
    ' ',
    '300',
    '-1.5',
    'false',
    'true',
    [],
    {},
    '1e400',
    '9007199254740993',
    'pending',
  ),
)
const FILE_KEYS = ['fileId', 'type', ...Object.keys(fileFields), ...Object.keys(detailsFields), 'extra']
/** Objects shaped like a file whose fields may hold anything. */
const fileLike = fc.dictionary(fc.constantFrom(...FILE_KEYS), drifted, { maxKeys: 8 })

/**
 * Stands for a revoked proxy, made by `real` inside the property: fast-check asks each generated value whether it
 * can be cloned, which a revoked proxy answers by throwing.
 */
const REVOKED = Symbol('revoked')
const real = (u: unknown): unknown => {
  if (u !== REVOKED) return Array.isArray(u) ? u.map(real) : u
  const p = Proxy.revocable({}, {})
  p.revoke()
  return p.proxy
}

/** Also values no JSON body holds: getters and proxies that throw, revoked proxies, symbols, cycles. */
const hostile = fc.oneof(
  fc.anything({
    withBigInt: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
  }),
  fileLike,
  fc.constant(
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('get trap')
        },
        ownKeys: () => {
          throw new Error('ownKeys trap')
        },
      },
    ),
  ),
  fc.constant(REVOKED),
  fc.constant(
    Object.defineProperty({ fileId: 'f1' }, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('getter')
      },
    }),
  ),
  fc.constant(
    (() => {
      const o: Record<string, unknown> = { fileId: 'f1' }
      o['versionInfo'] = o
      return o
    })(),
  ),
  fc.constant(Symbol('s')),
)

describe('codec properties', () => {
  it('never throws, and a value is unusable exactly when a fault was found', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CODECS),
        fc.oneof(hostile, fc.array(hostile, { maxLength: 3 })),
        (codec, generated) => {
          const u = real(generated)
          const { value, findings } = readAll(codec, u)
          expect(value === INVALID).toBe(findings.some((f) => f.kind === 'invalid'))
          expect(codec.decode(u)._tag).toBe(value === INVALID ? 'Left' : 'Right')
          expect(typeof codec.is(u)).toBe('boolean')
          for (const f of findings) expect(describeValue(f.got).length).toBeLessThanOrEqual(60)
        },
      ),
    )
  })

  it('reads a file-like JSON object as a Left exactly when its fileId is unusable', () => {
    const usable = (id: unknown) =>
      (typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id))
    fc.assert(
      fc.property(fc.oneof(fileLike, fc.jsonValue({ maxDepth: 2 })), (u) => {
        const isObject = typeof u === 'object' && u !== null && !Array.isArray(u)
        const ok = isObject && usable((u as Record<string, unknown>)['fileId'])
        expect(FileDetails.decode(u)._tag).toBe(ok ? 'Right' : 'Left')
      }),
    )
  })

  it('reads what it read again to the same value (decoding is idempotent)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CODECS),
        fc.oneof(fileLike, fc.array(fileLike, { maxLength: 3 }), drifted),
        (codec, u) => {
          const first = readAll(codec, u).value
          fc.pre(first !== INVALID)
          const again = readAll(codec, first)
          expect(again.value).toStrictEqual(first)
          expect(
            again.findings.filter((f) => f.kind !== 'unknown-value' && f.kind !== 'missing'),
          ).toStrictEqual([])
        },
      ),
    )
  })

  it('reads a value that `is` accepts as it came, with no finding but unknown enum values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EXACT),
        fc.oneof(fileLike, fc.array(fileLike, { maxLength: 3 }), drifted),
        (codec, u) => {
          fc.pre(codec.is(u))
          const { value, findings } = readAll(codec, u)
          expect(value).toStrictEqual(u)
          expect(findings.filter((f) => f.kind !== 'unknown-value')).toStrictEqual([])
        },
      ),
    )
  })
})

describe('FileDetails on generated files', () => {
  const num = fc.double({ noNaN: true, noDefaultInfinity: true })
  const str = fc.string({ maxLength: 8 })
  const valid = fc.record(
    {
      fileId: str.filter((s) => s.trim() !== ''),
      type: fc.constantFrom('file', 'file-version'),
      name: str,
      width: num,
      size: fc.nat(),
      isPrivateFile: fc.boolean(),
      tags: fc.option(fc.array(str, { maxLength: 3 }), { nil: null }),
      AITags: fc.option(
        fc.array(
          fc.record(
            {
              name: str,
              confidence: num,
              source: fc.constantFrom('google-auto-tagging', 'aws-auto-tagging'),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
        { nil: null },
      ),
      versionInfo: fc.record({ id: str, name: str }, { requiredKeys: [] }),
      customCoordinates: fc.option(str, { nil: null }),
      customMetadata: fc.dictionary(str, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
      selectedFieldsSchema: fc.dictionary(
        str,
        fc.record(
          { type: fc.constantFrom('Text', 'Number', 'MultiSelect'), selectOptions: fc.array(str) },
          { requiredKeys: ['type'] },
        ),
        { maxKeys: 2 },
      ),
      embeddedMetadata: fc.option(fc.dictionary(str, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), {
        nil: null,
      }),
      createdAt: str,
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ['fileId'] },
  )

  it('reads a documented file as it came, with no finding, and `is` accepts it', () => {
    fc.assert(
      fc.property(valid, (u) => {
        expect(readAll(FileDetails, u)).toStrictEqual({ value: u, findings: [] })
        expect(readAll(FileDetails, u).value).toBe(u)
        expect(FileDetails.is(u)).toBe(true)
      }),
    )
  })

  it('reads a file with one field changed to anything as a Right, each finding under that field', () => {
    const keys = [...Object.keys(fileFields), ...Object.keys(detailsFields), 'type']
    fc.assert(
      fc.property(valid, fc.constantFrom(...keys), drifted, (u, key, v) => {
        const { value, findings } = readAll(FileDetails, { ...u, [key]: v })
        expect(value).not.toBe(INVALID)
        for (const f of findings)
          expect(f.path === key || f.path.startsWith(`${key}.`) || f.path.startsWith(`${key}[`)).toBe(true)
      }),
    )
  })
})
