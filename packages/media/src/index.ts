export type { MediaConfig, MediaError } from './model/MediaConfig'
export { getFileDetails } from './getFileDetails'
export type { GetFileDetailsOptions } from './getFileDetails'
export { FileDetails, AITag, VersionInfo, SelectedFieldSchema } from './model/FileDetails'
