// The Node build's HMAC engine (export condition `node`): Node's own crypto, no @noble/hashes.
import { nativeHmac } from './nativeHmac'

/** HMAC-SHA1 as lowercase hex; strings are taken as UTF-8. */
export const hmacSha1HexOf = (key: string | Uint8Array, message: string | Uint8Array): string =>
  nativeHmac('sha1', key, message, 'hex') ?? ''

/** HMAC-SHA256 digest bytes; strings are taken as UTF-8. */
export const hmacSha256Of = (key: string | Uint8Array, message: string | Uint8Array): Uint8Array =>
  nativeHmac('sha256', key, message) ?? new Uint8Array(0)
