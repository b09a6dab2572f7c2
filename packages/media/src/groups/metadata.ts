// `@imagekit-fp/media/metadata`: metadata of a stored file or a remote URL (a namespace import, see ./files.ts).
export { getFileMetadata } from '../getFileMetadata'
export { getRemoteFileMetadata } from '../getRemoteFileMetadata'
