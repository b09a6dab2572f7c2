// Byte helpers shared by the offline utilities. No `node:*`, no `Buffer`: plain Uint8Array and TextEncoder,
// so that they run in browsers, edge runtimes and Node alike.

const encoder = /*#__PURE__*/ new TextEncoder()

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export const utf8 = (s: string): Uint8Array => encoder.encode(s)

// String.prototype.isWellFormed is ES2024 (Node 20, Safari 16.4, Firefox 119): older runtimes use the regex.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when `s` has no lone surrogate, so that its UTF-8 bytes spell it exactly (no U+FFFD stands in). */
export const isWellFormedUnicode = (s: string): boolean => {
  const native = (s as { readonly isWellFormed?: unknown }).isWellFormed
  return typeof native === 'function' ? native.call(s) === true : !LONE_SURROGATE.test(s)
}

/**
 * True for a Uint8Array (or a subclass such as Node's Buffer), from this realm or another one. Never throws
 * (`instanceof` does on a revoked proxy).
 */
export const isUint8Array = (u: unknown): u is Uint8Array => {
  try {
    return (
      u instanceof Uint8Array ||
      (ArrayBuffer.isView(u) && Object.prototype.toString.call(u) === '[object Uint8Array]')
    )
  } catch {
    return false
  }
}

/** The bytes of `parts` one after another, in a new array. */
export const concatBytes = (...parts: readonly Uint8Array[]): Uint8Array => {
  let length = 0
  for (const p of parts) length += p.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

/**
 * Compares two byte arrays in time that depends only on their lengths, never on where they first differ:
 * every byte is visited, differences are OR-ed together, and there is no early exit.
 */
export const constantTimeEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  let diff = a.length ^ b.length
  const n = Math.max(a.length, b.length)
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}
