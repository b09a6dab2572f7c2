// The one place both upload versions send a prepared multipart request and read the reply (v1 and v2 differ only
// in the path and in the auth their checks chose).
import type { either } from 'fp-ts'
import { networkError, type DecodeError } from '@imagekit-fp/utils'
import { lax } from '@imagekit-fp/utils/codec'
import { request, type HttpRequest, type TransportConfig } from '@imagekit-fp/utils/http'
import { left, right } from '@imagekit-fp/internal'
import { encodeMultipart } from './multipart'
import type { PreparedUpload } from './validate'
import { UploadAccepted } from '../model/UploadAccepted'
import { UploadResult } from '../model/UploadResult'
import type { UploadError } from '../upload'

/**
 * A `202` reply: ImageKit accepted the file for later processing (`{ message }`, tagged `UploadAccepted`), or it is
 * already a full result with its `fileId` (tagged `UploadResult`). Only a 202 may be an `UploadAccepted`.
 */
export const AcceptedReply = /*#__PURE__*/ lax<UploadResult | UploadAccepted, unknown>(
  'UploadResult | UploadAccepted',
  (u, at, r) =>
    typeof u === 'object' && u !== null && 'fileId' in u
      ? UploadResult.read(u, at, r)
      : UploadAccepted.read(u, at, r),
)

/**
 * A 2xx reply that could not be read is still a stored file: the message says so (with the `fileId` when the body
 * has one), so that nobody uploads it a second time.
 */
const stored = (e: DecodeError): DecodeError => {
  const body = e.body as { readonly fileId?: unknown } | undefined
  const fileId = body?.fileId
  const id =
    (typeof fileId === 'string' && fileId.trim() !== '') || typeof fileId === 'number'
      ? ` as fileId ${fileId}`
      : ''
  return {
    ...e,
    message: `ImageKit stored the file${id}, but its reply could not be read (do not upload it again; look it up with getFileDetails or listFiles): ${e.message}`,
  }
}

/** Sends `prepared` to `path` (below the upload base URL) and resolves to the decoded result; never rejects. */
export const sendUpload = (
  config: TransportConfig,
  prepared: PreparedUpload,
  path: string,
): Promise<either.Either<UploadError, UploadResult | UploadAccepted>> => {
  const req: HttpRequest<UploadResult | UploadAccepted> = {
    method: 'POST',
    base: 'upload',
    path,
    auth: prepared.auth,
    codec: UploadResult,
    statusCodecs: { 202: AcceptedReply },
    idempotent: prepared.retry,
    ...encodeMultipart(prepared.fields, prepared.file, prepared.fileName),
    ...(prepared.signal === undefined ? {} : { signal: prepared.signal }),
    ...(prepared.onProgress === undefined ? {} : { onUploadProgress: prepared.onProgress }),
  }
  return request(config, req)().then(
    (r) =>
      r._tag === 'Right' ? right(r.right.body) : r.left._tag === 'DecodeError' ? left(stored(r.left)) : r,
    (e: unknown) => left(networkError('Transport', 'the upload failed unexpectedly', e)),
  )
}
