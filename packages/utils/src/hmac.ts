import { isUint8Array } from './internal/bytes'
import { bytesToHex } from './internal/hex'
import { hmacSha1HexOf, hmacSha256Of } from './internal/hmacEngine'

/** A key or message: a string is taken as its UTF-8 bytes. */
export type HmacInput = string | Uint8Array

// Total for any run-time value (the type says string | Uint8Array, but JavaScript callers may pass anything):
// other values are hashed as the UTF-8 of their String() form, or of '' when even that throws.
const text = (u: unknown): string => {
  try {
    return String(u)
  } catch {
    return ''
  }
}
const normalize = (input: HmacInput): HmacInput =>
  typeof input === 'string' || input instanceof Uint8Array
    ? input
    : isUint8Array(input) // from another realm: copy into this one, which noble accepts
      ? new Uint8Array(input)
      : text(input)

/**
 * HMAC-SHA1 as lowercase hex, synchronous in every runtime (browsers, edge, Node): Node's crypto where the
 * runtime has it, `@noble/hashes` elsewhere. Strings are taken as UTF-8.
 *
 * @example
 * hmacSha1Hex('private_key_test', 'your_token1582269249')
 * // 'e71bcd6031016b060d349d212e23e85c791decdd'
 * @since 0.1.0
 * @category signing
 */
export const hmacSha1Hex = (key: HmacInput, message: HmacInput): string =>
  hmacSha1HexOf(normalize(key), normalize(message))

/**
 * HMAC-SHA256 digest bytes, synchronous in every runtime. Strings are taken as UTF-8.
 *
 * @example
 * hmacSha256('secret', 'message').length // 32
 * @since 0.1.0
 * @category signing
 */
export const hmacSha256 = (key: HmacInput, message: HmacInput): Uint8Array =>
  hmacSha256Of(normalize(key), normalize(message))

/**
 * HMAC-SHA256 as lowercase hex.
 *
 * @since 0.1.0
 * @category signing
 */
export const hmacSha256Hex = (key: HmacInput, message: HmacInput): string =>
  bytesToHex(hmacSha256(key, message))
