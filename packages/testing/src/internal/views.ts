// How stored records look on the wire: ImageKit's File, Folder, upload result and metadata objects.
import { filePathOf, type Folder, type StoredFile, type Version } from './state'

const isImage = (v: Version) => v.mime.startsWith('image/')

/** The public URL of a path under the URL endpoint. */
const urlOf = (urlEndpoint: string, filePath: string) => `${urlEndpoint}${encodeURI(filePath)}`

const dimensions = (v: Version) =>
  v.image === undefined ? {} : { width: v.image.width, height: v.image.height, hasAlpha: v.image.hasAlpha }

/** A `File` object (`GET /v1/files/{id}/details`, list results, versions). */
export const fileDetails = (
  urlEndpoint: string,
  f: StoredFile,
  v: Version = f.current,
): Record<string, unknown> => {
  const filePath = filePathOf(f)
  const url = urlOf(urlEndpoint, filePath)
  return {
    type: v === f.current ? 'file' : 'file-version',
    name: f.name,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
    fileId: f.fileId,
    tags: v.tags,
    AITags: v.AITags,
    versionInfo: { id: v.versionId, name: `Version ${v.versionNumber}` },
    embeddedMetadata: {},
    customCoordinates: v.customCoordinates,
    customMetadata: v.customMetadata,
    isPrivateFile: v.isPrivateFile,
    isPublished: v.isPublished,
    url,
    thumbnail: isImage(v) ? urlOf(urlEndpoint, `/tr:n-ik_ml_thumbnail${filePath}`) : url,
    fileType: isImage(v) ? 'image' : 'non-image',
    filePath,
    ...dimensions(v),
    size: v.bytes.length,
    mime: v.mime,
    ...(v.description === undefined ? {} : { description: v.description }),
  }
}

/** What `POST /api/v1/files/upload` answers; `responseFields` adds the optional parts. */
export const uploadResult = (
  urlEndpoint: string,
  f: StoredFile,
  responseFields: readonly string[],
  extensionStatus: Record<string, string> | undefined,
): Record<string, unknown> => {
  const v = f.current
  const filePath = filePathOf(f)
  const want = (field: string) => responseFields.includes(field)
  return {
    fileId: f.fileId,
    name: f.name,
    size: v.bytes.length,
    versionInfo: { id: v.versionId, name: `Version ${v.versionNumber}` },
    filePath,
    url: urlOf(urlEndpoint, filePath),
    fileType: isImage(v) ? 'image' : 'non-image',
    ...(v.image === undefined ? {} : { height: v.image.height, width: v.image.width }),
    ...(isImage(v) ? { thumbnailUrl: urlOf(urlEndpoint, `/tr:n-ik_ml_thumbnail${filePath}`) } : {}),
    tags: v.tags,
    AITags: v.AITags,
    isPrivateFile: v.isPrivateFile,
    isPublished: v.isPublished,
    customCoordinates: v.customCoordinates,
    ...(v.description === undefined ? {} : { description: v.description }),
    ...(want('customMetadata') ? { customMetadata: v.customMetadata } : {}),
    ...(want('embeddedMetadata') ? { embeddedMetadata: {} } : {}),
    ...(want('metadata') ? { metadata: metadataOf(v) } : {}),
    ...(extensionStatus === undefined ? {} : { extensionStatus }),
  }
}

/**
 * `GET /v1/files/{id}/metadata`. The pHash is not perceptual: it is the first 16 hex digits of the
 * file's SHA-256, so equal bytes give distance 0 and different bytes some distance (README, deviations).
 */
export const metadataOf = (v: Version): Record<string, unknown> => ({
  ...(v.image === undefined
    ? {}
    : {
        height: v.image.height,
        width: v.image.width,
        format: v.image.format,
        hasTransparency: v.image.hasAlpha,
      }),
  size: v.bytes.length,
  ...(v.image === undefined ? { format: v.mime.split('/')[1] ?? 'bin' } : {}),
  hasColorProfile: false,
  quality: 0,
  density: 72,
  pHash: v.sha256.slice(0, 16),
  exif: {},
})

/** A `Folder` object in list results. */
export const folderDetails = (path: string, folder: Folder): Record<string, unknown> => {
  const trimmed = path.slice(0, -1)
  return {
    type: 'folder',
    name: trimmed.slice(trimmed.lastIndexOf('/') + 1),
    folderPath: trimmed,
    folderId: folder.folderId,
    createdAt: folder.createdAt,
    updatedAt: folder.updatedAt,
    customMetadata: {},
  }
}
