// The Node build's HMAC engine (export condition `node`): Node's own crypto, no @noble/hashes. Where the runtime
// took the `node` condition yet has no `process.getBuiltinModule` (Node < 20.16), there is no hash: a Left naming
// the runtime (never an empty digest, which verifyWebhook once compared as a match). Only this engine can lack a
// hash, so the Left and its message live here, not in the portable bundle.
import type { either } from 'fp-ts'
import { left, right } from '@imagekit-fp/internal'
import { validationError, type ValidationError } from '../errors'
import { nativeHmac } from './nativeHmac'

/** `Right(digest)`, or the Left for a runtime that resolved the Node build but has no `process.getBuiltinModule`. */
const orNoHash = <A>(digest: A | undefined, name: string): either.Either<ValidationError, A> =>
  digest === undefined
    ? left(
        validationError(
          'runtime',
          `this runtime offers no ${name}: the Node build needs process.getBuiltinModule (Node 20.16 or later)`,
        ),
      )
    : right(digest)

/** HMAC-SHA1 as lowercase hex, or a Left without Node's crypto; strings are taken as UTF-8. */
export const hmacSha1HexOf = (
  key: string | Uint8Array,
  message: string | Uint8Array,
): either.Either<ValidationError, string> => orNoHash(nativeHmac('sha1', key, message, 'hex'), 'HMAC-SHA1')

/** HMAC-SHA256 digest bytes, or a Left without Node's crypto; strings are taken as UTF-8. */
export const hmacSha256Of = (
  key: string | Uint8Array,
  message: string | Uint8Array,
): either.Either<ValidationError, Uint8Array> => orNoHash(nativeHmac('sha256', key, message), 'HMAC-SHA256')
