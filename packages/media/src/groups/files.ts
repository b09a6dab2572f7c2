// `@imagekit-fp/media/files`: the file operations, the same functions as the root's flat names. Import it as a
// namespace, `import * as files from '@imagekit-fp/media/files'`: a bundler keeps only the functions called.
export { listFiles } from '../listFiles'
export { listAllFiles } from '../listAllFiles'
export { getFileDetails } from '../getFileDetails'
export { updateFileDetails } from '../updateFileDetails'
export { deleteFile } from '../deleteFile'
export { bulkDeleteFiles } from '../bulkDeleteFiles'
export { copyFile } from '../copyFile'
export { moveFile } from '../moveFile'
export { renameFile } from '../renameFile'
export { addTags } from '../addTags'
export { removeTags } from '../removeTags'
export { removeAITags } from '../removeAITags'
