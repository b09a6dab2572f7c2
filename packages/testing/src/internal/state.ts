// The stand-in's in-memory account: files with their versions, folders, bulk jobs, purge requests, custom
// metadata fields, saved extensions, named transformations, origins and URL endpoints. One `State` per
// stand-in; nothing is module-level.
import type { ImageInfo } from './imageInfo'
import { makeIds, type Ids } from './ids'

/** An AI tag, as ImageKit stores it. */
export interface AITag {
  readonly name: string
  readonly confidence: number
  readonly source: string
}

/** One version of a file: the bytes and every field a version carries. */
export interface Version {
  versionId: string
  versionNumber: number
  bytes: Uint8Array
  mime: string
  sha256: string
  image: ImageInfo | undefined
  tags: string[] | null
  AITags: AITag[] | null
  customCoordinates: string | null
  customMetadata: Record<string, unknown>
  description: string | undefined
  isPrivateFile: boolean
  isPublished: boolean
  createdAt: string
  updatedAt: string
}

/** A stored file: its current version and the older ones. */
export interface StoredFile {
  readonly fileId: string
  name: string
  /** `/` or `/a/b/`. */
  folder: string
  current: Version
  /** Older versions, oldest first (the current one is not in here). */
  versions: Version[]
  versionCount: number
}

/** A folder that exists (created explicitly or by a file stored in it). */
export interface Folder {
  readonly folderId: string
  readonly createdAt: string
  updatedAt: string
}

/** A folder bulk job (copy, move or rename). */
export interface Job {
  readonly jobId: string
  readonly type: 'COPY_FOLDER' | 'MOVE_FOLDER' | 'RENAME_FOLDER'
  /** Status reads left before it says `Completed`. */
  pendingReads: number
  readonly purgeRequestId?: string
}

/** A custom metadata field definition. */
export interface StoredField {
  readonly id: string
  readonly name: string
  label: string
  schema: Record<string, unknown> & { readonly type: string }
  deleted: boolean
}

/** A stored account resource (saved extension, named transformation, origin, URL endpoint). */
export interface Named {
  readonly id: string
  readonly [key: string]: unknown
}

/** Everything one stand-in holds. */
export interface State {
  readonly ids: Ids
  /** By file id, in creation order. */
  readonly files: Map<string, StoredFile>
  /** `filePath` → file id. */
  readonly byPath: Map<string, string>
  /** By folder path (`/a/b/`); the root is not stored. */
  readonly folders: Map<string, Folder>
  readonly jobs: Map<string, Job>
  /** Purge request id → status reads left before `Completed`. */
  readonly purges: Map<string, number>
  readonly fields: Map<string, StoredField>
  readonly savedExtensions: Map<string, Named>
  readonly namedTransformations: Map<string, Named>
  readonly origins: Map<string, Named>
  readonly urlEndpoints: Map<string, Named>
  /** Client-side upload tokens (v1 `token`, v2 JWTs) already used. */
  readonly usedTokens: Set<string>
}

/** A new, empty state. */
export const makeState = (): State => ({
  ids: makeIds(),
  files: new Map(),
  byPath: new Map(),
  folders: new Map(),
  jobs: new Map(),
  purges: new Map(),
  fields: new Map(),
  savedExtensions: new Map(),
  namedTransformations: new Map(),
  origins: new Map(),
  urlEndpoints: new Map(),
  usedTokens: new Set(),
})

/** Empties every collection and restarts the id counters. */
export const clearState = (s: State): void => {
  s.ids.reset()
  for (const m of [s.files, s.byPath, s.folders, s.jobs, s.purges, s.fields, s.savedExtensions]) m.clear()
  for (const m of [s.namedTransformations, s.origins, s.urlEndpoints]) m.clear()
  s.usedTokens.clear()
}

/** `a/b`, `/a/b/`, `//a//b` → `/a/b/`; empty → `/`. */
export const normaliseFolder = (folder: string): string => {
  const parts = folder.split('/').filter((p) => p !== '')
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`
}

/** Splits `/a/b/c.jpg` into folder `/a/b/` and name `c.jpg`. */
export const splitPath = (filePath: string): { readonly folder: string; readonly name: string } => {
  const at = filePath.lastIndexOf('/')
  return { folder: normaliseFolder(filePath.slice(0, at + 1)), name: filePath.slice(at + 1) }
}

/** A stored file's full path (`/folder/name`). */
export const filePathOf = (f: StoredFile): string => `${f.folder}${f.name}`

/** Records the folder and all its ancestors. */
export const ensureFolder = (s: State, folder: string, now: string): void => {
  const parts = normaliseFolder(folder)
    .split('/')
    .filter((p) => p !== '')
  for (let i = 1; i <= parts.length; i++) {
    const path = `/${parts.slice(0, i).join('/')}/`
    if (!s.folders.has(path))
      s.folders.set(path, { folderId: s.ids.objectId(), createdAt: now, updatedAt: now })
  }
}

/** Stores a new file (its path must be free). */
export const insertFile = (s: State, f: StoredFile): void => {
  s.files.set(f.fileId, f)
  s.byPath.set(filePathOf(f), f.fileId)
}

/** Removes a file from the store and the path index. */
export const removeFile = (s: State, f: StoredFile): void => {
  s.files.delete(f.fileId)
  s.byPath.delete(filePathOf(f))
}

/** Moves or renames a file in the path index. */
export const relocate = (s: State, f: StoredFile, folder: string, name: string): void => {
  s.byPath.delete(filePathOf(f))
  f.folder = folder
  f.name = name
  s.byPath.set(filePathOf(f), f.fileId)
}

/** The file stored at `filePath`, if any. */
export const fileAt = (s: State, filePath: string): StoredFile | undefined => {
  const id = s.byPath.get(filePath)
  return id === undefined ? undefined : s.files.get(id)
}

/** Whether `path` is `folder` itself or inside it. */
export const isUnder = (path: string, folder: string): boolean => path.startsWith(folder)

/**
 * Stores `version` at `folder` + `name`: a new file (the version id becomes the file id), or a new current
 * version of the file already there.
 */
export const putFile = (s: State, folder: string, name: string, version: Version): StoredFile => {
  const existing = fileAt(s, `${folder}${name}`)
  if (existing === undefined) {
    const fileId = s.ids.objectId()
    const f: StoredFile = {
      fileId,
      name,
      folder,
      current: { ...version, versionId: fileId, versionNumber: 1 },
      versions: [],
      versionCount: 1,
    }
    ensureFolder(s, folder, version.createdAt)
    insertFile(s, f)
    return f
  }
  existing.versions.push(existing.current)
  existing.versionCount += 1
  existing.current = { ...version, versionId: s.ids.objectId(), versionNumber: existing.versionCount }
  return existing
}
