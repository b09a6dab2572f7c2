/** A field read that cannot throw: `undefined` when a getter or proxy trap threw, else `{ value }`. */
export const readProp = (o: object, key: string): { readonly value: unknown } | undefined => {
  try {
    return { value: (o as Readonly<Record<string, unknown>>)[key] }
  } catch {
    return undefined
  }
}

/** True for any object (arrays and null-prototype objects included), false for `null` and primitives. */
export const isObject = (u: unknown): u is object => typeof u === 'object' && u !== null
