import * as t from 'io-ts'
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as entry from '@imagekit-fp/utils/codec'
import { array, oneOf, struct } from './combinators'
import { laxNumber, laxString } from './scalars'
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
  type LaxType,
  type Path,
} from './lax'

/** Any lax codec, for tables that mix them. */
type AnyCodec = LaxType<any, any>

/** A finding, as `readAll` lists it. */
const f = (path: string, kind: Finding['kind'], expected: string, got: unknown): Finding => ({
  path,
  kind,
  expected,
  got,
})
/** The path of `keys`, from the root down. */
const at = (...keys: (string | number)[]): Path | undefined =>
  keys.reduce<Path | undefined>((p, k) => step(p, k), undefined)

/** A hand-written lax codec: an even number; an odd one is read as the next even one (`coerced`). */
const Even = lax<number, string>(
  'Even',
  (u, p, r) => {
    if (typeof u !== 'number') return INVALID
    if (u % 2 === 0) return u
    r.drift(p, 'coerced', 'an even number', u)
    return u + 1
  },
  (n) => `#${n}`,
)

/** Throws when `key` is read. */
const throwingGetter = (key: string, rest: object = {}): object =>
  Object.defineProperty({ ...rest }, key, {
    enumerable: true,
    get: () => {
      throw new Error('getter')
    },
  })
const throwingProxy = new Proxy(
  {},
  {
    get: () => {
      throw new Error('get trap')
    },
    ownKeys: () => {
      throw new Error('ownKeys trap')
    },
    getOwnPropertyDescriptor: () => {
      throw new Error('descriptor trap')
    },
  },
)
const revoked = (() => {
  const p = Proxy.revocable({}, {})
  p.revoke()
  return p.proxy
})()

describe('step / pathText', () => {
  it.each([
    [[], '(root)'],
    [[3], '[3]'],
    [['AITags'], 'AITags'],
    [[3, 'AITags', 0, 'source'], '[3].AITags[0].source'],
    [['a', 'b', 'c'], 'a.b.c'],
    [['tags', 0], 'tags[0]'],
    [[0, 1], '[0][1]'],
    [['selectedFieldsSchema', 'price', 'type'], 'selectedFieldsSchema.price.type'],
  ] as const)('%j reads %j', (keys, text) => {
    expect(pathText(at(...keys))).toBe(text)
  })

  it('links a child to its parent without copying', () => {
    const parent = step(undefined, 'a')
    expect(step(parent, 0)).toStrictEqual({ parent: { parent: undefined, key: 'a' }, key: 0 })
    expect(step(parent, 0).parent).toBe(parent)
  })
})

describe('describeValue', () => {
  const cyclic: Record<string, unknown> = { a: 1 }
  cyclic['self'] = cyclic
  const cyclicList: unknown[] = []
  cyclicList.push(cyclicList)
  it.each([
    ['undefined', undefined, 'undefined'],
    ['null', null, 'null'],
    ['a string', 'abc', '"abc"'],
    ['a number', 12.5, '12.5'],
    ['a boolean', false, 'false'],
    ['an object', { a: [1, 'b'] }, '{"a":[1,"b"]}'],
    ['an array', [], '[]'],
    ['60 characters, whole', 'x'.repeat(58), `"${'x'.repeat(58)}"`],
    ['61 characters, cut to 60', 'x'.repeat(59), `"${'x'.repeat(58)}…`],
    ['a long object, cut to 60', { list: 'y'.repeat(100) }, `{"list":"${'y'.repeat(50)}…`],
    ['a symbol', Symbol('s'), 'Symbol(s)'],
    ['a bigint', 10n, '[object BigInt]'],
    ['a cyclic object', cyclic, '[object Object]'],
    ['a cyclic array', cyclicList, '[object Array]'],
    [
      'an object whose toJSON throws',
      {
        toJSON: () => {
          throw new Error('toJSON')
        },
      },
      '[object Object]',
    ],
    ['a proxy whose traps throw', throwingProxy, '(unreadable)'],
    ['a revoked proxy', revoked, '(unreadable)'],
  ])('renders %s', (_, u, text) => {
    expect(describeValue(u)).toBe(text)
  })

  it('renders a function as its source, at most 60 characters', () => {
    const fn = function aFunctionWithAVeryLongNameIndeedThatGoesOnAndOn() {
      return 1
    }
    expect(describeValue(fn)).toBe(`${String(fn).slice(0, 59)}…`)
    expect(describeValue(fn)).toHaveLength(60)
  })
})

describe('findingErrors', () => {
  const c: t.Context = [{ key: '', type: laxString, actual: { a: 5 } }]

  it('is empty for no findings', () => {
    expect(findingErrors([], c)).toStrictEqual([])
  })

  it('turns a drift into an error whose last context key is its path', () => {
    expect(findingErrors([f('a.b', 'dropped', 'string', 5)], c)).toStrictEqual([
      {
        value: 5,
        context: [c[0], { key: 'a.b', type: laxString, actual: 5 }],
        message: 'expected string, got 5 (dropped)',
      },
    ])
  })

  it('says a fault leaves the object unidentified, and keys the root as ""', () => {
    expect(
      findingErrors([f('(root)', 'invalid', 'File', null), f('[1].fileId', 'invalid', 'string', '')], c),
    ).toStrictEqual([
      {
        value: null,
        context: [c[0], { key: '', type: laxString, actual: null }],
        message: 'expected File, got null: the object cannot be identified without it',
      },
      {
        value: '',
        context: [c[0], { key: '[1].fileId', type: laxString, actual: '' }],
        message: 'expected string, got "": the object cannot be identified without it',
      },
    ])
  })

  it('works under an empty context', () => {
    expect(findingErrors([f('x', 'missing', 'number', undefined)], [])).toStrictEqual([
      {
        value: undefined,
        context: [{ key: 'x', type: undefined, actual: undefined }],
        message: 'expected number, got undefined (missing)',
      },
    ])
  })
})

describe('readAll', () => {
  const Tag = struct('Tag', { optional: { source: oneOf('Source', ['google', 'aws']) } })
  const File = struct('File', {
    identity: { fileId: laxString },
    optional: { AITags: array(Tag), size: laxNumber },
  })
  const Files = array(File)
  const file = (fileId: string, source = 'google') => ({ fileId, AITags: [{ source }] })

  it.each([
    ['a value that needs nothing', laxString, 'a', 'a', []],
    ['a coercion at the root', laxNumber, '3', 3, [f('(root)', 'coerced', 'number', '3')]],
    [
      'a value its codec cannot use: a fault at the root',
      laxString,
      {},
      INVALID,
      [f('(root)', 'invalid', 'string', {})],
    ],
    [
      'an unknown value deep in a list',
      Files,
      [file('a'), file('b'), file('c'), file('d', 'azure')],
      [file('a'), file('b'), file('c'), file('d', 'azure')],
      [f('[3].AITags[0].source', 'unknown-value', "'google' | 'aws'", 'azure')],
    ],
    [
      'an item without its identity: the whole body is unusable',
      Files,
      [file('a'), { AITags: [] }],
      INVALID,
      [f('[1].fileId', 'invalid', 'string', undefined), f('[1]', 'dropped', 'File', { AITags: [] })],
    ],
    [
      'drift before a fault: both are listed',
      Files,
      [{ fileId: 'a', size: '1' }, { fileId: ' ' }],
      INVALID,
      [
        f('[0].size', 'coerced', 'number', '1'),
        f('[1].fileId', 'invalid', 'string', ' '),
        f('[1]', 'dropped', 'File', { fileId: ' ' }),
      ],
    ],
  ] satisfies [string, AnyCodec, unknown, unknown, Finding[]][])(
    'reports %s',
    (_, codec: AnyCodec, u, value, findings) => {
      expect(readAll(codec, u)).toStrictEqual({ value, findings })
    },
  )

  it('makes a throwing getter a fault at the root, never a throw', () => {
    const u = throwingGetter('fileId')
    expect(readAll(File, u)).toStrictEqual({ value: INVALID, findings: [f('(root)', 'invalid', 'File', u)] })
  })

  it('keeps what it found before a getter threw', () => {
    const u = throwingGetter('AITags', { fileId: 'a', size: '2' })
    expect(readAll(File, u)).toStrictEqual({
      value: INVALID,
      findings: [f('(root)', 'invalid', 'File', u)],
    })
    const late = throwingGetter('size', { fileId: 'a', AITags: 'x' })
    expect(readAll(File, late)).toStrictEqual({
      value: INVALID,
      findings: [f('AITags', 'dropped', 'Array<Tag>', 'x'), f('(root)', 'invalid', 'File', late)],
    })
  })

  it.each([
    ['a proxy whose traps throw', throwingProxy],
    ['a revoked proxy', revoked],
  ])('makes %s a fault at the root, never a throw', (_, u) => {
    // (vitest's own equality reads the proxy, so `got` is compared by identity)
    const alone = readAll(File, u)
    expect(alone.value).toBe(INVALID)
    expect(alone.findings.map(({ got, ...rest }) => [rest, got === u])).toStrictEqual([
      [{ path: '(root)', kind: 'invalid', expected: 'File' }, true],
    ])
    const list = [u]
    const inList = readAll(Files, list)
    expect(inList.value).toBe(INVALID)
    expect(inList.findings.map(({ got, ...rest }) => [rest, got === list])).toStrictEqual([
      [{ path: '(root)', kind: 'invalid', expected: 'Array<File>' }, true],
    ])
  })

  it('makes a read that throws a fault at the root', () => {
    const Boom = lax<never>('Boom', () => {
      throw new Error('boom')
    })
    expect(readAll(Boom, 1)).toStrictEqual({ value: INVALID, findings: [f('(root)', 'invalid', 'Boom', 1)] })
  })
})

describe('lax: the io-ts Type shape', () => {
  const root = (u: unknown): t.Context => [{ key: '', type: Even, actual: u }]

  it('has the name it was given', () => {
    expect(Even.name).toBe('Even')
  })

  it.each([
    ['a value that needs nothing', 4, { _tag: 'Right', right: 4 }],
    ['a drifted value (lax)', 3, { _tag: 'Right', right: 4 }],
  ])('decodes %s', (_, u, result) => {
    expect(Even.decode(u)).toStrictEqual(result)
  })

  it('decodes an unusable value to a Left of its faults only, under the root context', () => {
    expect(Even.decode('x')).toStrictEqual({
      _tag: 'Left',
      left: [
        {
          value: 'x',
          context: [...root('x'), { key: '', type: Even, actual: 'x' }],
          message: 'expected Even, got "x": the object cannot be identified without it',
        },
      ],
    })
  })

  it('leaves drift out of a Left: only the faults are errors', () => {
    const Pair = array(Even, 'Pair')
    const idless = struct('Id', { identity: { id: laxString } })
    const Both = struct('Both', { identity: { id: laxString }, optional: { pair: Pair, inner: idless } })
    const u = { id: 'a', pair: [1], inner: {} }
    expect(Both.decode(u)).toStrictEqual({
      _tag: 'Left',
      left: [
        {
          value: undefined,
          context: [
            { key: '', type: Both, actual: u },
            { key: 'inner.id', type: Both, actual: undefined },
          ],
          message: 'expected string, got undefined: the object cannot be identified without it',
        },
      ],
    })
  })

  it('validates under the context it is given', () => {
    const c: t.Context = [{ key: 'list', type: t.array(Even), actual: ['x'] }]
    expect(Even.validate('x', c)).toStrictEqual({
      _tag: 'Left',
      left: [
        {
          value: 'x',
          context: [...c, { key: '', type: c[0]!.type, actual: 'x' }],
          message: 'expected Even, got "x": the object cannot be identified without it',
        },
      ],
    })
    expect(Even.validate(5, c)).toStrictEqual({ _tag: 'Right', right: 6 })
  })

  it.each([
    [4, true],
    [3, false],
    ['x', false],
    [undefined, false],
  ])('is(%j) is %j: true only of a value read without change', (u, is) => {
    expect(Even.is(u)).toBe(is)
  })

  it('is never throws', () => {
    expect(struct('S', { optional: { a: laxString } }).is(throwingGetter('a'))).toBe(false)
    expect(laxString.is(revoked)).toBe(false)
  })

  it('encodes with its encoder, the identity by default', () => {
    expect(Even.encode(4)).toBe('#4')
    const o = { a: 1 }
    expect(lax<object>('Any', (u) => u as object).encode(o)).toBe(o)
  })

  it('is its own decoder and encoder', () => {
    expect(Even.asDecoder()).toBe(Even)
    expect(Even.asEncoder()).toBe(Even)
  })

  describe('pipe', () => {
    const Half = new t.Type<number, number, number>(
      'Half',
      (u): u is number => typeof u === 'number',
      (n, c) => (n % 4 === 0 ? t.success(n / 2) : t.failure(n, c, 'not a multiple of 4')),
      (n) => n * 2,
    )
    const EvenHalf = Even.pipe(Half)

    it('names the pipe after both, or as told', () => {
      expect(EvenHalf.name).toBe('pipe(Even, Half)')
      expect(Even.pipe(Half, 'Quarter').name).toBe('Quarter')
    })

    it('decodes through both: the lax reading first, then the piped type', () => {
      expect(EvenHalf.decode(8)).toStrictEqual({ _tag: 'Right', right: 4 })
      expect(EvenHalf.decode(7)).toStrictEqual({ _tag: 'Right', right: 4 })
    })

    it('stops at the first Left', () => {
      expect(EvenHalf.decode('x')).toStrictEqual({
        _tag: 'Left',
        left: [
          {
            value: 'x',
            context: [
              { key: '', type: EvenHalf, actual: 'x' },
              { key: '', type: EvenHalf, actual: 'x' },
            ],
            message: 'expected Even, got "x": the object cannot be identified without it',
          },
        ],
      })
      expect(EvenHalf.decode(6)).toStrictEqual({
        _tag: 'Left',
        left: [
          { value: 6, context: [{ key: '', type: EvenHalf, actual: 6 }], message: 'not a multiple of 4' },
        ],
      })
    })

    it("takes the piped type's is, and encodes back through both", () => {
      expect(EvenHalf.is(3)).toBe(true)
      expect(EvenHalf.is('3')).toBe(false)
      expect(EvenHalf.encode(4)).toBe('#8')
    })
  })
})

describe("io-ts's own combinators accept lax codecs", () => {
  it('t.array reads each element laxly and copies on change', () => {
    const list = [2, 4]
    expect(t.array(Even).decode(list)).toStrictEqual({ _tag: 'Right', right: list })
    expect(t.array(laxNumber).decode(['1', 2])).toStrictEqual({ _tag: 'Right', right: [1, 2] })
  })

  it("t.array's Left carries the element's index and fault", () => {
    const Numbers = t.array(laxNumber)
    expect(Numbers.decode([1, 'x'])).toStrictEqual({
      _tag: 'Left',
      left: [
        {
          value: 'x',
          context: [
            { key: '', type: Numbers, actual: [1, 'x'] },
            { key: '1', type: laxNumber, actual: 'x' },
            { key: '', type: Numbers, actual: 'x' },
          ],
          message: 'expected number, got "x": the object cannot be identified without it',
        },
      ],
    })
  })

  it("t.array's is asks each element's is", () => {
    expect(t.array(laxNumber).is([1, 2])).toBe(true)
    expect(t.array(laxNumber).is([1, '2'])).toBe(false)
  })

  it('t.type reads each field laxly', () => {
    const T = t.type({ n: laxNumber, s: oneOf('S', ['a']) })
    expect(T.decode({ n: '1', s: 'b' })).toStrictEqual({ _tag: 'Right', right: { n: 1, s: 'b' } })
    expectTypeOf<t.TypeOf<typeof T>>().toEqualTypeOf<{ n: number; s: 'a' | (string & {}) }>()
  })
})

describe('isLax', () => {
  it.each([
    ['a lax scalar', laxString, true],
    ['a struct', struct('S', {}), true],
    ['a hand-made lax codec', Even, true],
    ['an io-ts codec', t.string, false],
    ['an io-ts array of a lax codec', t.array(laxString), false],
    ['read without decode', { read: () => 1 }, false],
    ['read and decode that are not functions', { read: 1, decode: 1 }, false],
    ['null', null, false],
    ['undefined', undefined, false],
    ['a string', 'read', false],
  ])('%s: %j', (_, u, is) => {
    expect(isLax(u)).toBe(is)
  })
})

describe('@imagekit-fp/utils/codec', () => {
  it('exports the toolkit and the file codecs, nothing else', () => {
    expect(Object.keys(entry).sort()).toStrictEqual([
      'AITag',
      'CustomMetadataFieldType',
      'Empty',
      'FileDetails',
      'INVALID',
      'SelectedFieldSchema',
      'VersionInfo',
      'array',
      'detailsFields',
      'fileFields',
      'findingErrors',
      'isLax',
      'lax',
      'laxBoolean',
      'laxNumber',
      'laxRecord',
      'laxScalar',
      'laxScalarOrList',
      'laxString',
      'laxStringOrNumber',
      'laxUnknown',
      'literal',
      'nullable',
      'oneOf',
      'pathText',
      'readAll',
      'record',
      'schemaRules',
      'step',
      'struct',
      'tagged',
      'union',
      'uploadFields',
    ])
    expect(entry.readAll).toBe(readAll)
    expect(entry.struct).toBe(struct)
  })
})
