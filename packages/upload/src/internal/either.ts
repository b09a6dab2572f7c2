// TODO(lead): switch to '@imagekit-fp/internal' (upload.ts still imports this path).
export { left, right } from '@imagekit-fp/internal'
