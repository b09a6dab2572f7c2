import { describe, expect, it } from 'vitest'
import { attempt } from './fail'
import { boundedLength, isArray, isInstance, readProp } from './prop'
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
