// `@imagekit-fp/media/cache`: cache purges and their status (a namespace import, see ./files.ts).
export { purgeCache } from '../purgeCache'
export { getPurgeCacheStatus } from '../getPurgeCacheStatus'
export { waitForPurge } from '../waitForPurge'
