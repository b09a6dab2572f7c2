// Reading untrusted input without throwing: a getter or a proxy trap may throw, and nothing public may.
// Same helpers as utils/src/internal/prop.ts (to be folded into one shared place).

/** True for any object (arrays included), false for `null` and primitives. */
export const isObject = (u: unknown): u is object => typeof u === 'object' && u !== null

/** `o[key]` as `{ value }`, or `undefined` when a getter or proxy trap threw. */
export const readProp = (o: object, key: string): { readonly value: unknown } | undefined => {
  try {
    return { value: (o as Readonly<Record<string, unknown>>)[key] }
  } catch {
    return undefined
  }
}
