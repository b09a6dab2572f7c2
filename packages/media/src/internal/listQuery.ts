// The query of `GET /v1/files`, shared by listFiles and listAllFiles.
import {
  boolean,
  integer,
  nonEmptyString,
  oneOf,
  optional,
  string,
  strings,
  type Check,
  type Field,
} from './validate'

/** `listFiles`'s `type` values. */
export const TYPES = ['file', 'file-version', 'folder', 'all'] as const
/** `listFiles`'s `sort` values. */
export const SORTS = [
  'ASC_NAME',
  'DESC_NAME',
  'ASC_CREATED',
  'DESC_CREATED',
  'ASC_UPDATED',
  'DESC_UPDATED',
  'ASC_HEIGHT',
  'DESC_HEIGHT',
  'ASC_WIDTH',
  'DESC_WIDTH',
  'ASC_SIZE',
  'DESC_SIZE',
  'ASC_RELEVANCE',
  'DESC_RELEVANCE',
] as const
/** `listFiles`'s `fileType` values. */
export const FILE_TYPES = ['all', 'image', 'non-image'] as const

/** Legacy `tags`: a non-empty string, or a non-empty list of them sent comma-joined. */
const tags: Check<string> = (u, path) =>
  Array.isArray(u) ? strings()(u, path).join(',') : nonEmptyString(u, path)

/** The query of `GET /v1/files`, checked, in the order ImageKit documents it (shared with listAllFiles). */
export const listQuery = <I>(read: Field<I>) => {
  const field = read as unknown as Field
  return {
    type: field('type', optional(oneOf(TYPES))),
    sort: field('sort', optional(oneOf(SORTS))),
    path: field('path', optional(string)),
    searchQuery: field('searchQuery', optional(string)),
    fileType: field('fileType', optional(oneOf(FILE_TYPES))),
    limit: field('limit', optional(integer(1, 1000))),
    skip: field('skip', optional(integer(0, Number.MAX_SAFE_INTEGER))),
    tags: field('tags', optional(tags)),
    includeFolder: field('includeFolder', optional(boolean)),
    name: field('name', optional(string)),
  }
}
