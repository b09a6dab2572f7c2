// The portable HMAC engine: Node's crypto where the runtime has it (reached through `process.getBuiltinModule`,
// no `node:` import, so browser bundles stay clean; OpenSSL signs about 3x faster), @noble/hashes everywhere else
// (browsers, Workers without nodejs_compat). The package's `node` export condition swaps this file for
// `hmacEngine.node.ts`, which never loads @noble/hashes (its import alone costs Node ~15 ms at start-up).
import { hmac } from '@noble/hashes/hmac'
import { sha1 } from '@noble/hashes/legacy'
import { sha256 } from '@noble/hashes/sha2'
import { nativeHmac } from './nativeHmac'

/** HMAC digest bytes of `message` under `key`. */
export const hmacBytes = (algorithm: 'sha1' | 'sha256', key: Uint8Array, message: Uint8Array): Uint8Array =>
  nativeHmac(algorithm, key, message) ?? hmac(algorithm === 'sha1' ? sha1 : sha256, key, message)
