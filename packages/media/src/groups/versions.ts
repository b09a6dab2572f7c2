// `@imagekit-fp/media/versions`: the file version operations (a namespace import, as ./files.ts says).
export { listFileVersions } from '../listFileVersions'
export { getFileVersion } from '../getFileVersion'
export { deleteFileVersion } from '../deleteFileVersion'
export { restoreFileVersion } from '../restoreFileVersion'
