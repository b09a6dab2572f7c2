import type { either } from 'fp-ts'

// fp-ts values built directly: an Either is a tagged object, so the packages that only return
// Either/TaskEither load no fp-ts code at run time (STYLE §3).
/** An fp-ts `Left` holding `e`, built as the plain object fp-ts uses. */
export const left = <E, A = never>(e: E): either.Either<E, A> => ({ _tag: 'Left', left: e })
/** An fp-ts `Right` holding `a`, built as the plain object fp-ts uses. */
export const right = <A, E = never>(a: A): either.Either<E, A> => ({ _tag: 'Right', right: a })
