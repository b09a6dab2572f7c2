// Hostile sizes without wall-clock thresholds (CI runs on a busy 2-core machine, where "within 500 ms" fails for
// no fault of the code). "Refused at once" is checked as "no element was read", and "linear, no backtracking" as
// "finishes at all": a pass that is quadratic or worse on these inputs runs for hours, so a generous bound that a
// loaded machine never reaches still tells the two apart, and a synchronous run past it is stopped, not waited for.
import { runInNewContext } from 'node:vm'

/**
 * A sparse array of `length` (default 2^32 - 1, the largest) that throws on any access to an element, and counts
 * those accesses: a check that refuses it by its length reads none (`touched()` stays 0).
 */
export const untouchable = <A = never>(
  length = 2 ** 32 - 1,
): { readonly array: A[]; readonly touched: () => number } => {
  let touched = 0
  const isIndex = (key: string | symbol) => typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key)
  const touch = (key: string | symbol) => {
    if (!isIndex(key)) return
    touched++
    throw new Error(`element ${String(key)} of a ${length}-long array was read`)
  }
  const array = new Proxy(new Array<A>(length), {
    get: (target, key, receiver) => {
      touch(key)
      return Reflect.get(target, key, receiver)
    },
    has: (target, key) => {
      touch(key)
      return Reflect.has(target, key)
    },
    getOwnPropertyDescriptor: (target, key) => {
      touch(key)
      return Reflect.getOwnPropertyDescriptor(target, key)
    },
    ownKeys: () => {
      touched++
      throw new Error(`the keys of a ${length}-long array were listed`)
    },
  })
  return { array, touched: () => touched }
}

/** An outer bound for `finishes`: hours of work for a quadratic pass, a fraction of a second for a linear one. */
export const GENEROUS_MS = 20_000

/**
 * Runs `run` synchronously and returns what it returns; throws `Script execution timed out` when it is still
 * running after `limitMs` (the synchronous part only: a returned promise is returned as it is).
 */
export const finishes = <A>(run: () => A, limitMs: number = GENEROUS_MS): A =>
  runInNewContext('run()', { run }, { timeout: limitMs }) as A
