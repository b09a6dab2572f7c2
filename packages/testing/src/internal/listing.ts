// Listing and search: `GET /v1/files` with ImageKit's sort, type, paging and legacy filters.
import { type Ctx } from './context'
import { fail, isReply, ok, type Reply } from './reply'
import { compileSearch } from './search'
import { normaliseFolder, type Folder, type StoredFile, type Version } from './state'
import { fileDetails, folderDetails } from './views'
const SORTS = ['NAME', 'CREATED', 'UPDATED', 'HEIGHT', 'WIDTH', 'SIZE', 'RELEVANCE']
const TYPES = ['file', 'file-version', 'folder', 'all']
const FILE_TYPES = ['all', 'image', 'non-image']

/** A listed item before it is turned into JSON: only the page returned is serialised. */
type Row =
  | { readonly kind: 'folder'; readonly path: string; readonly folder: Folder }
  | { readonly kind: 'file'; readonly file: StoredFile; readonly version: Version }

const sortKey = (field: string, row: Row): string | number => {
  if (row.kind === 'folder') {
    if (field === 'NAME') return row.path.slice(0, -1).slice(row.path.slice(0, -1).lastIndexOf('/') + 1)
    return field === 'UPDATED' ? row.folder.updatedAt : 0
  }
  const v = row.version
  switch (field) {
    case 'NAME':
      return row.file.name
    case 'UPDATED':
      return v.updatedAt
    case 'HEIGHT':
      return v.image?.height ?? 0
    case 'WIDTH':
      return v.image?.width ?? 0
    default:
      return v.bytes.length
  }
}

const intParam = (url: URL, name: string, min: number, max: number, fallback: number): number | Reply => {
  const raw = url.searchParams.get(name)
  if (raw === null) return fallback
  const n = Number(raw)
  return /^\d+$/.test(raw) && n >= min && n <= max
    ? n
    : fail(400, `Your request contains invalid ${name} parameter.`)
}

const enumParam = (url: URL, name: string, allowed: readonly string[], fallback: string): string | Reply => {
  const raw = url.searchParams.get(name)
  if (raw === null) return fallback
  return allowed.includes(raw) ? raw : fail(400, `Your request contains invalid ${name} parameter.`)
}

/** The legacy filters, as ImageKit's classic SDKs document them. */
interface Legacy {
  /** Files having any of these tags (none: no filter). */
  readonly tags: readonly string[] | undefined
  /** The exact name of a file or folder. */
  readonly name: string | undefined
  /** `includeFolder=true`: folders too, and `tags` and `fileType` ignored. */
  readonly includeFolder: boolean
}

const invalid = (name: string, why = '') =>
  fail(400, `Your request contains invalid ${name} parameter${why === '' ? '' : `: ${why}`}.`)

/**
 * Reads the legacy `tags`, `name` and `includeFolder` (ignored with a `searchQuery`, as ImageKit documents).
 * Combinations ImageKit does not document (`includeFolder` against `type`, `tags` on folders) are refused.
 */
const legacyFilters = (url: URL, typeGiven: boolean, type: string): Legacy | Reply => {
  const tagsRaw = url.searchParams.get('tags')
  const name = url.searchParams.get('name') ?? undefined
  const folderRaw = url.searchParams.get('includeFolder')
  const tags = tagsRaw
    ?.split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '')
  if (tags?.length === 0) return invalid('tags')
  if (name === '') return invalid('name')
  if (folderRaw !== null && folderRaw !== 'true' && folderRaw !== 'false') return invalid('includeFolder')
  const includeFolder = folderRaw === 'true'
  if (
    folderRaw !== null &&
    typeGiven &&
    (includeFolder ? type !== 'all' : type === 'folder' || type === 'all')
  )
    return invalid('includeFolder', `includeFolder=${folderRaw} contradicts type=${type}`)
  if (tags !== undefined && !includeFolder && (type === 'folder' || type === 'all'))
    return fail(
      400,
      `Unsupported tags: the legacy tags parameter filters files; it is not supported with type=${type}.`,
    )
  return { tags: includeFolder ? undefined : tags, name, includeFolder }
}

/** The paging, sorting and type parameters. */
interface Params {
  readonly type: string
  readonly fileType: string
  readonly sort: string
  readonly limit: number
  readonly skip: number
}

const readParams = (url: URL): Params | Reply => {
  const type = enumParam(url, 'type', TYPES, 'file')
  const fileType = enumParam(url, 'fileType', FILE_TYPES, 'all')
  const sort = enumParam(
    url,
    'sort',
    SORTS.flatMap((s) => [`ASC_${s}`, `DESC_${s}`]),
    'ASC_CREATED',
  )
  const limit = intParam(url, 'limit', 1, 1000, 1000)
  const skip = intParam(url, 'skip', 0, Number.MAX_SAFE_INTEGER, 0)
  if (isReply(type)) return type
  if (isReply(fileType)) return fileType
  if (isReply(sort)) return sort
  if (isReply(limit)) return limit
  if (isReply(skip)) return skip
  return { type, fileType, sort, limit, skip }
}

/** What the listing keeps: files by folder, file type and search; rows by the legacy filters. */
interface Selection {
  readonly type: string
  /** The `path` folder, if given. */
  readonly folder: string | undefined
  /** The compiled searchQuery, if any. */
  readonly test: ((f: StoredFile) => boolean) | undefined
  readonly keepFile: (f: StoredFile) => boolean
  readonly keepRow: (row: Row) => boolean
}

const selection = (params: Params, legacy: Legacy, folder: string | undefined, test: Selection['test']) => {
  const { fileType } = params
  const wantFileType = (f: StoredFile) =>
    legacy.includeFolder ||
    fileType === 'all' ||
    (fileType === 'image') === f.current.mime.startsWith('image/')
  // `path` limits the listing to that folder; a searchQuery searches it and every folder below.
  const inFolder = (f: StoredFile) =>
    folder === undefined
      ? test !== undefined || f.folder === '/'
      : test === undefined
        ? f.folder === folder
        : f.folder.startsWith(folder)
  const keepRow = (row: Row) =>
    (legacy.name === undefined ||
      (row.kind === 'folder' ? sortKey('NAME', row) : row.file.name) === legacy.name) &&
    (legacy.tags === undefined ||
      (row.kind === 'file' && (row.version.tags ?? []).some((x) => legacy.tags!.includes(x))))
  return {
    type: legacy.includeFolder ? 'all' : params.type,
    folder,
    test,
    keepFile: (f: StoredFile) => inFolder(f) && wantFileType(f) && (test === undefined || test(f)),
    keepRow,
  }
}

/** The folders and files (or versions) listed, in creation order. */
const collectRows = (ctx: Ctx, sel: Selection): Row[] => {
  const { type, folder, test } = sel
  const rows: Row[] = []
  const push = (row: Row) => {
    if (sel.keepRow(row)) rows.push(row)
  }
  if (test === undefined && (type === 'folder' || type === 'all')) {
    const parent = folder ?? '/'
    for (const [p, f] of ctx.state.folders) {
      if (p.startsWith(parent) && p !== parent && p.slice(parent.length, -1).indexOf('/') === -1)
        push({ kind: 'folder', path: p, folder: f })
    }
  }
  if (test !== undefined || type !== 'folder') {
    for (const f of ctx.state.files.values()) {
      if (!sel.keepFile(f)) continue
      if (type === 'file-version' && test === undefined) {
        for (const v of f.versions) push({ kind: 'file', file: f, version: v })
      } else push({ kind: 'file', file: f, version: f.current })
    }
  }
  return rows
}

/** Sorts `rows` in place by `sort` (`ASC_NAME`, `DESC_CREATED`, …). */
const sortRows = (rows: Row[], sort: string): void => {
  const [direction, field] = [sort.slice(0, sort.indexOf('_')), sort.slice(sort.indexOf('_') + 1)]
  const sign = direction === 'DESC' ? -1 : 1
  // Rows are in creation order; a stable sort keeps it for ties whichever the direction.
  if (field === 'CREATED' || field === 'RELEVANCE') {
    if (sign === -1) rows.reverse()
  } else {
    rows.sort((a, b) => {
      const x = sortKey(field, a)
      const y = sortKey(field, b)
      return x < y ? -sign : x > y ? sign : 0
    })
  }
}

/** `GET /v1/files`: one page of files, versions and folders. */
export const listFiles = (ctx: Ctx): Reply => {
  const { url } = ctx
  const params = readParams(url)
  if (isReply(params)) return params
  const pathParam = url.searchParams.get('path')
  const folder = pathParam === null ? undefined : normaliseFolder(pathParam)
  const query = url.searchParams.get('searchQuery')
  const search = query === null || query.trim() === '' ? undefined : compileSearch(query, ctx.now())
  if (search !== undefined && !search.ok) return fail(400, search.message)
  const legacy: Legacy | Reply =
    search === undefined
      ? legacyFilters(url, url.searchParams.has('type'), params.type)
      : { tags: undefined, name: undefined, includeFolder: false }
  if (isReply(legacy)) return legacy
  const rows = collectRows(ctx, selection(params, legacy, folder, search?.test))
  sortRows(rows, params.sort)
  const { skip, limit } = params
  return ok(
    rows
      .slice(skip, skip + limit)
      .map((r) =>
        r.kind === 'folder'
          ? folderDetails(r.path, r.folder)
          : fileDetails(ctx.urlEndpoint, r.file, r.version),
      ),
  )
}
