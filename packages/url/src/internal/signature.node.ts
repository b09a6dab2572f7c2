import { hmacSha1Hex } from '@imagekit-fp/utils'
import { fail } from '@imagekit-fp/internal'

// The Node build's `ik-s` (export condition `node`, swapped in for `signature.ts`): Node's crypto, which a
// runtime that took the `node` build without `process.getBuiltinModule` lacks. Then signUrl refuses (at
// `config`) rather than emit an empty or unsigned `ik-s`.

/** The hex HMAC-SHA1 of `message` keyed by `key`; fails at `config` where the runtime has no HMAC-SHA1. */
export const signature = (key: string, message: string): string => {
  const sig = hmacSha1Hex(key, message)
  return sig._tag === 'Right'
    ? sig.right
    : fail('config', 'this runtime offers no HMAC-SHA1 (process.getBuiltinModule)')
}
