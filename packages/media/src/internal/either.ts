import type { either } from 'fp-ts'

// fp-ts values built directly: an Either is a tagged object, so media loads no fp-ts code at run time
// (STYLE §3). Same two lines as utils/src/internal/either.ts (to be folded into one shared place).
export const left = <E, A = never>(e: E): either.Either<E, A> => ({ _tag: 'Left', left: e })
export const right = <A, E = never>(a: A): either.Either<E, A> => ({ _tag: 'Right', right: a })
