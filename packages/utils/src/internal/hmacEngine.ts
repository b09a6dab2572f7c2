// The portable HMAC engine: Node's crypto where the runtime has it (reached through `process.getBuiltinModule`,
// no `node:` import, so browser bundles stay clean; OpenSSL signs about 3x faster), @noble/hashes everywhere else
// (browsers, Workers without nodejs_compat). The package's `node` export condition swaps this file for
// `hmacEngine.node.ts`, which never loads @noble/hashes (its import alone costs Node ~15 ms at start-up).
// One function per hash, so that a bundle that only signs with SHA-1 carries no SHA-256 code.
import type { either } from 'fp-ts'
import { sha1 } from '@noble/hashes/legacy'
import { sha256 } from '@noble/hashes/sha2'
import { right } from '@imagekit-fp/internal'
import type { ValidationError } from '../errors'
import { utf8 } from './bytes'
import { bytesToHex } from './hex'
import { nativeHmac } from './nativeHmac'

const bytes = (x: string | Uint8Array): Uint8Array => (typeof x === 'string' ? utf8(x) : x)

/**
 * HMAC (RFC 2104) over a @noble/hashes hash: `H((K ^ opad) || H((K ^ ipad) || message))`, `K` the key padded
 * to the hash's block (hashed first when longer). Written here rather than taken from `@noble/hashes/hmac`,
 * whose streaming class is about 1 KB of a bundle that signs one message; tests pin it to node:crypto.
 */
const hmac = (hash: typeof sha1, key: string | Uint8Array, message: string | Uint8Array): Uint8Array => {
  const k = bytes(key)
  const padded = new Uint8Array(hash.blockLen)
  padded.set(k.length > hash.blockLen ? hash(k) : k)
  const inner = hash
    .create()
    .update(padded.map((b) => b ^ 0x36))
    .update(bytes(message))
    .digest()
  return hash
    .create()
    .update(padded.map((b) => b ^ 0x5c))
    .update(inner)
    .digest()
}

/** HMAC-SHA1 as lowercase hex; strings are taken as UTF-8. Always a Right (typed as the Node engine). */
export const hmacSha1HexOf = (
  key: string | Uint8Array,
  message: string | Uint8Array,
): either.Either<ValidationError, string> =>
  right(nativeHmac('sha1', key, message, 'hex') ?? bytesToHex(hmac(sha1, key, message)))

/** HMAC-SHA256 digest bytes; strings are taken as UTF-8. Always a Right (typed as the Node engine). */
export const hmacSha256Of = (
  key: string | Uint8Array,
  message: string | Uint8Array,
): either.Either<ValidationError, Uint8Array> =>
  right(nativeHmac('sha256', key, message) ?? hmac(sha256, key, message))
