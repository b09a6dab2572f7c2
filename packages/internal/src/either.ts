import type { either } from 'fp-ts'

// fp-ts values built directly: an Either is a tagged object, so the packages that only return
// Either/TaskEither load no fp-ts code at run time.

/** `either.left(e)`, without loading fp-ts. */
export const left = <E, A = never>(e: E): either.Either<E, A> => ({ _tag: 'Left', left: e })

/** `either.right(a)`, without loading fp-ts. */
export const right = <A, E = never>(a: A): either.Either<E, A> => ({ _tag: 'Right', right: a })
