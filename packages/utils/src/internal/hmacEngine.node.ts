// The Node build's HMAC engine (export condition `node`): Node's own crypto, no @noble/hashes.
import { nativeHmac } from './nativeHmac'

/** HMAC digest bytes of `message` under `key`. */
export const hmacBytes = (algorithm: 'sha1' | 'sha256', key: Uint8Array, message: Uint8Array): Uint8Array =>
  nativeHmac(algorithm, key, message) ?? new Uint8Array(0)
