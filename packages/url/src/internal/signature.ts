import type { either } from 'fp-ts'
import { hmacSha1Hex } from '@imagekit-fp/utils'

// `ik-s`: the hex HMAC-SHA1 of a message under the private key. In the portable build hmacSha1Hex cannot fail
// for two strings (no Node crypto: @noble/hashes), so its Right is taken as it is. The Node build swaps in
// `signature.node.ts`, where a runtime without `process.getBuiltinModule` has no hash and signUrl refuses.

/** The hex HMAC-SHA1 of `message` keyed by `key`. */
export const signature = (key: string, message: string): string =>
  (hmacSha1Hex(key, message) as either.Right<string>).right
