import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import {
  Empty,
  array,
  laxBoolean,
  laxNumber,
  laxRecord,
  laxScalar,
  laxScalarOrList,
  laxString,
  laxStringOrNumber,
  laxUnknown,
  literal,
  nullable,
  oneOf,
  record,
  struct,
  tagged,
  union,
} from './combinators'
import { INVALID, readAll, type Finding, type LaxType } from './lax'

type Codec = LaxType<any, any>

/** A finding as `readAll` reports it. */
const f = (path: string, kind: Finding['kind'], expected: string, got: unknown): Finding => ({
  path,
  kind,
  expected,
  got,
})

/** A value as a message shows it: its JSON (NaN and Infinity are `null` there), or `undefined`. */
const json = (u: unknown): string => (u === undefined ? 'undefined' : String(JSON.stringify(u)))

/** What `decode` gives for a body whose only faults are `faults` (the findings of kind `invalid`). */
const faultOf = (codec: Codec, u: unknown, faults: readonly Finding[]) => ({
  _tag: 'Left',
  left: faults.map((x) => ({
    value: x.got,
    context: [
      { key: '', type: codec, actual: u },
      { key: x.path === '(root)' ? '' : x.path, type: t.unknown, actual: x.got },
    ],
    message: `expected ${x.expected}, got ${json(x.got)}: the object cannot be identified without it`,
  })),
})

/** A row: the codec reads `u` as `value` (INVALID: unusable) with exactly `findings`. */
interface Row {
  readonly title: string
  readonly codec: Codec
  readonly u: unknown
  readonly value: unknown
  readonly findings: readonly Finding[]
  /** `false` for a codec whose `is` wants more than the body has (`tagged` wants its tag). */
  readonly isWanted?: false
}
const row = (codec: Codec, u: unknown, value: unknown, findings: readonly Finding[] = []): Row => ({
  title: `${codec.name} reads ${show(u)} as ${value === INVALID ? 'INVALID' : show(value)}${findings.length === 0 ? '' : ` (${findings.map((x) => `${x.path} ${x.kind}`).join(', ')})`}`,
  codec,
  u,
  value,
  findings,
})
const show = (u: unknown): string =>
  typeof u === 'number' && !Number.isFinite(u) ? String(u) : u === undefined ? 'undefined' : JSON.stringify(u)

/** `is` is true exactly when the reading is usable and changes nothing (unknown values and variants are fine). */
const changesNothing = (r: Row) =>
  r.isWanted !== false &&
  r.value !== INVALID &&
  r.findings.every((x) => x.kind === 'unknown-value' || x.kind === 'unknown-variant')

/** Checks `readAll`, `decode` (Right, or a Left with the root fault) and `is` for each row. */
const table = (rows: readonly Row[]) =>
  it.each(rows.map((r) => [r.title, r] as const))('%s', (_, r) => {
    expect(readAll(r.codec, r.u)).toStrictEqual({ value: r.value, findings: r.findings })
    expect(r.codec.decode(r.u)).toStrictEqual(
      r.value === INVALID
        ? faultOf(
            r.codec,
            r.u,
            r.findings.filter((x) => x.kind === 'invalid'),
          )
        : { _tag: 'Right', right: r.value },
    )
    expect(r.codec.is(r.u)).toBe(changesNothing(r))
  })

describe('scalars', () => {
  const S = 'string'
  const N = 'number'
  table([
    row(laxString, 'a', 'a'),
    row(laxString, '', ''),
    row(laxString, 221, '221', [f('(root)', 'coerced', S, 221)]),
    row(laxString, -1.5, '-1.5', [f('(root)', 'coerced', S, -1.5)]),
    row(laxString, false, 'false', [f('(root)', 'coerced', S, false)]),
    row(laxString, Number.NaN, INVALID, [f('(root)', 'invalid', S, Number.NaN)]),
    row(laxString, Number.POSITIVE_INFINITY, INVALID, [f('(root)', 'invalid', S, Number.POSITIVE_INFINITY)]),
    row(laxString, null, INVALID, [f('(root)', 'invalid', S, null)]),
    row(laxString, undefined, INVALID, [f('(root)', 'invalid', S, undefined)]),
    row(laxString, ['a'], INVALID, [f('(root)', 'invalid', S, ['a'])]),
    row(laxString, {}, INVALID, [f('(root)', 'invalid', S, {})]),

    row(laxNumber, 300, 300),
    row(laxNumber, -1.5, -1.5),
    row(laxNumber, '300', 300, [f('(root)', 'coerced', N, '300')]),
    row(laxNumber, ' 12 ', 12, [f('(root)', 'coerced', N, ' 12 ')]),
    row(laxNumber, '-2.5', -2.5, [f('(root)', 'coerced', N, '-2.5')]),
    row(laxNumber, '.5', 0.5, [f('(root)', 'coerced', N, '.5')]),
    row(laxNumber, '1e3', 1000, [f('(root)', 'coerced', N, '1e3')]),
    row(laxNumber, '', INVALID, [f('(root)', 'invalid', N, '')]),
    row(laxNumber, '0x10', INVALID, [f('(root)', 'invalid', N, '0x10')]),
    row(laxNumber, '1,000', INVALID, [f('(root)', 'invalid', N, '1,000')]),
    row(laxNumber, 'Infinity', INVALID, [f('(root)', 'invalid', N, 'Infinity')]),
    row(laxNumber, '12px', INVALID, [f('(root)', 'invalid', N, '12px')]),
    row(laxNumber, Number.NaN, INVALID, [f('(root)', 'invalid', N, Number.NaN)]),
    row(laxNumber, true, INVALID, [f('(root)', 'invalid', N, true)]),
    row(laxNumber, null, INVALID, [f('(root)', 'invalid', N, null)]),

    row(laxBoolean, true, true),
    row(laxBoolean, false, false),
    row(laxBoolean, 'true', true, [f('(root)', 'coerced', 'boolean', 'true')]),
    row(laxBoolean, 'false', false, [f('(root)', 'coerced', 'boolean', 'false')]),
    row(laxBoolean, 'TRUE', INVALID, [f('(root)', 'invalid', 'boolean', 'TRUE')]),
    row(laxBoolean, 1, INVALID, [f('(root)', 'invalid', 'boolean', 1)]),
    row(laxBoolean, 0, INVALID, [f('(root)', 'invalid', 'boolean', 0)]),
    row(laxBoolean, null, INVALID, [f('(root)', 'invalid', 'boolean', null)]),

    row(laxRecord, {}, {}),
    row(laxRecord, { a: [1], b: null }, { a: [1], b: null }),
    row(laxRecord, [], {}, [f('(root)', 'coerced', 'object', [])]),
    row(laxRecord, [1], INVALID, [f('(root)', 'invalid', 'object', [1])]),
    row(laxRecord, null, INVALID, [f('(root)', 'invalid', 'object', null)]),
    row(laxRecord, 'x', INVALID, [f('(root)', 'invalid', 'object', 'x')]),

    row(laxScalar, 'a', 'a'),
    row(laxScalar, 1.5, 1.5),
    row(laxScalar, false, false),
    row(laxScalar, '1', '1'),
    row(laxScalar, Number.NaN, INVALID, [f('(root)', 'invalid', 'string | number | boolean', Number.NaN)]),
    row(laxScalar, null, INVALID, [f('(root)', 'invalid', 'string | number | boolean', null)]),
    row(laxScalar, [], INVALID, [f('(root)', 'invalid', 'string | number | boolean', [])]),
    row(laxScalar, {}, INVALID, [f('(root)', 'invalid', 'string | number | boolean', {})]),

    row(laxScalarOrList, 'a', 'a'),
    row(laxScalarOrList, 2, 2),
    row(laxScalarOrList, ['a', 1, true], ['a', 1, true]),
    row(laxScalarOrList, [], []),
    ...[['a', null], [['a']], null, {}].map((u) =>
      row(laxScalarOrList, u, INVALID, [
        f('(root)', 'invalid', 'string | number | boolean | Array<string | number | boolean>', u),
      ]),
    ),

    row(laxStringOrNumber, 'a', 'a'),
    row(laxStringOrNumber, 10, 10),
    row(laxStringOrNumber, true, INVALID, [f('(root)', 'invalid', 'string | number', true)]),
    row(laxStringOrNumber, Number.NEGATIVE_INFINITY, INVALID, [
      f('(root)', 'invalid', 'string | number', Number.NEGATIVE_INFINITY),
    ]),
    row(laxStringOrNumber, null, INVALID, [f('(root)', 'invalid', 'string | number', null)]),

    ...[null, 'x', [1], { a: 1 }, undefined].map((u) => row(laxUnknown, u, u)),
    ...[null, 'x', [1], { a: 1 }, undefined].map((u) => row(Empty, u, undefined)),
  ])

  it.each([
    ['string', laxString],
    ['number', laxNumber],
    ['boolean', laxBoolean],
    ['object', laxRecord],
    ['unknown', laxUnknown],
    ['Empty', Empty],
  ] as const)('names a codec %s', (name, codec) => {
    expect(codec.name).toBe(name)
  })

  it('takes a record as it is (the same reference)', () => {
    const u = { a: 1 }
    expect(readAll(laxRecord, u).value).toBe(u)
  })
})

describe('oneOf', () => {
  const Status = oneOf('Status', ['Pending', 'Completed'])
  const E = "'Pending' | 'Completed'"
  table([
    row(Status, 'Pending', 'Pending'),
    row(Status, 'Completed', 'Completed'),
    row(Status, 'completed', 'Completed', [f('(root)', 'coerced', E, 'completed')]),
    row(Status, 'PENDING', 'Pending', [f('(root)', 'coerced', E, 'PENDING')]),
    row(Status, 'Failed', 'Failed', [f('(root)', 'unknown-value', E, 'Failed')]),
    row(Status, '', '', [f('(root)', 'unknown-value', E, '')]),
    row(Status, 1, INVALID, [f('(root)', 'invalid', 'Status', 1)]),
    row(Status, null, INVALID, [f('(root)', 'invalid', 'Status', null)]),
  ])

  it('decodes an unknown value as it came and says it is one (an open enum)', () => {
    expect(Status.decode('Failed')).toStrictEqual({ _tag: 'Right', right: 'Failed' })
    expect(Status.is('Failed')).toBe(true)
    expect(Status.is('completed')).toBe(false)
  })
})

describe('literal', () => {
  const Folder = literal('folder')
  table([
    row(Folder, 'folder', 'folder'),
    row(Folder, 'Folder', INVALID, [f('(root)', 'invalid', "'folder'", 'Folder')]),
    row(Folder, 'file', INVALID, [f('(root)', 'invalid', "'folder'", 'file')]),
    row(Folder, null, INVALID, [f('(root)', 'invalid', "'folder'", null)]),
  ])
})

describe('nullable', () => {
  const N = nullable(laxNumber)
  table([
    row(N, null, null),
    row(N, 3, 3),
    row(N, '3', 3, [f('(root)', 'coerced', 'number', '3')]),
    row(N, 'x', INVALID, [f('(root)', 'invalid', 'number | null', 'x')]),
    row(N, undefined, INVALID, [f('(root)', 'invalid', 'number | null', undefined)]),
  ])

  it('encodes null as null and anything else with the inner codec', () => {
    const T = nullable(tagged('T', struct('TS', {})))
    expect(T.encode(null)).toBeNull()
    expect(T.encode({ _tag: 'T' })).toStrictEqual({})
  })
})

describe('array', () => {
  const Numbers = array(laxNumber)
  const E = 'number'
  table([
    row(Numbers, [], []),
    row(Numbers, [1, 2], [1, 2]),
    row(
      Numbers,
      [1, '2', 'x', null, 4],
      [1, 2, 4],
      [f('[1]', 'coerced', E, '2'), f('[2]', 'dropped', E, 'x'), f('[3]', 'null', E, null)],
    ),
    row(Numbers, ['x'], [], [f('[0]', 'dropped', E, 'x')]),
    row(Numbers, {}, INVALID, [f('(root)', 'invalid', 'Array<number>', {})]),
    row(Numbers, null, INVALID, [f('(root)', 'invalid', 'Array<number>', null)]),
    row(
      array(array(laxNumber)),
      [[1, 'x'], 'y'],
      [[1]],
      [f('[0][1]', 'dropped', E, 'x'), f('[1]', 'dropped', 'Array<number>', 'y')],
    ),
    row(array(laxNumber, 'Sizes'), 'x', INVALID, [f('(root)', 'invalid', 'Sizes', 'x')]),
  ])

  it('returns the same array when no element changed, and a copy (the input untouched) when one did', () => {
    const same = [1, 2]
    expect(readAll(Numbers, same).value).toBe(same)
    const changed = [1, '2']
    expect(readAll(Numbers, changed).value).not.toBe(changed)
    expect(changed).toStrictEqual([1, '2'])
  })

  it('encodes each element with the element codec', () => {
    expect(array(tagged('T', struct('TS', {}))).encode([{ _tag: 'T' }, { _tag: 'T' }])).toStrictEqual([
      {},
      {},
    ])
  })
})

describe('record', () => {
  const Sizes = record(laxNumber)
  const E = 'number'
  table([
    row(Sizes, {}, {}),
    row(Sizes, { a: 1 }, { a: 1 }),
    row(Sizes, { a: 1, b: '2', c: 'x', d: null }, { a: 1, b: 2 }, [
      f('b', 'coerced', E, '2'),
      f('c', 'dropped', E, 'x'),
      f('d', 'null', E, null),
    ]),
    row(record(record(laxNumber)), { a: { b: 'x' } }, { a: {} }, [f('a.b', 'dropped', E, 'x')]),
    row(Sizes, [], INVALID, [f('(root)', 'invalid', 'Record<string, number>', [])]),
    row(Sizes, 'x', INVALID, [f('(root)', 'invalid', 'Record<string, number>', 'x')]),
  ])

  it('returns the same object when no value changed, and a copy (the input untouched) when one did', () => {
    const same = { a: 1 }
    expect(readAll(Sizes, same).value).toBe(same)
    const changed = { a: '1' }
    expect(readAll(Sizes, changed).value).not.toBe(changed)
    expect(changed).toStrictEqual({ a: '1' })
  })

  it('encodes each value with the value codec', () => {
    expect(record(tagged('T', struct('TS', {}))).encode({ a: { _tag: 'T' } })).toStrictEqual({ a: {} })
  })
})

describe('struct', () => {
  const Thing = struct('Thing', {
    identity: { id: laxString },
    required: { name: laxString },
    optional: { size: laxNumber, tags: nullable(array(laxString)) },
  })
  const OK = { id: 'a', name: 'n' }
  table([
    row(Thing, OK, OK),
    row(Thing, { ...OK, extra: { x: [1] } }, { ...OK, extra: { x: [1] } }),
    row(Thing, { ...OK, tags: null }, { ...OK, tags: null }),
    row(Thing, { ...OK, size: 3, tags: ['x'] }, { ...OK, size: 3, tags: ['x'] }),
    // identity
    row(Thing, { id: 7, name: 'n' }, { id: '7', name: 'n' }, [f('id', 'coerced', 'string', 7)]),
    row(Thing, { name: 'n' }, INVALID, [f('id', 'invalid', 'string', undefined)]),
    row(Thing, { id: null, name: 'n' }, INVALID, [f('id', 'invalid', 'string', null)]),
    row(Thing, { id: {}, name: 'n' }, INVALID, [f('id', 'invalid', 'string', {})]),
    row(Thing, { id: {}, size: 'x' }, INVALID, [
      f('id', 'invalid', 'string', {}),
      f('name', 'missing', 'string', undefined),
      f('size', 'dropped', 'number', 'x'),
    ]),
    // required
    row(Thing, { id: 'a' }, { id: 'a' }, [f('name', 'missing', 'string', undefined)]),
    row(Thing, { id: 'a', name: null }, { id: 'a' }, [f('name', 'null', 'string', null)]),
    row(Thing, { id: 'a', name: 5 }, { id: 'a', name: '5' }, [f('name', 'coerced', 'string', 5)]),
    row(Thing, { id: 'a', name: [] }, { id: 'a' }, [f('name', 'dropped', 'string', [])]),
    // optional
    row(Thing, { ...OK, size: '12' }, { ...OK, size: 12 }, [f('size', 'coerced', 'number', '12')]),
    row(Thing, { ...OK, size: null }, OK, [f('size', 'null', 'number', null)]),
    row(Thing, { ...OK, size: 'big' }, OK, [f('size', 'dropped', 'number', 'big')]),
    row(Thing, { ...OK, tags: ['x', 1] }, { ...OK, tags: ['x', '1'] }, [
      f('tags[1]', 'coerced', 'string', 1),
    ]),
    row(Thing, { ...OK, tags: 'x' }, OK, [f('tags', 'dropped', 'Array<string> | null', 'x')]),
    // findings in declaration order: identity, required, optional
    row(Thing, { size: '1', name: 2, id: 3 }, { id: '3', name: '2', size: 1 }, [
      f('id', 'coerced', 'string', 3),
      f('name', 'coerced', 'string', 2),
      f('size', 'coerced', 'number', '1'),
    ]),
    // not an object
    row(Thing, 'x', INVALID, [f('(root)', 'invalid', 'Thing', 'x')]),
    row(Thing, [], INVALID, [f('(root)', 'invalid', 'Thing', [])]),
    row(Thing, null, INVALID, [f('(root)', 'invalid', 'Thing', null)]),
    // nested: the path goes through the parent; an unidentifiable child is left out of an optional field
    row(
      struct('Outer', { optional: { inner: Thing } }),
      { inner: { id: 1, name: 'n' } },
      { inner: { id: '1', name: 'n' } },
      [f('inner.id', 'coerced', 'string', 1)],
    ),
    row(struct('Outer', { optional: { inner: Thing } }), { inner: { name: 'n' } }, {}, [
      f('inner.id', 'invalid', 'string', undefined),
      f('inner', 'dropped', 'Thing', { name: 'n' }),
    ]),
    row(struct('Outer', { identity: { inner: Thing } }), { inner: { name: 'n' } }, INVALID, [
      f('inner.id', 'invalid', 'string', undefined),
      f('inner', 'invalid', 'Thing', { name: 'n' }),
    ]),
    // an object without identity or required fields takes `[]` as `{}`
    row(struct('Bag', { optional: { a: laxNumber } }), [], {}, [f('(root)', 'coerced', 'Bag', [])]),
    row(struct('Bag', { optional: { a: laxNumber } }), [1], INVALID, [f('(root)', 'invalid', 'Bag', [1])]),
  ])

  it('returns the input object itself when nothing changed', () => {
    const u = { id: 'a', name: 'n', size: 1, tags: ['x'], extra: { y: 1 } }
    const { value } = readAll(Thing, u)
    expect(value).toBe(u)
    expect(Thing.decode(u)).toStrictEqual({ _tag: 'Right', right: u })
    expect((Thing.decode(u) as { right: unknown }).right).toBe(u)
  })

  it('returns the same nested objects and arrays when nothing changed under them', () => {
    const Outer = struct('Outer', { optional: { inner: Thing, list: array(Thing) } })
    const inner = { id: 'a', name: 'n' }
    const list = [{ id: 'b', name: 'm' }]
    const u = { inner, list, size: '1' }
    expect(readAll(Outer, u).value).toBe(u)
    const changed = { inner, list: [{ id: 'b', name: 'm', size: '2' }] }
    const { value } = readAll(Outer, changed) as unknown as { value: typeof changed }
    expect(value).not.toBe(changed)
    expect(value.inner).toBe(inner)
  })

  it('copies the object when a field changed, leaving the input untouched', () => {
    const u = { id: 7, name: 'n', size: 'big', extra: true }
    const { value } = readAll(Thing, u)
    expect(value).toStrictEqual({ id: '7', name: 'n', extra: true })
    expect(value).not.toBe(u)
    expect(u).toStrictEqual({ id: 7, name: 'n', size: 'big', extra: true })
  })

  it('is false of a value that needs a coercion, a missing documented field, or leaves something out', () => {
    expect(
      [OK, { id: 7, name: 'n' }, { id: 'a' }, { ...OK, size: null }, { name: 'n' }].map(Thing.is),
    ).toStrictEqual([true, false, false, false, false])
  })

  it('decodes a body without its identity as a Left naming only the identity', () => {
    const u = { name: 1 }
    expect(Thing.decode(u)).toStrictEqual({
      _tag: 'Left',
      left: [
        {
          value: undefined,
          context: [
            { key: '', type: Thing, actual: u },
            { key: 'id', type: t.unknown, actual: undefined },
          ],
          message: 'expected string, got undefined: the object cannot be identified without it',
        },
      ],
    })
  })
})

describe('union', () => {
  const A = struct('A', { identity: { kind: literal('a'), id: laxString }, optional: { n: laxNumber } })
  const B = struct('B', { identity: { kind: literal('b') }, required: { label: laxString } })
  const Item = union('Item', 'kind', { a: A, b: B }, (u) => ('id' in u ? 'a' : undefined))
  const Strict = union('Strict', 'kind', { a: A, b: B })
  const E = "'a' | 'b'"
  const c = { kind: 'c', x: 1 }
  table([
    row(Item, { kind: 'a', id: '1' }, { kind: 'a', id: '1' }),
    row(Item, { kind: 'b', label: 'l' }, { kind: 'b', label: 'l' }),
    row(Item, { kind: 'a', id: '1', n: '2' }, { kind: 'a', id: '1', n: 2 }, [
      f('n', 'coerced', 'number', '2'),
    ]),
    row(Item, { kind: 'b' }, { kind: 'b' }, [f('label', 'missing', 'string', undefined)]),
    // a variant's identity
    row(Item, { kind: 'a' }, INVALID, [f('id', 'invalid', 'string', undefined)]),
    // an unknown discriminant: the unknown variant, the object kept whole
    row(Item, c, { kind: 'unknown', raw: c }, [f('kind', 'unknown-variant', E, 'c')]),
    row(Item, { kind: 'toString' }, { kind: 'unknown', raw: { kind: 'toString' } }, [
      f('kind', 'unknown-variant', E, 'toString'),
    ]),
    row(Item, { kind: 'A', id: '1' }, { kind: 'unknown', raw: { kind: 'A', id: '1' } }, [
      f('kind', 'unknown-variant', E, 'A'),
    ]),
    // an unknown variant already read: taken as it is
    row(Item, { kind: 'unknown', raw: c }, { kind: 'unknown', raw: c }),
    // `unknown` without an object `raw` is just another unknown discriminant
    row(Item, { kind: 'unknown', raw: 'x' }, { kind: 'unknown', raw: { kind: 'unknown', raw: 'x' } }, [
      f('kind', 'unknown-variant', E, 'unknown'),
    ]),
    // a missing discriminant: inferred when it can be, a fault otherwise
    row(Item, { id: '1' }, { kind: 'a', id: '1' }, [f('kind', 'missing', E, undefined)]),
    row(Item, { kind: null, id: '1' }, { kind: 'a', id: '1' }, [f('kind', 'missing', E, null)]),
    row(Item, { label: 'l' }, INVALID, [f('kind', 'invalid', E, undefined)]),
    row(Item, { kind: 1 }, INVALID, [f('kind', 'invalid', E, 1)]),
    row(Strict, { id: '1' }, INVALID, [f('kind', 'invalid', E, undefined)]),
    // not an object
    row(Item, 'a', INVALID, [f('(root)', 'invalid', 'Item', 'a')]),
    row(Item, [], INVALID, [f('(root)', 'invalid', 'Item', [])]),
    // in an array, the path of each item
    row(
      array(Item),
      [{ kind: 'a', id: 1 }, { kind: 'z' }, { kind: 'a' }],
      [
        { kind: 'a', id: '1' },
        { kind: 'unknown', raw: { kind: 'z' } },
      ],
      [
        f('[0].id', 'coerced', 'string', 1),
        f('[1].kind', 'unknown-variant', E, 'z'),
        f('[2].id', 'invalid', 'string', undefined),
        f('[2]', 'dropped', 'Item', { kind: 'a' }),
      ],
    ),
  ])

  it('keeps the very object it got as raw, and returns a known variant unchanged when nothing changed', () => {
    const u = { kind: 'c', x: { y: 1 } }
    expect((readAll(Item, u).value as { raw: unknown }).raw).toBe(u)
    const a = { kind: 'a', id: '1' }
    expect(readAll(Item, a).value).toBe(a)
    const wrapped = { kind: 'unknown', raw: u }
    expect(readAll(Item, wrapped).value).toBe(wrapped)
  })

  it('does not change the input when it infers the discriminant', () => {
    const u = { id: '1' }
    expect(readAll(Item, u).value).toStrictEqual({ id: '1', kind: 'a' })
    expect(u).toStrictEqual({ id: '1' })
  })

  it('encodes an unknown variant as its raw object, and a known one as it is', () => {
    expect(Item.encode({ kind: 'unknown', raw: c })).toBe(c)
    const a = { kind: 'a' as const, id: '1' }
    expect(Item.encode(a)).toBe(a)
  })

  it('decodes an unknown variant as a Right and says it is one; an inferred discriminant is a change', () => {
    expect(Item.decode(c)).toStrictEqual({ _tag: 'Right', right: { kind: 'unknown', raw: c } })
    expect([c, { kind: 'unknown', raw: c }, { id: '1' }, { kind: 'a', id: '1' }].map(Item.is)).toStrictEqual([
      true,
      true,
      false,
      true,
    ])
  })
})

describe('tagged', () => {
  const Inner = struct('Inner', { identity: { id: laxString }, optional: { n: laxNumber } })
  const T = tagged('T', Inner)
  // `is` wants the tag, which no body has (below)
  table(
    [
      row(T, { id: '1' }, { id: '1', _tag: 'T' }),
      row(T, { id: '1', _tag: 'X' }, { id: '1', _tag: 'T' }),
      row(T, { id: 1, n: '2' }, { id: '1', n: 2, _tag: 'T' }, [
        f('id', 'coerced', 'string', 1),
        f('n', 'coerced', 'number', '2'),
      ]),
      row(T, {}, INVALID, [f('id', 'invalid', 'string', undefined)]),
      row(T, 'x', INVALID, [f('(root)', 'invalid', 'T', 'x')]),
    ].map((r) => ({ ...r, isWanted: false as const })),
  )

  it('copies the body (the input untouched) and names the codec by its tag', () => {
    const u = { id: '1' }
    expect(readAll(T, u).value).not.toBe(u)
    expect(u).toStrictEqual({ id: '1' })
    expect(T.name).toBe('T')
  })

  it.each([
    ['a body without the tag', { id: '1' }, false],
    ['a decoded value', { id: '1', _tag: 'T' }, true],
    ['a value with another tag', { id: '1', _tag: 'X' }, false],
    ['a tagged value that needs a coercion', { id: '1', n: '2', _tag: 'T' }, false],
    ['a tagged value without its identity', { _tag: 'T' }, false],
    ['null', null, false],
    ['an array', [], false],
  ])('is of %s: %s', (_, u, expected) => {
    expect(T.is(u)).toBe(expected)
  })

  it('is false, not a throw, of a value whose getter throws', () => {
    const u = Object.defineProperty({}, '_tag', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    expect(T.is(u)).toBe(false)
  })

  it('encodes by taking the tag off (a copy)', () => {
    const a = { _tag: 'T' as const, id: '1', n: 2 }
    expect(T.encode(a)).toStrictEqual({ id: '1', n: 2 })
    expect(a).toStrictEqual({ _tag: 'T', id: '1', n: 2 })
  })
})
