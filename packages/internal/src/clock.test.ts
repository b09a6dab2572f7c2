import { describe, expect, it } from 'vitest'
import { checkExpire, readNow } from './clock'
import { attempt } from './fail'

const make = (path: string, message: string) => ({ path, message })
const now = (config: object) => attempt(() => readNow(config), 'config.now', make)
const expire = (e: unknown, ms: number) => attempt(() => checkExpire(e, ms, 'x.expire'), 'x', make)
const NOW = 1_700_000_000_500

describe('readNow', () => {
  it.each([
    ['a clock', { now: () => NOW }, { _tag: 'Right', right: NOW }],
    ['no clock (Date.now)', {}, expect.objectContaining({ _tag: 'Right' })],
    ['a null clock (Date.now)', { now: null }, expect.objectContaining({ _tag: 'Right' })],
    [
      'a clock that is not a function',
      { now: 5 },
      { _tag: 'Left', left: make('config.now', 'must be a function returning milliseconds') },
    ],
    [
      'a clock that throws',
      {
        now: () => {
          throw new Error('x')
        },
      },
      { _tag: 'Left', left: make('config.now', 'threw instead of returning milliseconds') },
    ],
    [
      'a clock returning NaN',
      { now: () => NaN },
      { _tag: 'Left', left: make('config.now', 'must return a time in milliseconds since the Unix epoch') },
    ],
    [
      'a clock past the Date range',
      { now: () => 9e15 },
      { _tag: 'Left', left: make('config.now', 'must return a time in milliseconds since the Unix epoch') },
    ],
    [
      'a getter that throws',
      {
        get now() {
          throw new Error('x')
        },
      },
      { _tag: 'Left', left: make('config.now', 'could not be read') },
    ],
  ])('%s', (_title, config, expected) => expect(now(config)).toStrictEqual(expected))
})

describe('checkExpire', () => {
  it('refuses an expiry equal to now: strictly in the future', () =>
    expect(expire(1_700_000_000, NOW)).toStrictEqual({
      _tag: 'Left',
      left: make('x.expire', 'must be in the future (it is 1700000000, now is 1700000000)'),
    }))

  it.each([
    [1_700_000_001, { _tag: 'Right', right: 1_700_000_001 }],
    [1_700_003_600, { _tag: 'Right', right: 1_700_003_600 }],
    [
      1_700_003_601,
      {
        _tag: 'Left',
        left: make(
          'x.expire',
          'must be at most 3600 s after now (it is 1700003601, now is 1700000000); ImageKit rejects it',
        ),
      },
    ],
    [1.5, { _tag: 'Left', left: make('x.expire', 'must be an integer Unix time in seconds') }],
    ['1700000001', { _tag: 'Left', left: make('x.expire', 'must be an integer Unix time in seconds') }],
  ])('%j', (e, expected) => expect(expire(e, NOW)).toStrictEqual(expected))
})
