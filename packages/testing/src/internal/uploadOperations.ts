// The upload operations, declared beside the media registry (`@imagekit-fp/media/operations`) in its shape:
// OpenAPI operationId, method and path template, here below the upload host. Their input checks and codecs are
// in `@imagekit-fp/upload`, which the stand-in does not depend on. With the registry they drive its router.
import type { DeclaredOperation } from '@imagekit-fp/media/operations'

/** Upload v1 and v2, under the names of their functions in `@imagekit-fp/upload`. */
export const uploadOperations = {
  upload: { operationId: 'upload-file', method: 'POST', path: '/api/v1/files/upload' },
  uploadV2: { operationId: 'upload-file-v2', method: 'POST', path: '/api/v2/files/upload' },
} as const satisfies Readonly<Record<string, Pick<DeclaredOperation, 'operationId' | 'method' | 'path'>>>
