import type { either } from 'fp-ts'
import { validationError, type ValidationError } from './errors'
import { isUint8Array } from './internal/bytes'
import { left, right } from '@imagekit-fp/internal'
import { bytesToHex } from './internal/hex'
import { hmacSha1HexOf, hmacSha256Of } from './internal/hmacEngine'

/** A key or message: a string is taken as its UTF-8 bytes. */
export type HmacInput = string | Uint8Array

type Checked = either.Either<ValidationError, readonly [key: HmacInput, message: HmacInput]>

const NOT_BYTES = 'must be a string or a Uint8Array'

/**
 * A key or message as the engines take it: a string or bytes (a Uint8Array from another realm is copied into
 * this one, which @noble/hashes accepts); `undefined` for anything else.
 */
const input = (u: unknown): HmacInput | undefined =>
  typeof u === 'string' || u instanceof Uint8Array ? u : isUint8Array(u) ? new Uint8Array(u) : undefined

/**
 * The key and message, or a ValidationError naming the argument: the type says string | Uint8Array, and
 * `undefined` must not be hashed as the text "undefined".
 */
const check = (key: unknown, message: unknown): Checked => {
  const k = input(key)
  if (k === undefined) return left(validationError('key', NOT_BYTES))
  const m = input(message)
  return m === undefined ? left(validationError('message', NOT_BYTES)) : right([k, m])
}

/**
 * HMAC-SHA1 as lowercase hex, synchronous in every runtime (browsers, edge, Node): Node's crypto where the
 * runtime has it, `@noble/hashes` elsewhere. Strings are taken as UTF-8.
 *
 * @param key - the key, a string (UTF-8) or bytes.
 * @param message - the message, a string (UTF-8) or bytes.
 * @returns `Right` with 40 hex digits; `Left(ValidationError)` for a key or message that is neither a string nor
 *   a Uint8Array (path `key` / `message`), or where the runtime has no hash (path `runtime`).
 * @example
 * hmacSha1Hex('private_key_test', 'your_token1582269249')
 * // { _tag: 'Right', right: 'e71bcd6031016b060d349d212e23e85c791decdd' }
 * @since 0.1.0
 * @category signing
 */
export const hmacSha1Hex = (key: HmacInput, message: HmacInput): either.Either<ValidationError, string> => {
  const inputs = check(key, message)
  return inputs._tag === 'Left' ? inputs : hmacSha1HexOf(...inputs.right)
}

/**
 * HMAC-SHA256 digest bytes, synchronous in every runtime. Strings are taken as UTF-8.
 *
 * @param key - the key, a string (UTF-8) or bytes.
 * @param message - the message, a string (UTF-8) or bytes.
 * @returns `Right` with 32 bytes; `Left(ValidationError)` as for {@link hmacSha1Hex}.
 * @example
 * const mac = hmacSha256('secret', 'message')
 * mac._tag === 'Right' && mac.right.length // 32
 * @since 0.1.0
 * @category signing
 */
export const hmacSha256 = (
  key: HmacInput,
  message: HmacInput,
): either.Either<ValidationError, Uint8Array> => {
  const inputs = check(key, message)
  return inputs._tag === 'Left' ? inputs : hmacSha256Of(...inputs.right)
}

/**
 * HMAC-SHA256 as lowercase hex.
 *
 * @param key - the key, a string (UTF-8) or bytes.
 * @param message - the message, a string (UTF-8) or bytes.
 * @returns `Right` with 64 hex digits; `Left(ValidationError)` as for {@link hmacSha1Hex}.
 * @example
 * hmacSha256Hex('whsec_test', '')
 * // { _tag: 'Right', right: '43c0f4d23c8e8841358fad4624b1a592799222b29f25bb59baea43cdcb522ed1' }
 * @since 0.1.0
 * @category signing
 */
export const hmacSha256Hex = (key: HmacInput, message: HmacInput): either.Either<ValidationError, string> => {
  const mac = hmacSha256(key, message)
  return mac._tag === 'Left' ? mac : right(bytesToHex(mac.right))
}
