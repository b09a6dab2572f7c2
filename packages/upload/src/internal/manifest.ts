// The resume manifest of `uploadDirectory`: a JSON-lines file, one `{"path","filePath","size","sha256","fileId"}`
// line per uploaded file, appended as each upload succeeds. `filePath` is where ImageKit was asked to store the file
// (`<folder>/<path>`), so that a run into another folder finds nothing to skip. A run killed mid-write leaves a
// torn last line; reading skips any line that is not an entry, and the next run starts its first line on a fresh one.
import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'
import { isObject } from '@imagekit-fp/internal'
import { codeOf } from './codeOf'

/**
 * What the manifest knows of one uploaded file: `filePath`, where ImageKit was asked to store it, and `fileId`
 * (`null` for an upload ImageKit accepted to finish later).
 */
export interface ManifestEntry {
  readonly filePath: string
  readonly size: number
  readonly sha256: string
  readonly fileId: string | null
}

/** The key of an entry in {@link LoadedManifest}: its relative path and its `filePath`. */
export const manifestKey = (path: string, filePath: string): string => JSON.stringify([path, filePath])

/**
 * A manifest as read: entries by {@link manifestKey} (the last line for a path and target wins), and whether it
 * ends mid-line.
 */
export interface LoadedManifest {
  readonly entries: ReadonlyMap<string, ManifestEntry>
  readonly torn: boolean
}

const SHA256 = /^[0-9a-f]{64}$/

/** The key and entry a line holds, or `undefined` (a torn line, a line without `filePath`, or anything else). */
const parse = (line: string): readonly [string, ManifestEntry] | undefined => {
  let u: unknown
  try {
    u = JSON.parse(line)
  } catch {
    return undefined
  }
  if (!isObject(u)) return undefined
  const { path, filePath, size, sha256, fileId } = u as Record<string, unknown>
  return typeof path === 'string' &&
    path !== '' &&
    typeof filePath === 'string' &&
    filePath !== '' &&
    Number.isSafeInteger(size) &&
    (size as number) >= 0 &&
    typeof sha256 === 'string' &&
    SHA256.test(sha256) &&
    (fileId === null || (typeof fileId === 'string' && fileId !== ''))
    ? [manifestKey(path, filePath), { filePath, size: size as number, sha256, fileId }]
    : undefined
}

/** Reads the manifest at `file`; an absent file is an empty manifest. Rejects when it cannot be read or is no regular file. */
export const loadManifest = async (file: string): Promise<LoadedManifest> => {
  const entries = new Map<string, ManifestEntry>()
  let handle
  try {
    handle = await open(file, 'r')
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return { entries, torn: false }
    throw e
  }
  try {
    // A device would never end (/dev/zero) or swallow every line (/dev/null).
    if (!(await handle.stat()).isFile()) throw new Error('not a regular file')
    const decoder = new TextDecoder()
    const buffer = new Uint8Array(64 * 1024)
    let rest = ''
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      const lines = (rest + decoder.decode(buffer.subarray(0, bytesRead), { stream: true })).split('\n')
      rest = lines.pop()!
      for (const line of lines) {
        const entry = parse(line)
        if (entry) entries.set(entry[0], entry[1])
      }
    }
    rest += decoder.decode()
    const last = parse(rest)
    if (last) entries.set(last[0], last[1])
    return { entries, torn: rest !== '' }
  } finally {
    await handle.close()
  }
}

/** Appends entries to a manifest; `close` waits for every append. */
export interface ManifestWriter {
  /** Appends one line; rejects when it cannot be written. */
  readonly append: (path: string, entry: ManifestEntry) => Promise<void>
  readonly close: () => Promise<void>
}

/**
 * Opens (or creates) the manifest at `file` for appending. `torn`: the file ends mid-line, so the first append
 * starts a new line. Appends are written one at a time, each line in one write. Rejects when it cannot be opened.
 */
export const openManifest = async (file: string, torn: boolean): Promise<ManifestWriter> => {
  const handle = await open(file, 'a')
  let queue: Promise<unknown> = Promise.resolve()
  let start = torn ? '\n' : ''
  return {
    append: (path, { filePath, size, sha256, fileId }) => {
      const line = `${start}${JSON.stringify({ path, filePath, size, sha256, fileId })}\n`
      start = ''
      const write = queue.then(() => handle.write(line))
      queue = write.catch(() => undefined)
      return write.then(() => undefined)
    },
    close: () => queue.then(() => handle.close()),
  }
}

/** The hex SHA-256 of `blob`, read as a stream; rejects with the signal's reason once `signal` aborts. */
export const sha256Of = async (blob: Blob, signal: AbortSignal): Promise<string> => {
  const hash = createHash('sha256')
  const reader = blob.stream().getReader()
  try {
    for (;;) {
      signal.throwIfAborted()
      const { done, value } = await reader.read()
      if (done) return hash.digest('hex')
      hash.update(value)
    }
  } finally {
    reader.cancel().catch(() => undefined)
  }
}
