// Entry point `@imagekit-fp/upload/node`: Node-only helpers (they import `node:` modules). Named re-exports only.
export { nodeFetch } from './nodeFetch'
export { fileFromPath } from './fileFromPath'
export { uploadFromPath } from './uploadFromPath'
export type { UploadFromPathRequest, UploadFromPathRequestFor } from './uploadFromPath'
export { uploadDirectory } from './uploadDirectory'
export type {
  AlreadyUploaded,
  UploadDirectoryOptions,
  UploadDirectoryOutcome,
  UploadDirectoryProgress,
  UploadDirectoryRef,
  UploadDirectoryReport,
  UploadDirectoryUploadOptions,
} from './uploadDirectory'
