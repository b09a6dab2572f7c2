import type { either } from 'fp-ts'
import { left, right } from './either'

// "Throw to fail": deep inside a validation walk, a bad value throws its problem (`fail`), and each public
// function catches once (`caught`, `attempt`) and returns it as a Left. That keeps the happy path free of Either
// plumbing (bundle size, speed), and nothing escapes: anything else thrown (a getter, a proxy trap, a stack
// overflow) becomes "could not be read" at the path being read.
//
// `fail` throws `[OURS, path, message]`. No other code can hold the token, so a thrown value is never taken
// for ours (a getter may throw anything, a lookalike ValidationError included).
const OURS: unique symbol = /*#__PURE__*/ Symbol()

/** Builds the error for a problem: utils' `validationError`, passed in (this package imports no other). */
export type MakeError<E> = (path: string, message: string) => E

/** The message for a value that could not be read (a throwing getter or proxy trap). */
export const UNREADABLE = 'could not be read'

/**
 * Throws the problem `path: message` for {@link caught}. (Typed on the name, so that a call narrows types
 * like a `throw` does.)
 */
export const fail: (path: string, message: string) => never = (path, message) => {
  throw [OURS, path, message]
}

/** `fail(path, message)` unless `ok`. */
export const need: (ok: unknown, path: string, message: string) => asserts ok = (ok, path, message) => {
  if (!ok) fail(path, message)
}

/**
 * The error for a caught value: the problem {@link fail} threw, or `path: could not be read` for anything
 * else. Reading a hostile value may throw again, hence the try.
 */
export const caught = <E>(e: unknown, path: string, make: MakeError<E>): E => {
  try {
    const t = e as readonly [symbol, string, string]
    if (t[0] === OURS) return make(t[1], t[2])
  } catch {
    // not ours
  }
  return make(path, UNREADABLE)
}

/** Runs `run`: its value as a Right, or what it threw as a Left (see {@link caught}). */
export const attempt = <A, E>(run: () => A, path: string, make: MakeError<E>): either.Either<E, A> => {
  try {
    return right(run())
  } catch (e) {
    return left(caught(e, path, make))
  }
}
