// The Node build's HMAC engine (export condition `node`): Node's own crypto, no @noble/hashes. Where the runtime
// took the `node` condition yet has no `process.getBuiltinModule` (Node < 20.16), there is no hash: `undefined`,
// which hmac.ts turns into a Left (never an empty digest, which verifyWebhook once compared as a match).
import { nativeHmac } from './nativeHmac'

/** HMAC-SHA1 as lowercase hex, or `undefined` without Node's crypto; strings are taken as UTF-8. */
export const hmacSha1HexOf = (key: string | Uint8Array, message: string | Uint8Array): string | undefined =>
  nativeHmac('sha1', key, message, 'hex')

/** HMAC-SHA256 digest bytes, or `undefined` without Node's crypto; strings are taken as UTF-8. */
export const hmacSha256Of = (
  key: string | Uint8Array,
  message: string | Uint8Array,
): Uint8Array | undefined => nativeHmac('sha256', key, message)
