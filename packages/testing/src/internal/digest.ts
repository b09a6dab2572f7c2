// SHA-256 of stored bytes, synchronous in every runtime (@noble/hashes, the library utils already uses).
import { sha256 } from '@noble/hashes/sha2'

/** Lowercase hex SHA-256. */
export const sha256Hex = (bytes: Uint8Array): string =>
  Array.from(sha256(bytes), (b) => b.toString(16).padStart(2, '0')).join('')
