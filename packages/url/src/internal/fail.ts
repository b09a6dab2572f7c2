import type { ValidationError } from '@imagekit-fp/utils'
import { validationError } from '@imagekit-fp/utils'

// Internally a bad value throws its ValidationError (`fail`); each public function catches once and turns it
// into a Left with `caught` (anything else thrown, e.g. by a getter or a proxy, becomes a Left at `path`).
// That keeps the happy path free of Either plumbing (bundle size and speed), and nothing escapes.
// serializeTransformation, urlTarget (all of buildUrl's validation) and signUrl share this pair.

// `fail` throws `[OURS, error]`. No other code can hold the token, so a thrown value is never taken
// for ours (a getter may throw anything, a lookalike ValidationError or a proxy included).
const OURS: unique symbol = /*#__PURE__*/ Symbol()

/**
 * Throws the ValidationError `path: message` for {@link caught}. (Typed on the name, so that a call
 * narrows types like a `throw` does.)
 */
export const fail: (path: string, message: string) => never = (path, message) => {
  throw [OURS, validationError(path, message)]
}

/**
 * The error for a caught value: the one {@link fail} threw, or `path: could not be read` for anything
 * else (a getter, a proxy trap, a stack overflow on a cyclic overlay). Reading a hostile value may
 * throw again, hence the try.
 */
export const caught = (e: unknown, path: string): ValidationError => {
  try {
    if ((e as readonly unknown[])[0] === OURS) return (e as readonly [symbol, ValidationError])[1]
  } catch {
    // not ours
  }
  return validationError(path, 'could not be read')
}
