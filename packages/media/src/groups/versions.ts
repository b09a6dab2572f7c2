// `@imagekit-fp/media/versions`: the file version operations (a namespace import, see ./files.ts).
export { listFileVersions } from '../listFileVersions'
export { getFileVersion } from '../getFileVersion'
export { deleteFileVersion } from '../deleteFileVersion'
export { restoreFileVersion } from '../restoreFileVersion'
