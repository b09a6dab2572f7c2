import { bytesToHex } from './hex'

/**
 * A random UUID v4 from a Web Crypto object (`globalThis.crypto` in browsers, edge runtimes and Node ≥ 19):
 * `randomUUID()` when it exists (secure contexts only in browsers), else 16 bytes from `getRandomValues()`
 * with the version (4) and variant (10xx) bits set as RFC 9562 §5.4 says. `undefined` when neither works:
 * there is deliberately no `Math.random` fallback, since the token is a security nonce.
 */
export const randomUuidV4 = (crypto: unknown): string | undefined => {
  if (typeof crypto !== 'object' || crypto === null) return undefined
  const c = crypto as { randomUUID?: unknown; getRandomValues?: unknown }
  try {
    if (typeof c.randomUUID === 'function') {
      const id: unknown = c.randomUUID()
      if (typeof id === 'string' && id.length === 36) return id
    }
  } catch {
    // fall through to getRandomValues
  }
  try {
    if (typeof c.getRandomValues === 'function') {
      const b = new Uint8Array(16)
      c.getRandomValues(b)
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80
      const h = bytesToHex(b)
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
    }
  } catch {
    // no usable source
  }
  return undefined
}
