import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validationError } from './errors'
import { phashDistance } from './phashDistance'

/** Reference Hamming distance over BigInt, for the property test only. */
const reference = (a: string, b: string): number => {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`)
  let n = 0
  while (x > 0n) {
    n += Number(x & 1n)
    x >>= 1n
  }
  return n
}

describe('phashDistance', () => {
  it.each([
    ['f06830ca9f1e3e90', 'f06830ca9f1e3e90', 0],
    ['2d5ad3936d2e015b', '2d6ed293db36a4fb', 17],
    ['a4a65595ac94518b', '7838873e791f8400', 37],
    ['A4A65595AC94518B', '7838873e791f8400', 37],
    ['0', 'f', 4],
    ['abc', 'abd', 1],
    ['0000000000000000', 'ffffffffffffffff', 64],
  ])('gives the Hamming distance of %s and %s: %i', (a, b, d) => {
    expect(phashDistance(a, b)).toStrictEqual({ _tag: 'Right', right: d })
  })

  it('agrees with a BigInt XOR popcount on any two hex strings of the same length', () => {
    const digit = fc.constantFrom(...'0123456789abcdefABCDEF')
    const hex = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''))
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }).chain((n) => fc.tuple(hex(n), hex(n))),
        ([a, b]) => {
          expect(phashDistance(a, b)).toStrictEqual({ _tag: 'Right', right: reference(a, b) })
        },
      ),
    )
  })

  it('is symmetric and 0 on equal inputs', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        (x, y) => {
          const a = x.toString(16).padStart(16, '0')
          const b = y.toString(16).padStart(16, '0')
          expect(phashDistance(a, b)).toStrictEqual(phashDistance(b, a))
          expect(phashDistance(a, a)).toStrictEqual({ _tag: 'Right', right: 0 })
        },
      ),
    )
  })

  it.each([
    [
      'a non-hex a',
      'g06830ca9f1e3e90',
      'f06830ca9f1e3e90',
      validationError(
        'a',
        'a pHash must hold only hex digits (0-9, a-f); found a non-hex character at index 0',
      ),
    ],
    [
      'a non-hex b',
      'f06830ca9f1e3e90',
      'f06830ca9f1e3e9z',
      validationError(
        'b',
        'a pHash must hold only hex digits (0-9, a-f); found a non-hex character at index 15',
      ),
    ],
    [
      'a 0x prefix',
      '0xf06830ca9f1e3e',
      'f06830ca9f1e3e90',
      validationError(
        'a',
        'a pHash must hold only hex digits (0-9, a-f); found a non-hex character at index 1',
      ),
    ],
    ['an empty a', '', 'f0', validationError('a', 'a pHash must not be empty')],
    ['an empty b', 'f0', '', validationError('b', 'a pHash must not be empty')],
    ['a number a', 12, 'f0', validationError('a', 'a pHash must be a string of hex digits')],
    ['an undefined b', 'f0', undefined, validationError('b', 'a pHash must be a string of hex digits')],
    [
      'unequal lengths',
      'f06830ca9f1e3e90',
      'f06830ca',
      validationError('b', 'the two pHashes must have the same length (a has 16 hex digits, b has 8)'),
    ],
  ])('rejects %s', (_, a, b, error) => {
    expect(phashDistance(a as never, b as never)).toStrictEqual({ _tag: 'Left', left: error })
  })
})
