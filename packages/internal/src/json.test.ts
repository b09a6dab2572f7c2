import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { attempt } from './fail'
import { JSON_DATA, jsonCopy } from './json'

const make = (path: string, message: string) => ({ path, message })
/** `[1, <hole>, 2]`. */
const holey = (): unknown[] => {
  const a: unknown[] = [1]
  a[2] = 2
  return a
}
const copy = (u: unknown) => attempt(() => jsonCopy(u, 'x'), 'x', make)
const refused = (path: string, message: string) => ({ _tag: 'Left', left: make(path, message) })

describe('jsonCopy', () => {
  it('copies JSON data as JSON.stringify writes it, each property read once', () => {
    let reads = 0
    const fickle = Object.defineProperty({}, 'p', { enumerable: true, get: () => (reads++ === 0 ? 1 : NaN) })
    const input = {
      s: 'a',
      n: -0,
      b: false,
      z: null,
      gone: undefined,
      list: [1, [2, { a: 'b' }]],
      when: new Date(Date.UTC(2024, 0, 31)),
      fickle,
      nullProto: Object.assign(Object.create(null) as object, { k: 1 }),
    }
    const out = copy(input)
    expect(out).toStrictEqual({
      _tag: 'Right',
      right: {
        s: 'a',
        n: -0,
        b: false,
        z: null,
        list: [1, [2, { a: 'b' }]],
        when: '2024-01-31T00:00:00.000Z',
        fickle: { p: 1 },
        nullProto: { k: 1 },
      },
    })
    expect(reads).toBe(1)
  })

  it('keeps an own "__proto__" key as data', () => {
    const input = JSON.parse('{"__proto__":{"polluted":true}}') as unknown
    const out = copy(input)
    expect(JSON.stringify(out._tag === 'Right' && out.right)).toBe('{"__proto__":{"polluted":true}}')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('takes a plain object from another realm', () =>
    expect(copy(runInNewContext('({ a: [1] })'))).toStrictEqual({ _tag: 'Right', right: { a: [1] } }))

  const cyclic: Record<string, unknown> = { a: { b: 1 } }
  ;(cyclic['a'] as Record<string, unknown>)['up'] = cyclic
  const shared = { k: 1 }
  let deep: unknown = 'x'
  for (let i = 0; i < 40; i++) deep = { a: deep }
  it.each([
    ['NaN', { p: NaN }, 'x.p', JSON_DATA],
    ['Infinity at the top', Infinity, 'x', JSON_DATA],
    ['a symbol', { p: Symbol('s') }, 'x.p', JSON_DATA],
    ['a function', { p: [() => 1] }, 'x.p[0]', JSON_DATA],
    ['a BigInt', { p: 1n }, 'x.p', JSON_DATA],
    ['undefined in an array', [1, undefined], 'x[1]', JSON_DATA],
    ['a hole in an array', holey(), 'x[1]', JSON_DATA],
    ['a Map', { m: new Map() }, 'x.m', JSON_DATA],
    [
      'a class instance',
      {
        c: new (class C {
          x = 1
        })(),
      },
      'x.c',
      JSON_DATA,
    ],
    ['a boxed number', { n: Object(1) }, 'x.n', JSON_DATA],
    ['an invalid Date', { d: new Date(NaN) }, 'x.d', JSON_DATA],
    ['a cycle', cyclic, 'x.a.up', 'must not contain itself (a cycle)'],
    ['nesting deeper than 32', deep, `x${'.a'.repeat(32)}`, 'must be nested at most 32 levels deep'],
    [
      'a sparse array of 2^32 - 1',
      { l: new Array(2 ** 32 - 1) },
      'x.l',
      'must have at most 1000 items (it has 4294967295)',
    ],
    [
      'a throwing getter',
      Object.defineProperty({}, 'g', {
        enumerable: true,
        get: () => {
          throw new Error('boom')
        },
      }),
      'x.g',
      'could not be read',
    ],
    [
      'a throwing toJSON',
      {
        t: {
          toJSON: () => {
            throw new Error('boom')
          },
        },
      },
      'x.t',
      'could not be read',
    ],
    [
      'keys a proxy hides',
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error('boom')
          },
        },
      ),
      'x',
      'could not be read',
    ],
  ])('refuses %s at its path', (_title, u, path, message) =>
    expect(copy(u)).toStrictEqual(refused(path, message)),
  )

  it('copies an object that appears twice without a cycle', () =>
    expect(copy({ a: shared, b: shared })).toStrictEqual({
      _tag: 'Right',
      right: { a: { k: 1 }, b: { k: 1 } },
    }))
})
