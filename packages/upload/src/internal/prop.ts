// Reading untrusted input without throwing: a getter or a proxy trap may throw, and nothing public may.

/** True for any object (arrays included), false for `null` and primitives. */
export const isObject = (u: unknown): u is object => typeof u === 'object' && u !== null

/** `o[key]`, or `undefined` in `ok: false` when a getter or proxy trap threw. */
export const readProp = (
  o: object,
  key: string | number,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false } => {
  try {
    return { ok: true, value: (o as Readonly<Record<string | number, unknown>>)[key] }
  } catch {
    return { ok: false }
  }
}

/** `Array.isArray` that does not throw on a revoked proxy. */
export const isArray = (u: unknown): u is readonly unknown[] => {
  try {
    return Array.isArray(u)
  } catch {
    return false
  }
}

/** True for any function (a guard for injected capabilities and callbacks); never throws. */
export const isFunction = (u: unknown): u is (...args: never[]) => unknown => typeof u === 'function'

/** `u instanceof C` for a global constructor that may be missing on some platforms; never throws. */
export const isInstance = (u: unknown, ctor: unknown): boolean => {
  try {
    return typeof ctor === 'function' && u instanceof ctor
  } catch {
    return false
  }
}
