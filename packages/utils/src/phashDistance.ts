import type { either } from 'fp-ts'
import { validationError, type ValidationError } from './errors'
import { left, right } from '@imagekit-fp/internal'
import { hexDigit } from './internal/hex'

/** Number of set bits in each 4-bit value. */
const POPCOUNT4: readonly number[] = [0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4]

const checkHex = (path: 'a' | 'b', u: unknown): ValidationError | undefined => {
  if (typeof u !== 'string') return validationError(path, 'a pHash must be a string of hex digits')
  if (u === '') return validationError(path, 'a pHash must not be empty')
  for (let i = 0; i < u.length; i++)
    if (hexDigit(u.charCodeAt(i)) < 0)
      return validationError(
        path,
        `a pHash must hold only hex digits (0-9, a-f); found a non-hex character at index ${i}`,
      )
  return undefined
}

/**
 * Hamming distance between two perceptual hashes (the `pHash` ImageKit returns in file metadata): the number of
 * bits that differ. 0 means the images look the same; ImageKit suggests that a distance of 10 or less means similar.
 *
 * @param a - a pHash as a hex string, either case, any length.
 * @param b - a pHash with as many hex digits as `a`.
 * @returns `Right(distance)`, or `Left(ValidationError)` with path `a` or `b` for a value that is not a string,
 *   is empty or holds a non-hex character, and with path `b` when the two lengths differ.
 * @example
 * import { phashDistance } from '@imagekit-fp/utils'
 * phashDistance('2d5ad3936d2e015b', '2d6ed293db36a4fb')
 * // { _tag: 'Right', right: 17 }
 * @since 0.1.0
 * @category media
 */
export const phashDistance = (a: string, b: string): either.Either<ValidationError, number> => {
  const badA = checkHex('a', a)
  if (badA !== undefined) return left(badA)
  const badB = checkHex('b', b)
  if (badB !== undefined) return left(badB)
  if (a.length !== b.length)
    return left(
      validationError(
        'b',
        `the two pHashes must have the same length (a has ${a.length} hex digits, b has ${b.length})`,
      ),
    )
  let distance = 0
  for (let i = 0; i < a.length; i++)
    distance += POPCOUNT4[hexDigit(a.charCodeAt(i)) ^ hexDigit(b.charCodeAt(i))]!
  return right(distance)
}
