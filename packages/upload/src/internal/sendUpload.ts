// The one place both upload versions send a prepared multipart request and read the reply (v1 and v2 differ only
// in the path, the auth and v2's extra `token` field).
import type { either } from 'fp-ts'
import type * as t from 'io-ts'
import { networkError } from '@imagekit-fp/utils'
import { request, type HttpRequest, type TransportConfig } from '@imagekit-fp/utils/http'
import { left, right } from '@imagekit-fp/internal'
import { encodeMultipart } from './multipart'
import type { Field, PreparedUpload } from './validate'
import { UploadAccepted } from '../model/UploadAccepted'
import { UploadResult } from '../model/UploadResult'
import type { UploadError } from '../upload'

/**
 * A `202` reply: ImageKit accepted the file for later processing (`{ message }`, tagged `UploadAccepted`), or it is
 * already a full result (tagged `UploadResult`). Only a 202 may be an `UploadAccepted`: a `200` without `fileId` is a
 * DecodeError. Anything else fails with `UploadResult`'s own problems, the ones worth reading.
 */
const validateAccepted = (u: unknown, c: t.Context): t.Validation<UploadResult | UploadAccepted> => {
  const result = UploadResult.validate(u, c)
  if (result._tag === 'Right') return result
  const accepted = UploadAccepted.validate(u, c)
  // `accepted.right` is the codec's own copy, a plain object: `in` cannot throw on it.
  return accepted._tag === 'Right' && !('fileId' in accepted.right) ? accepted : result
}
const AcceptedReply: t.Decoder<unknown, UploadResult | UploadAccepted> = {
  name: 'UploadResult',
  validate: validateAccepted,
  decode: (u) => validateAccepted(u, [{ key: '', type: UploadResult, actual: u }]),
}

/** What differs between the versions: where the request goes, its auth, and fields added after the prepared ones. */
export interface UploadRoute {
  readonly path: string
  readonly auth: 'basic' | 'none'
  readonly extraFields?: readonly Field[]
}

/** Sends `prepared` to `route.path` and resolves to the decoded result; never rejects. */
export const sendUpload = (
  config: TransportConfig,
  prepared: PreparedUpload,
  route: UploadRoute,
): Promise<either.Either<UploadError, UploadResult | UploadAccepted>> => {
  const fields =
    route.extraFields === undefined ? prepared.fields : [...prepared.fields, ...route.extraFields]
  const req: HttpRequest<UploadResult | UploadAccepted> = {
    method: 'POST',
    base: 'upload',
    path: route.path,
    auth: route.auth,
    codec: UploadResult,
    statusCodecs: { 202: AcceptedReply },
    idempotent: prepared.retry,
    ...encodeMultipart(fields, prepared.file, prepared.fileName),
    ...(prepared.signal === undefined ? {} : { signal: prepared.signal }),
    ...(prepared.onProgress === undefined ? {} : { onUploadProgress: prepared.onProgress }),
  }
  return request(config, req)().then(
    (r) => (r._tag === 'Right' ? right(r.right.body) : r),
    (e: unknown) => left(networkError('Transport', 'the upload failed unexpectedly', e)),
  )
}
