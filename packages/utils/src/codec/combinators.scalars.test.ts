import { describe, expect, expectTypeOf, it } from 'vitest'
import type * as t from 'io-ts'
import { literal, nullable, oneOf, struct, tagged } from './combinators'
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
import { INVALID, readAll, type Finding, type LaxType } from './lax'

/** Any lax codec, for tables that mix them. */
type AnyCodec = LaxType<any, any>

/** What `readAll` gives. */
type Reading = ReturnType<typeof readAll>
const ok = (value: unknown): Reading => ({ value, findings: [] })
/** Read as `value`, one finding at the root. */
const at = (kind: Finding['kind'], expected: string, got: unknown, value: unknown): Reading => ({
  value,
  findings: [{ path: '(root)', kind, expected, got }],
})
const coerced = (expected: string, got: unknown, value: unknown) => at('coerced', expected, got, value)
const invalid = (expected: string, got: unknown) => at('invalid', expected, got, INVALID)

describe('the scalars are named as the documentation types them', () => {
  it.each([
    [laxString, 'string'],
    [laxNumber, 'number'],
    [laxBoolean, 'boolean'],
    [laxRecord, 'object'],
    [laxScalar, 'string | number | boolean'],
    [laxScalarOrList, 'string | number | boolean | Array<string | number | boolean>'],
    [laxStringOrNumber, 'string | number'],
    [laxUnknown, 'unknown'],
    [Empty, 'Empty'],
  ])('%#: %s', (codec, name) => {
    expect(codec.name).toBe(name)
  })
})

describe('laxString', () => {
  it.each([
    ['abc', ok('abc')],
    ['', ok('')],
    [221, coerced('string', 221, '221')],
    [-1.5, coerced('string', -1.5, '-1.5')],
    [1e21, coerced('string', 1e21, '1e+21')],
    [true, coerced('string', true, 'true')],
    [false, coerced('string', false, 'false')],
    [Number.NaN, invalid('string', Number.NaN)],
    [Infinity, invalid('string', Infinity)],
    [null, invalid('string', null)],
    [undefined, invalid('string', undefined)],
    [{}, invalid('string', {})],
    [['a'], invalid('string', ['a'])],
  ])('reads %o', (u, reading) => {
    expect(readAll(laxString, u)).toStrictEqual(reading)
  })
})

describe('laxNumber: numeric strings read only when nothing is lost', () => {
  it.each([
    [300, ok(300)],
    [0, ok(0)],
    [-1.5, ok(-1.5)],
    [1e300, ok(1e300)],
    ['300', coerced('number', '300', 300)],
    ['-1.5', coerced('number', '-1.5', -1.5)],
    ['.5', coerced('number', '.5', 0.5)],
    ['1.', coerced('number', '1.', 1)],
    ['1e3', coerced('number', '1e3', 1000)],
    ['2.5E-3', coerced('number', '2.5E-3', 0.0025)],
    [' 42 ', coerced('number', ' 42 ', 42)],
    ['-0', coerced('number', '-0', -0)],
    ['9007199254740991', coerced('number', '9007199254740991', 9007199254740991)],
    ['-9007199254740991', coerced('number', '-9007199254740991', -9007199254740991)],
    // an integer past 2^53 would be rounded: left out
    ['9007199254740993', invalid('number', '9007199254740993')],
    ['9007199254740992', invalid('number', '9007199254740992')],
    ['1e300', invalid('number', '1e300')],
    // not finite
    ['1e400', invalid('number', '1e400')],
    ['-1e400', invalid('number', '-1e400')],
    ['Infinity', invalid('number', 'Infinity')],
    ['NaN', invalid('number', 'NaN')],
    [Number.NaN, invalid('number', Number.NaN)],
    [-Infinity, invalid('number', -Infinity)],
    // not a plain decimal (Number() would read these, losing what was meant)
    ['', invalid('number', '')],
    [' ', invalid('number', ' ')],
    ['0x10', invalid('number', '0x10')],
    ['0b1', invalid('number', '0b1')],
    ['+1', invalid('number', '+1')],
    ['1,5', invalid('number', '1,5')],
    ['1_000', invalid('number', '1_000')],
    ['1e', invalid('number', '1e')],
    ['12px', invalid('number', '12px')],
    // other types are never numbers
    [true, invalid('number', true)],
    [null, invalid('number', null)],
    [[1], invalid('number', [1])],
    [{}, invalid('number', {})],
  ])('reads %o', (u, reading) => {
    expect(readAll(laxNumber, u)).toStrictEqual(reading)
  })
})

describe('laxBoolean', () => {
  it.each([
    [true, ok(true)],
    [false, ok(false)],
    ['true', coerced('boolean', 'true', true)],
    ['false', coerced('boolean', 'false', false)],
    ['TRUE', invalid('boolean', 'TRUE')],
    ['yes', invalid('boolean', 'yes')],
    ['', invalid('boolean', '')],
    [1, invalid('boolean', 1)],
    [0, invalid('boolean', 0)],
    [null, invalid('boolean', null)],
  ])('reads %o', (u, reading) => {
    expect(readAll(laxBoolean, u)).toStrictEqual(reading)
  })
})

describe('laxRecord', () => {
  it.each([
    [{}, ok({})],
    [{ a: 1, b: [null] }, ok({ a: 1, b: [null] })],
    [[], coerced('object', [], {})],
    [[1], invalid('object', [1])],
    [[{}], invalid('object', [{}])],
    ['x', invalid('object', 'x')],
    [null, invalid('object', null)],
  ])('reads %o', (u, reading) => {
    expect(readAll(laxRecord, u)).toStrictEqual(reading)
  })

  it('keeps the object it was given (no copy)', () => {
    const o = { a: 1 }
    expect(readAll(laxRecord, o).value).toBe(o)
    const bare = Object.create(null) as object
    expect(readAll(laxRecord, bare).value).toBe(bare)
  })
})

describe('laxScalar, laxScalarOrList, laxStringOrNumber: taken as they are, never coerced', () => {
  const S = 'string | number | boolean'
  const SL = 'string | number | boolean | Array<string | number | boolean>'
  const SN = 'string | number'
  it.each([
    [laxScalar, 'a', ok('a')],
    [laxScalar, '1', ok('1')],
    [laxScalar, 1.5, ok(1.5)],
    [laxScalar, false, ok(false)],
    [laxScalar, Number.NaN, invalid(S, Number.NaN)],
    [laxScalar, null, invalid(S, null)],
    [laxScalar, [], invalid(S, [])],
    [laxScalar, {}, invalid(S, {})],
    [laxScalarOrList, 'a', ok('a')],
    [laxScalarOrList, 2, ok(2)],
    [laxScalarOrList, true, ok(true)],
    [laxScalarOrList, [], ok([])],
    [laxScalarOrList, ['a', 1, true], ok(['a', 1, true])],
    [laxScalarOrList, [null], invalid(SL, [null])],
    [laxScalarOrList, [['a']], invalid(SL, [['a']])],
    [laxScalarOrList, [Number.NaN], invalid(SL, [Number.NaN])],
    [laxScalarOrList, null, invalid(SL, null)],
    [laxScalarOrList, {}, invalid(SL, {})],
    [laxStringOrNumber, 'a', ok('a')],
    [laxStringOrNumber, -3, ok(-3)],
    [laxStringOrNumber, true, invalid(SN, true)],
    [laxStringOrNumber, Infinity, invalid(SN, Infinity)],
    [laxStringOrNumber, null, invalid(SN, null)],
    [laxStringOrNumber, ['1'], invalid(SN, ['1'])],
  ])('%#: %s reads %o', (codec: AnyCodec, u, reading) => {
    expect(readAll(codec, u)).toStrictEqual(reading)
  })
})

describe('laxUnknown and Empty', () => {
  const o = { a: 1 }
  it.each([[undefined], [null], [Number.NaN], ['x'], [o], [[1, 2]]])('laxUnknown takes %o as it is', (u) => {
    expect(readAll(laxUnknown, u)).toStrictEqual(ok(u))
    expect(laxUnknown.is(u)).toBe(true)
  })

  it.each([[undefined], [null], [{}], [''], [o], [[1]]])('Empty reads %o as nothing', (u) => {
    expect(readAll(Empty, u)).toStrictEqual(ok(undefined))
    expect(Empty.decode(u)).toStrictEqual({ _tag: 'Right', right: undefined })
  })
})

describe('oneOf: an open enum', () => {
  const Status = oneOf('PurgeStatus', ['Pending', 'Completed'])
  const E = "'Pending' | 'Completed'"

  it('is named as told', () => {
    expect(Status.name).toBe('PurgeStatus')
  })

  it.each([
    ['Pending', ok('Pending')],
    ['Completed', ok('Completed')],
    ['completed', coerced(E, 'completed', 'Completed')],
    ['PENDING', coerced(E, 'PENDING', 'Pending')],
    ['Failed', at('unknown-value', E, 'Failed', 'Failed')],
    ['', at('unknown-value', E, '', '')],
    ['Pending ', at('unknown-value', E, 'Pending ', 'Pending ')],
    [1, invalid('PurgeStatus', 1)],
    [null, invalid('PurgeStatus', null)],
    [['Pending'], invalid('PurgeStatus', ['Pending'])],
  ])('reads %o', (u, reading) => {
    expect(readAll(Status, u)).toStrictEqual(reading)
  })

  it('decodes an unknown value as it came', () => {
    expect(Status.decode('Failed')).toStrictEqual({ _tag: 'Right', right: 'Failed' })
  })

  it.each([
    ['Pending', true],
    ['Failed', true],
    ['completed', false],
    [1, false],
  ])(
    'is(%o) is %o: an unknown value is a value of the open type, a case-folded one needs a change',
    (u, is) => {
      expect(Status.is(u)).toBe(is)
    },
  )

  it('types the documented values and any other string', () => {
    expectTypeOf<t.TypeOf<typeof Status>>().toEqualTypeOf<'Pending' | 'Completed' | (string & {})>()
  })
})

describe('literal', () => {
  const Folder = literal('folder')
  it.each([
    ['folder', ok('folder')],
    ['Folder', invalid("'folder'", 'Folder')],
    ['file', invalid("'folder'", 'file')],
    [null, invalid("'folder'", null)],
  ])('reads %o', (u, reading) => {
    expect(readAll(Folder, u)).toStrictEqual(reading)
  })

  it('is named after its value and typed as it', () => {
    expect(Folder.name).toBe("'folder'")
    expectTypeOf<t.TypeOf<typeof Folder>>().toEqualTypeOf<'folder'>()
  })
})

describe('nullable', () => {
  const N = nullable(laxNumber)
  it.each([
    [null, ok(null)],
    [3, ok(3)],
    ['3', coerced('number', '3', 3)],
    ['x', invalid('number | null', 'x')],
    [undefined, invalid('number | null', undefined)],
  ])('reads %o (null is no drift)', (u, reading) => {
    expect(readAll(N, u)).toStrictEqual(reading)
  })

  it('is named `X | null`', () => {
    expect(N.name).toBe('number | null')
  })

  it('encodes null as null and anything else with the inner encoder', () => {
    const T = nullable(tagged('T', struct('S', { optional: { a: laxNumber } })))
    expect(T.encode(null)).toBeNull()
    expect(T.encode({ _tag: 'T', a: 1 })).toStrictEqual({ a: 1 })
  })
})
