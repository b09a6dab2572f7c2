import { describe, expect, it } from 'vitest'
import { attempt, caught, fail, need } from './fail'

const make = (path: string, message: string) => ({ _tag: 'ValidationError' as const, path, message })

describe('fail / caught / attempt', () => {
  it('turns what fail threw into the error at its own path', () => {
    expect(attempt(() => fail('a.b', 'is wrong'), 'a', make)).toStrictEqual({
      _tag: 'Left',
      left: make('a.b', 'is wrong'),
    })
  })

  it('turns anything else thrown into "could not be read" at the given path, a lookalike included', () => {
    const lookalike = { _tag: 'ValidationError', path: 'x', message: 'forged' }
    expect(caught(lookalike, 'request', make)).toStrictEqual(make('request', 'could not be read'))
    expect(caught(new RangeError('Maximum call stack size exceeded'), 'o', make)).toStrictEqual(
      make('o', 'could not be read'),
    )
  })

  it('survives a thrown proxy whose traps throw', () => {
    const hostile = new Proxy([], {
      get() {
        throw new Error('trap')
      },
    })
    expect(caught(hostile, 'p', make)).toStrictEqual(make('p', 'could not be read'))
  })

  it('returns the value as a Right when nothing throws; need passes on a truthy value', () => {
    expect(attempt(() => (need(1, 'x', 'm'), 42), 'x', make)).toStrictEqual({ _tag: 'Right', right: 42 })
    expect(attempt(() => need(0, 'x', 'm'), 'y', make)).toStrictEqual({ _tag: 'Left', left: make('x', 'm') })
  })
})
