// `@imagekit-fp/media/folders`: the folder operations and their bulk jobs (a namespace import, see ./files.ts).
export { createFolder } from '../createFolder'
export { deleteFolder } from '../deleteFolder'
export { copyFolder } from '../copyFolder'
export { moveFolder } from '../moveFolder'
export { renameFolder } from '../renameFolder'
export { getBulkJobStatus } from '../getBulkJobStatus'
export { waitForBulkJob } from '../waitForBulkJob'
