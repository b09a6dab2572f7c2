// HMAC through the runtime's Node-compatible crypto module, when there is one.
interface NodeCrypto {
  createHmac(algorithm: string, key: Uint8Array): { update(data: Uint8Array): { digest(): Uint8Array } }
}

/** The digest, or `undefined` where the runtime has no `process.getBuiltinModule('node:crypto')`. */
export const nativeHmac = (
  algorithm: string,
  key: Uint8Array,
  message: Uint8Array,
): Uint8Array | undefined => {
  try {
    const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    const crypto =
      typeof p?.getBuiltinModule === 'function'
        ? (p.getBuiltinModule('node:crypto') as NodeCrypto)
        : undefined
    return crypto?.createHmac(algorithm, key).update(message).digest()
  } catch {
    return undefined
  }
}
