import { UNREADABLE, fail } from './fail'

// Reading untrusted input without throwing: a getter or a proxy trap may throw, and nothing public may.

/** True for any object (arrays and null-prototype objects included), false for `null` and primitives. */
export const isObject = (u: unknown): u is object => typeof u === 'object' && u !== null

/** `Array.isArray` that does not throw on a revoked proxy. */
export const isArray = (u: unknown): u is readonly unknown[] => {
  try {
    return Array.isArray(u)
  } catch {
    return false
  }
}

/** An object that is not an array. */
export const isRecord = (u: unknown): u is object => isObject(u) && !isArray(u)

/**
 * A plain object: not an array, and its prototype is `null` or a root prototype (`Object.prototype` of any
 * realm), so not a Date, a Map or a class instance. Never throws (a throwing proxy trap is not plain).
 */
export const isPlainObject = (u: unknown): u is object => {
  try {
    const proto: unknown = isRecord(u) && Object.getPrototypeOf(u)
    return proto === null || (isObject(proto) && Object.getPrototypeOf(proto) === null)
  } catch {
    return false
  }
}

/**
 * The AbortSignal `u`, duck-typed (Vercel Edge's signals are tagged `[object EventTarget]`): `aborted` reads as a
 * boolean, and adding and removing a listener works. Fails at `path` otherwise, so that a signal that throws when
 * used is refused before anything is sent.
 */
export const checkSignal = (u: unknown, path: string): AbortSignal => {
  const s = u as AbortSignal
  const noop = () => undefined
  try {
    if (typeof s.aborted === 'boolean') {
      s.addEventListener('abort', noop)
      s.removeEventListener('abort', noop)
      return s
    }
  } catch {
    // refused below
  }
  return fail(path, 'must be an AbortSignal')
}

/** True for a function. */
export const isFunction = (u: unknown): u is (...args: never[]) => unknown => typeof u === 'function'

/** `u instanceof C` for a global constructor that may be missing on some platforms; never throws. */
export const isInstance = (u: unknown, ctor: unknown): boolean => {
  try {
    return typeof ctor === 'function' && u instanceof ctor
  } catch {
    return false
  }
}

/** A field read that cannot throw: `undefined` when a getter or proxy trap threw, else `{ value }`. */
export const readProp = (o: object, key: string | number): { readonly value: unknown } | undefined => {
  try {
    return { value: (o as Readonly<Record<string | number, unknown>>)[key] }
  } catch {
    return undefined
  }
}

/** `o[key]`, failing at `path` when a getter or proxy trap throws. */
export const read = (o: object, key: string | number, path: string): unknown =>
  (readProp(o, key) ?? fail(path, UNREADABLE)).value

/**
 * The length of the array `u`, checked before anything iterates over it: a sparse array of length 2^32 - 1
 * would otherwise keep a loop busy for minutes, or kill the process in `Array.from({ length })`. Fails (see
 * `fail`) at `path` when `u` is not an array or holds more than `max` items.
 */
export const boundedLength = (u: unknown, max: number, path: string, what = 'items'): number => {
  if (!isArray(u)) fail(path, 'must be an array')
  const length = (u as readonly unknown[]).length
  if (!(length <= max)) fail(path, `must have at most ${max} ${what} (it has ${length})`)
  return length
}
