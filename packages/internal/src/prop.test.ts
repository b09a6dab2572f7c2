import { describe, expect, it } from 'vitest'
import { attempt } from './fail'
import { runInNewContext } from 'node:vm'
import { boundedLength, checkSignal, isArray, isInstance, isPlainObject, readProp } from './prop'
import { untouchable } from '../../../test/support/bounds'

const make = (path: string, message: string) => ({ path, message })
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}

describe('readProp / isArray / isInstance', () => {
  it('never throw on a revoked proxy or a throwing getter', () => {
    expect(readProp(revoked(), 'a')).toBeUndefined()
    expect(
      readProp(
        {
          get a() {
            throw new Error('x')
          },
        },
        'a',
      ),
    ).toBeUndefined()
    expect(readProp({ a: 1 }, 'a')).toStrictEqual({ value: 1 })
    expect(isArray(revoked())).toBe(false)
    expect(isInstance(revoked(), Uint8Array)).toBe(false)
  })
})

describe('boundedLength', () => {
  it('refuses a sparse array of length 2^32 - 1 at once, without reading an element', () => {
    const huge = untouchable()
    const r = attempt(() => boundedLength(huge.array, 1000, 'tags'), 'x', make)
    expect(r).toStrictEqual({
      _tag: 'Left',
      left: make('tags', 'must have at most 1000 items (it has 4294967295)'),
    })
    expect(huge.touched()).toBe(0)
  })

  it('gives the length of a small array, and refuses a non-array', () => {
    expect(attempt(() => boundedLength([1, 2], 2, 'a'), 'x', make)).toStrictEqual({ _tag: 'Right', right: 2 })
    expect(attempt(() => boundedLength('ab', 2, 'a'), 'x', make)).toStrictEqual({
      _tag: 'Left',
      left: make('a', 'must be an array'),
    })
  })
})

describe('isPlainObject', () => {
  it.each([
    ['{}', () => ({}), true],
    ['a null-prototype object', () => Object.create(null) as unknown, true],
    ['an object from another realm', () => runInNewContext('({})') as unknown, true],
    ['an array', () => [], false],
    ['a Date', () => new Date(), false],
    ['a Map', () => new Map(), false],
    [
      'a class instance',
      () =>
        new (class C {
          x = 1
        })(),
      false,
    ],
    ['an object made from another', () => Object.create({}) as unknown, false],
    ['null', () => null, false],
    ['a string', () => 'a', false],
    ['a revoked proxy', revoked, false],
  ])('%s', (_title, make, expected) => expect(isPlainObject(make())).toBe(expected))
})

describe('checkSignal', () => {
  const check = (u: unknown) => attempt(() => checkSignal(u, 's'), 'x', make)
  const boom = (): never => {
    throw new Error('boom')
  }
  const fine: object = {
    aborted: false,
    addEventListener: (): undefined => undefined,
    removeEventListener: (): undefined => undefined,
  }
  it('takes an AbortSignal and a look-alike whose listeners work', () => {
    const signal = new AbortController().signal
    expect(check(signal)).toStrictEqual({ _tag: 'Right', right: signal })
    expect(check(fine)).toStrictEqual({ _tag: 'Right', right: fine })
  })
  it.each([
    ['a string', 'stop'],
    ['null', null],
    ['no removeEventListener', { aborted: false, addEventListener: (): undefined => undefined }],
    ['aborted not a boolean', { ...fine, aborted: 'no' }],
    ['a throwing addEventListener', { ...fine, addEventListener: boom }],
    ['a throwing removeEventListener', { ...fine, removeEventListener: boom }],
    ['a throwing aborted', Object.defineProperty({ ...fine }, 'aborted', { get: boom })],
  ])('refuses %s', (_title, u) =>
    expect(check(u)).toStrictEqual({ _tag: 'Left', left: make('s', 'must be an AbortSignal') }),
  )
})
