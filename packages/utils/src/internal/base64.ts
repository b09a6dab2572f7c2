// TODO(lead): switch to '@imagekit-fp/internal' (http/test-support/secrets.ts still imports this path).
export { decodeBase64, encodeBase64 } from '@imagekit-fp/internal'
