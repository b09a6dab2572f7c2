// HMAC through the runtime's Node-compatible crypto module, when there is one. Strings go in as they are:
// Node reads them as UTF-8, the same bytes TextEncoder gives.
interface Digest {
  digest(): Uint8Array
  digest(encoding: 'hex'): string
}
interface NodeCrypto {
  createHmac(algorithm: string, key: string | Uint8Array): { update(data: string | Uint8Array): Digest }
}

/** The digest, or `undefined` where the runtime has no `process.getBuiltinModule('node:crypto')`. */
export function nativeHmac(
  algorithm: string,
  key: string | Uint8Array,
  message: string | Uint8Array,
): Uint8Array | undefined
export function nativeHmac(
  algorithm: string,
  key: string | Uint8Array,
  message: string | Uint8Array,
  encoding: 'hex',
): string | undefined
export function nativeHmac(
  algorithm: string,
  key: string | Uint8Array,
  message: string | Uint8Array,
  encoding?: 'hex',
): Uint8Array | string | undefined {
  try {
    const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    const crypto =
      typeof p?.getBuiltinModule === 'function'
        ? (p.getBuiltinModule('node:crypto') as NodeCrypto)
        : undefined
    if (!crypto) return undefined
    const h = crypto.createHmac(algorithm, key).update(message)
    return encoding ? h.digest(encoding) : new Uint8Array(h.digest())
  } catch {
    return undefined
  }
}
