import { describe, expect, it } from 'vitest'
import * as t from 'io-ts'
import {
  INVALID,
  describeValue,
  findingErrors,
  isLax,
  lax,
  pathText,
  readAll,
  step,
  type Finding,
  type Path,
} from './lax'
import { laxNumber, laxString, struct } from './combinators'

/** A path from its keys, outermost first. */
const at = (...keys: readonly (string | number)[]): Path | undefined =>
  keys.reduce<Path | undefined>((parent, key) => step(parent, key), undefined)

const finding = (path: string, kind: Finding['kind'], expected: string, got: unknown): Finding => ({
  path,
  kind,
  expected,
  got,
})

describe('pathText', () => {
  it.each([
    [[], '(root)'],
    [['fileId'], 'fileId'],
    [[0], '[0]'],
    [[3, 'AITags', 0, 'source'], '[3].AITags[0].source'],
    [['versionInfo', 'id'], 'versionInfo.id'],
    [['selectedFieldsSchema', 'price', 'selectOptions', 2], 'selectedFieldsSchema.price.selectOptions[2]'],
    [[0, 1], '[0][1]'],
    [['0'], '0'],
  ] as const)('writes the path %j as %s', (keys, expected) => {
    expect(pathText(at(...keys))).toBe(expected)
  })

  it('builds paths from the parent chain without changing the parent', () => {
    const parent = step(undefined, 'a')
    expect(step(parent, 1)).toStrictEqual({ parent: { parent: undefined, key: 'a' }, key: 1 })
    expect(parent).toStrictEqual({ parent: undefined, key: 'a' })
  })
})

describe('describeValue', () => {
  const circular: Record<string, unknown> = {}
  circular['self'] = circular
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    return proxy
  }
  it.each([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a string', 'x', '"x"'],
    ['a number', 221, '221'],
    ['NaN', Number.NaN, 'null'],
    ['an object', { a: [1, true] }, '{"a":[1,true]}'],
    ['a function', () => 1, '() => 1'],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    ['a circular object', circular, '[object Object]'],
    ['a bigint', 10n, '[object BigInt]'],
    ['a revoked proxy', revoked, '(unreadable)'],
    ['a 61-character string', 'a'.repeat(59), `"${'a'.repeat(58)}…`],
    ['a 60-character string', 'a'.repeat(58), `"${'a'.repeat(58)}"`],
  ])('describes %s as %s', (_, value, expected) => {
    expect(describeValue(value === revoked ? revoked() : value)).toBe(expected)
  })
})

describe('readAll', () => {
  const Thing = struct('Thing', { identity: { id: laxString }, optional: { size: laxNumber } })

  it('returns the value and every finding, in reading order', () => {
    expect(readAll(Thing, { id: 7, size: 'big' })).toStrictEqual({
      value: { id: '7' },
      findings: [finding('id', 'coerced', 'string', 7), finding('size', 'dropped', 'number', 'big')],
    })
  })

  it('reports a value that cannot be read at all as a fault at the root', () => {
    expect(readAll(Thing, 'x')).toStrictEqual({
      value: INVALID,
      findings: [finding('(root)', 'invalid', 'Thing', 'x')],
    })
  })

  it('adds no root fault when the reading already reported one', () => {
    expect(readAll(Thing, { size: 1 })).toStrictEqual({
      value: INVALID,
      findings: [finding('id', 'invalid', 'string', undefined)],
    })
  })

  it.each([
    [
      'a getter that throws',
      () =>
        Object.defineProperty({}, 'id', {
          enumerable: true,
          get: () => {
            throw new Error('boom')
          },
        }),
    ],
    [
      'a proxy that throws',
      () =>
        new Proxy(
          {},
          {
            get: () => {
              throw new Error('boom')
            },
          },
        ),
    ],
  ])('turns %s into a fault at the root instead of throwing', (_, make) => {
    const body = make()
    const { value, findings } = readAll(Thing, body)
    expect(value).toBe(INVALID)
    expect(findings.map(({ got, ...rest }) => [rest, got === body])).toStrictEqual([
      [{ path: '(root)', kind: 'invalid', expected: 'Thing' }, true],
    ])
  })
})

describe('findingErrors', () => {
  it('turns each finding into an io-ts error at its path, a fault saying the object cannot be identified', () => {
    const c: t.Context = [{ key: '', type: t.unknown, actual: { id: 1 } }]
    expect(
      findingErrors(
        [
          finding('(root)', 'coerced', 'Thing', []),
          finding('[3].AITags[0].source', 'unknown-value', "'a' | 'b'", 'c'),
          finding('id', 'invalid', 'string', undefined),
        ],
        c,
      ),
    ).toStrictEqual([
      {
        value: [],
        context: [...c, { key: '', type: t.unknown, actual: [] }],
        message: 'expected Thing, got [] (coerced)',
      },
      {
        value: 'c',
        context: [...c, { key: '[3].AITags[0].source', type: t.unknown, actual: 'c' }],
        message: `expected 'a' | 'b', got "c" (unknown-value)`,
      },
      {
        value: undefined,
        context: [...c, { key: 'id', type: t.unknown, actual: undefined }],
        message: 'expected string, got undefined: the object cannot be identified without it',
      },
    ])
  })
})

describe('lax', () => {
  /** Reads a number, reporting negatives as coerced to 0 and `'new'` as an unknown value; `{}` is a fault. */
  const Count = lax<number, string>(
    'Count',
    (u, at, r) => {
      if (typeof u === 'number' && u < 0) return (r.drift(at, 'coerced', 'Count', u), 0)
      if (u === 'new') return (r.drift(at, 'unknown-value', 'Count', u), -1)
      if (typeof u === 'object' && u !== null) return r.fail(step(at, 'n'), 'number', undefined)
      return typeof u === 'number' ? u : INVALID
    },
    (n) => String(n),
  )

  it.each([
    [3, { _tag: 'Right', right: 3 }, true],
    [-3, { _tag: 'Right', right: 0 }, false],
    ['new', { _tag: 'Right', right: -1 }, true],
  ] as const)('reads %j as %j, is: %s', (u, decoded, is) => {
    expect(Count.decode(u)).toStrictEqual(decoded)
    expect(Count.is(u)).toBe(is)
  })

  it.each([
    ['x', '', 'x', 'expected Count, got "x": the object cannot be identified without it'],
    [{}, 'n', undefined, 'expected number, got undefined: the object cannot be identified without it'],
  ] as const)('decodes %j as a Left naming its fault only', (u, key, got, message) => {
    expect(Count.decode(u)).toStrictEqual({
      _tag: 'Left',
      left: [
        {
          value: got,
          context: [
            { key: '', type: Count, actual: u },
            { key, type: t.unknown, actual: got },
          ],
          message,
        },
      ],
    })
    expect(Count.is(u)).toBe(false)
  })

  it('encodes with its encode, and with the identity by default', () => {
    expect(Count.encode(4)).toBe('4')
    const Same = lax<number>('Same', (u) => (typeof u === 'number' ? u : INVALID))
    expect(Same.encode(4)).toBe(4)
    expect(Same.name).toBe('Same')
  })
})

describe('isLax', () => {
  it.each([
    ['a lax codec', laxString, true],
    ['a struct', struct('S', {}), true],
    ['a plain io-ts codec', t.string, false],
    ['an object with read but no decode', { read: () => 1 }, false],
    ['null', null, false],
    ['a string', 'read', false],
  ])('says %s is %s', (_, u, expected) => {
    expect(isLax(u)).toBe(expected)
  })
})
