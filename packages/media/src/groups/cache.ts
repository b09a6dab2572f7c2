// `@imagekit-fp/media/cache`: cache purges and their status (a namespace import, as ./files.ts says).
export { purgeCache } from '../purgeCache'
export { getPurgeCacheStatus } from '../getPurgeCacheStatus'
export { waitForPurge } from '../waitForPurge'
