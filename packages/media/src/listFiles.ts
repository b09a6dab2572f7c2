import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import type * as t from 'io-ts'
import { array, detailsFields, fileFields, laxString, literal, struct, union } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { listQuery, type FILE_TYPES, type SORTS, type TYPES } from './internal/listQuery'
import { FolderDetails } from './model/FolderDetails'
import type { Abortable } from './model/Abortable'

/**
 * Query of {@link listFiles} (and of `listAllFiles`): every parameter of `GET /v1/files`, all optional.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListFilesOptions extends Abortable {
  /**
   * What to list: `file`, `file-version`, `folder` or `all`.
   * @default 'file'
   */
  readonly type?: (typeof TYPES)[number]
  /**
   * Sort order, `ASC_` or `DESC_` + `NAME`, `CREATED`, `UPDATED`, `HEIGHT`, `WIDTH`, `SIZE` or `RELEVANCE`.
   * @default 'ASC_CREATED'
   */
  readonly sort?: (typeof SORTS)[number]
  /** Folder to list, e.g. `/products` (with its sub-folders when `searchQuery` is set). */
  readonly path?: string
  /** ImageKit's Lucene-like query, e.g. `createdAt > "7d" AND size < "2mb"`. */
  readonly searchQuery?: string
  /**
   * `all`, `image` or `non-image`.
   * @default 'all'
   */
  readonly fileType?: (typeof FILE_TYPES)[number]
  /**
   * Page size, 1 to 1000.
   * @default 1000
   */
  readonly limit?: number
  /**
   * Items to skip (paging), 0 or more.
   * @default 0
   */
  readonly skip?: number
  /** Legacy (prefer `searchQuery`): files with any of these tags; an array is sent comma-joined. */
  readonly tags?: string | readonly string[]
  /** Legacy (prefer `type`): also list folders. */
  readonly includeFolder?: boolean
  /** Legacy (prefer `searchQuery`): files with exactly this name. */
  readonly name?: string
}

/** A listed file or file version: the file object with its `type` known (so that a `switch` narrows). */
const listed = <K extends 'file' | 'file-version'>(type: K) =>
  struct(type, {
    identity: { type: literal(type), fileId: laxString },
    optional: { ...fileFields, ...detailsFields },
  })

/**
 * One page of {@link listFiles}: files, file versions and folders (a union on `type`). An item of a `type`
 * this SDK does not know yet is `{ type: 'unknown', raw }`, with the item as ImageKit sent it in `raw`.
 *
 * @example
 * import { ListFilesResult } from '@imagekit-fp/media'
 *
 * ListFilesResult.is([{ type: 'folder', folderId: 'f1', name: 'shoes', folderPath: '/shoes' }]) // true
 * @since 0.1.0
 * @category codecs
 */
export const ListFilesResult = /*#__PURE__*/ array(
  /*#__PURE__*/ union(
    'ListedItem',
    'type',
    {
      file: /*#__PURE__*/ listed('file'),
      'file-version': /*#__PURE__*/ listed('file-version'),
      folder: FolderDetails,
    },
    // A file object without `type` (seen in ImageKit's recorded replies) is still typed by its identity.
    (item) => ('fileId' in item ? 'file' : 'folderId' in item ? 'folder' : undefined),
  ),
  'ListFilesResult',
)
/**
 * @since 0.1.0
 * @category model
 */
export type ListFilesResult = t.TypeOf<typeof ListFilesResult>

/** The declaration of {@link listFiles}: the call it makes, its input check and its codec. */
export const listFilesOperation: Operation<ListFilesOptions, ListFilesResult> = {
  method: 'GET',
  path: '/v1/files',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    searchParams: listQuery(field),
  }),
  codec: ListFilesResult,
  idempotent: true,
}

/**
 * Lists and searches files, file versions and folders, one page: `GET /v1/files` (the classic `list_files`).
 * For every page in turn, see `listAllFiles`.
 *
 * @param config - private key and transport settings.
 * @param input - the query (`{}` lists the first 1000 files).
 * @returns a TaskEither of the page ({@link ListFilesResult}); `ValidationError` (e.g. `limit` out of 1–1000,
 *   an unknown `sort`), `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { listFiles } from '@imagekit-fp/media'
 *
 * await listFiles({ privateKey: 'private_xxx' }, { path: '/products', searchQuery: 'size > "1mb"', limit: 10 })()
 * // resolves to { _tag: 'Right', right: [{ fileId: '598821f949c0a938d57563bd', type: 'file', name: 'file.jpg', … }] }
 * @since 0.1.0
 * @category files
 */
export const listFiles: (
  config: MediaConfig,
  input: ListFilesOptions,
) => taskEither.TaskEither<MediaError, ListFilesResult> = /*#__PURE__*/ operationFunction(listFilesOperation)
