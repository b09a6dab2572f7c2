// The parity table: requests for every operation, valid and invalid, with the verdict both Prism and the
// stand-in must reach. Each row is keyed by its operationId; its method and path come from the declared
// template (`params` for a placeholder named otherwise). `{name}` placeholders are the ids `seed()`
// creates (SEED_IDS). A row with `prism` set is a documented deviation (README "Deviations"), with its
// reason in `why`.
import { createHmac } from 'node:crypto'
import type { StandIn } from '../createImagekitStandIn'
import { DECLARED, type StandInOperationId } from '../internal/routes'
import { pngHeader } from './call'

export type Verdict = 'accepted' | 'refused'

/** Where a row is sent: its operation, with `{name}` values for the template's parameters and a query. */
export interface At {
  readonly operation: StandInOperationId
  /** A template parameter's value (default: the placeholder of the same name). */
  readonly params?: Readonly<Record<string, string>>
  readonly query?: string
}

export interface Row extends At {
  readonly name: string
  /** The operation's method, and its path template filled with `params` (then `?query`). */
  readonly method: string
  readonly path: string
  readonly json?: unknown
  /** Multipart fields of an upload (built per run: client-side signatures depend on the clock). */
  readonly form?: (
    s: Pick<StandIn, 'privateKey' | 'publicKey' | 'signUploadToken'>,
  ) => Record<string, string | Uint8Array>
  /** Send no Authorization header (API rows); for uploads, see `clientSide`. */
  readonly auth?: 'none'
  /** An upload authenticated by its form fields, without Basic auth. */
  readonly clientSide?: boolean
  readonly expected: Verdict
  /** Prism's verdict where it differs (a deviation), with `why`. */
  readonly prism?: Verdict
  readonly why?: string
  /** `false` for operations newer than the spec (stand-in only). */
  readonly inSpec?: false
}

/** The ids `seed()` creates, deterministic because the stand-in's ids are counters. */
export const SEED_IDS = {
  fileId: '000000000000000000000001',
  oldVersionId: '000000000000000000000001',
  versionId: '000000000000000000000003',
  fieldId: '000000000000000000000004',
  extensionId: '000000000000000000000005',
  originId: '000000000000000000000006',
  endpointId: '000000000000000000000007',
  jobId: '00000000000000000000000b',
  purgeId: '00000000000000000000000c',
  namedId: '00000000000000000000000d',
  urlEndpoint: 'https://ik.imagekit.io/standin',
}

const png = pngHeader(2, 2)
const signed = (
  s: Pick<StandIn, 'privateKey' | 'publicKey'>,
  token: string,
  expire = Math.floor(Date.now() / 1000) + 600,
) => ({
  publicKey: s.publicKey,
  token,
  expire: String(expire),
  signature: createHmac('sha1', s.privateKey).update(`${token}${expire}`).digest('hex'),
})
let tokens = 0
const fresh = () => `parity-token-${++tokens}-${Date.now()}`

/** The method and path of `at`, from the declared operation's template. */
const sent = ({ operation, params = {}, query }: At): Pick<Row, 'method' | 'path'> => {
  const { method, path } = DECLARED.find((d) => d.operationId === operation)!
  const filled = path.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m)
  return { method, path: query === undefined ? filled : `${filled}?${query}` }
}

const row = (
  name: string,
  at: StandInOperationId | At,
  expected: Verdict,
  json: unknown,
  extra: Partial<Row>,
): Row => {
  const where = typeof at === 'string' ? { operation: at } : at
  return {
    name,
    ...where,
    ...sent(where),
    ...(json === undefined ? {} : { json }),
    expected,
    ...extra,
  }
}
const ok = (name: string, at: StandInOperationId | At, json?: unknown, extra: Partial<Row> = {}): Row =>
  row(name, at, 'accepted', json, extra)
const bad = (name: string, at: StandInOperationId | At, json?: unknown, extra: Partial<Row> = {}): Row =>
  row(name, at, 'refused', json, extra)
const up = (
  name: string,
  expected: Verdict,
  form: NonNullable<Row['form']>,
  extra: Partial<Row> = {},
): Row => ({ ...row(name, 'upload-file', expected, undefined, extra), form })
const up2 = (
  name: string,
  expected: Verdict,
  form: NonNullable<Row['form']>,
  extra: Partial<Row> = {},
): Row => ({ ...row(name, 'upload-file-v2', expected, undefined, extra), form })

const origin = { name: 'My origin', type: 'WEB_FOLDER', baseUrl: 'https://example.com' }
const field = {
  name: 'size_class',
  label: 'Size class',
  schema: { type: 'SingleSelect', selectOptions: ['S', 'M'] },
}

export const ROWS: readonly Row[] = [
  // upload v1
  up('an upload with Basic auth', 'accepted', () => ({ file: png, fileName: 'p.png' })),
  up('an upload with every option', 'accepted', () => ({
    file: png,
    fileName: 'p.png',
    useUniqueFileName: 'false',
    tags: 'a,b',
    folder: '/products',
    isPrivateFile: 'true',
    isPublished: 'true',
    customCoordinates: '1,2,3,4',
    responseFields: 'tags,metadata,customMetadata',
    extensions: JSON.stringify([{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 80 }]),
    webhookUrl: 'https://example.com/hook',
    overwriteFile: 'true',
    overwriteAITags: 'false',
    overwriteTags: 'false',
    overwriteCustomMetadata: 'true',
    customMetadata: JSON.stringify({ color: 'red' }),
    transformation: JSON.stringify({ pre: 'w-100' }),
    description: 'A product',
  })),
  up('a base64 file', 'accepted', () => ({ file: 'R0lGODlhAQABAAAAACw=', fileName: 'g.gif' })),
  up(
    'a client-side upload (signature, expire, token)',
    'accepted',
    (s) => ({ file: png, fileName: 'c.png', ...signed(s, fresh()) }),
    { clientSide: true },
  ),
  up('an upload without fileName', 'refused', () => ({ file: png })),
  up('an upload without file', 'refused', () => ({ fileName: 'p.png' })),
  up('useUniqueFileName that is not a boolean', 'refused', () => ({
    file: png,
    fileName: 'p.png',
    useUniqueFileName: 'maybe',
  })),
  up(
    'an unknown responseFields entry',
    'refused',
    () => ({ file: png, fileName: 'p.png', responseFields: 'colour' }),
    {
      prism: 'accepted',
      why: 'the patched spec takes the comma-joined wire form as any string, so Prism cannot check the entries',
    },
  ),
  up('an upload with no credentials at all', 'refused', () => ({ file: png, fileName: 'p.png' }), {
    clientSide: true,
    prism: 'accepted',
    why: 'the spec allows anonymous uploads (security `{}`), ImageKit needs Basic auth or the signature fields',
  }),
  up(
    'a client-side upload with a wrong signature',
    'refused',
    (s) => ({ file: png, fileName: 'c.png', ...signed(s, fresh()), signature: 'f'.repeat(40) }),
    {
      clientSide: true,
      prism: 'accepted',
      why: 'Prism cannot check signatures',
    },
  ),
  // upload v2
  up2('a v2 upload with Basic auth', 'accepted', () => ({ file: png, fileName: 'v2.png' })),
  up2(
    'a v2 upload with a JWT',
    'accepted',
    (s) => {
      const iat = Math.floor(Date.now() / 1000)
      return {
        file: png,
        fileName: 'v2.png',
        token: s.signUploadToken({ fileName: 'v2.png', iat, exp: iat + 600 }),
      }
    },
    { clientSide: true },
  ),
  up2('a v2 upload without fileName', 'refused', () => ({ file: png })),
  up2(
    'a v2 upload whose JWT does not cover the fields',
    'refused',
    (s) => {
      const iat = Math.floor(Date.now() / 1000)
      return {
        file: png,
        fileName: 'v2.png',
        tags: 'x',
        token: s.signUploadToken({ fileName: 'v2.png', iat, exp: iat + 600 }),
      }
    },
    { clientSide: true, prism: 'accepted', why: 'Prism cannot check JWTs' },
  ),
  // list and search
  ok('a listing with defaults', 'list-and-search-assets'),
  ok('a listing with every parameter', {
    operation: 'list-and-search-assets',
    query: 'type=all&sort=DESC_NAME&path=%2Ff&fileType=image&limit=10&skip=0',
  }),
  ok('a search', {
    operation: 'list-and-search-assets',
    query: `searchQuery=${encodeURIComponent('name = "a.png" AND size > 10 OR tags IN ["x"]')}`,
  }),
  bad('limit 0', { operation: 'list-and-search-assets', query: 'limit=0' }),
  bad('limit 1001', { operation: 'list-and-search-assets', query: 'limit=1001' }),
  bad('a negative skip', { operation: 'list-and-search-assets', query: 'skip=-1' }),
  bad('an unknown sort', { operation: 'list-and-search-assets', query: 'sort=SIDEWAYS' }),
  bad('an unknown type', { operation: 'list-and-search-assets', query: 'type=everything' }),
  bad('an unknown fileType', { operation: 'list-and-search-assets', query: 'fileType=video' }),
  bad('a listing without credentials', 'list-and-search-assets', undefined, { auth: 'none' }),
  bad(
    'an unsupported searchQuery',
    { operation: 'list-and-search-assets', query: `searchQuery=${encodeURIComponent('format = "png"')}` },
    undefined,
    {
      prism: 'accepted',
      why: 'Prism does not parse searchQuery; the stand-in refuses what it cannot answer exactly',
    },
  ),
  // details and update
  ok('file details', 'get-file-details'),
  bad('file details without credentials', 'get-file-details', undefined, { auth: 'none' }),
  ok('an update of tags and coordinates', 'update-file-details', {
    tags: ['x'],
    customCoordinates: null,
    description: 'd',
  }),
  ok('an update of custom metadata', 'update-file-details', {
    customMetadata: { color: 'blue' },
  }),
  ok('a publish update', 'update-file-details', {
    publish: { isPublished: false, includeFileVersions: true },
  }),
  bad('a publish update without isPublished', 'update-file-details', { publish: {} }),
  bad('tags that are not a list', 'update-file-details', { tags: 'x' }),
  bad('a webhookUrl that is not a URL', 'update-file-details', { webhookUrl: 'not a url' }),
  bad('removeAITags that is neither a list nor "all"', 'update-file-details', {
    removeAITags: 'some',
  }),
  // delete
  ok('a file deletion', 'delete-file'),
  ok('a bulk deletion', 'delete-multiple-files', { fileIds: ['{fileId}'] }),
  bad('a bulk deletion without fileIds', 'delete-multiple-files', {}),
  bad('a bulk deletion with fileIds that is not a list', 'delete-multiple-files', {
    fileIds: '{fileId}',
  }),
  // copy, move, rename
  ok('a file copy', 'copy-file', {
    sourceFilePath: '/f/a.png',
    destinationPath: '/h',
    includeFileVersions: true,
  }),
  bad('a file copy without destinationPath', 'copy-file', { sourceFilePath: '/f/a.png' }),
  bad('a file copy with includeFileVersions that is not a boolean', 'copy-file', {
    sourceFilePath: '/f/a.png',
    destinationPath: '/h',
    includeFileVersions: 'yes',
  }),
  ok('a file move', 'move-file', { sourceFilePath: '/f/a.png', destinationPath: '/h' }),
  bad('a file move without sourceFilePath', 'move-file', { destinationPath: '/h' }),
  ok('a rename', 'rename-file', { filePath: '/f/a.png', newFileName: 'b.png' }),
  ok('a rename with purge', 'rename-file', {
    filePath: '/f/a.png',
    newFileName: 'b.png',
    purgeCache: true,
  }),
  bad('a rename without newFileName', 'rename-file', { filePath: '/f/a.png' }),
  // versions
  ok('a version list', 'list-file-versions'),
  ok('version details', 'get-file-version-details'),
  ok('an old version deletion', {
    operation: 'delete-file-version',
    params: { versionId: '{oldVersionId}' },
  }),
  ok('a version restore', { operation: 'restore-file-version', params: { versionId: '{oldVersionId}' } }),
  bad(
    'a version restore without credentials',
    { operation: 'restore-file-version', params: { versionId: '{oldVersionId}' } },
    undefined,
    { auth: 'none' },
  ),
  // tags
  ok('added tags', 'add-tags-bulk', { fileIds: ['{fileId}'], tags: ['x', 'y'] }),
  bad('added tags without tags', 'add-tags-bulk', { fileIds: ['{fileId}'] }),
  ok('removed tags', 'remove-tags-bulk', { fileIds: ['{fileId}'], tags: ['x'] }),
  bad('removed tags that are not a list', 'remove-tags-bulk', {
    fileIds: ['{fileId}'],
    tags: 'x',
  }),
  ok('removed AI tags', 'remove-ai-tags-bulk', { fileIds: ['{fileId}'], AITags: ['car'] }),
  bad('removed AI tags without AITags', 'remove-ai-tags-bulk', { fileIds: ['{fileId}'] }),
  // metadata
  ok('file metadata', 'get-uploaded-file-metadata'),
  ok('metadata from a URL', {
    operation: 'get-metadata-from-url',
    query: `url=${encodeURIComponent('https://ik.imagekit.io/standin/f/a.png')}`,
  }),
  bad('metadata without url', 'get-metadata-from-url'),
  // folders and bulk jobs
  ok('a folder creation', 'create-folder', { folderName: 'new', parentFolderPath: '/f' }),
  bad('a folder creation without folderName', 'create-folder', { parentFolderPath: '/' }),
  ok('a folder deletion', 'delete-folder', { folderPath: '/f' }),
  bad('a folder deletion without folderPath', 'delete-folder', {}),
  ok('a folder copy', 'copy-folder', {
    sourceFolderPath: '/f',
    destinationPath: '/h',
    includeVersions: true,
  }),
  bad('a folder copy without destinationPath', 'copy-folder', { sourceFolderPath: '/f' }),
  ok('a folder move', 'move-folder', { sourceFolderPath: '/f', destinationPath: '/h' }),
  bad('a folder move without sourceFolderPath', 'move-folder', { destinationPath: '/h' }),
  ok('a folder rename', 'rename-folder', {
    folderPath: '/f',
    newFolderName: 'k',
    purgeCache: true,
  }),
  bad('a folder rename without newFolderName', 'rename-folder', { folderPath: '/f' }),
  ok('a bulk job status', 'bulk-job-status'),
  // purge
  ok('a purge', 'purge-cache', { url: 'https://ik.imagekit.io/standin/f/a.png' }),
  bad('a purge without url', 'purge-cache', {}),
  bad('a purge whose url is not a URL', 'purge-cache', { url: 'not a url' }),
  ok('a purge status', { operation: 'purge-status', params: { requestId: '{purgeId}' } }),
  // custom metadata fields
  ok('a field creation', 'create-new-field', field),
  bad('a field creation without schema', 'create-new-field', { name: 'x', label: 'X' }),
  bad('a field creation with an unknown type', 'create-new-field', {
    name: 'x',
    label: 'X',
    schema: { type: 'Colour' },
  }),
  ok('a field list', 'list-all-fields'),
  ok('a field list with deleted fields', { operation: 'list-all-fields', query: 'includeDeleted=true' }),
  ok(
    'a field update',
    { operation: 'update-existing-field', params: { id: '{fieldId}' } },
    {
      label: 'Colour',
      schema: { maxLength: 10 },
    },
  ),
  bad(
    'a field update with a minLength that is not a number',
    { operation: 'update-existing-field', params: { id: '{fieldId}' } },
    {
      schema: { minLength: 'x' },
    },
  ),
  ok('a field deletion', { operation: 'delete-a-field', params: { id: '{fieldId}' } }),
  // saved extensions
  ok('a saved extension list', 'list-extensions'),
  ok('a saved extension creation', 'create-extension', {
    name: 'tags',
    description: 'Auto tags',
    config: { name: 'aws-auto-tagging', maxTags: 5, minConfidence: 70 },
  }),
  bad('a saved extension without description', 'create-extension', {
    name: 'tags',
    config: { name: 'remove-bg' },
  }),
  bad('a saved extension with an unknown config', 'create-extension', {
    name: 'tags',
    description: 'd',
    config: { name: 'sharpen' },
  }),
  ok('a saved extension', { operation: 'get-extension', params: { id: '{extensionId}' } }),
  ok(
    'a saved extension update',
    { operation: 'update-extension', params: { id: '{extensionId}' } },
    { name: 'bg2' },
  ),
  bad(
    'a saved extension update with an empty name',
    { operation: 'update-extension', params: { id: '{extensionId}' } },
    {
      name: '',
    },
  ),
  ok('a saved extension deletion', { operation: 'delete-extension', params: { id: '{extensionId}' } }),
  // origins
  ok('an origin list', 'list-origins'),
  ok('an origin creation', 'create-origin', origin),
  ok('an S3 origin creation', 'create-origin', {
    name: 'Bucket',
    type: 'S3',
    bucket: 'b',
    accessKey: 'k',
    secretKey: 's',
    prefix: 'p',
  }),
  bad('an origin without baseUrl', 'create-origin', { name: 'My origin', type: 'WEB_FOLDER' }),
  bad('an origin of an unknown type', 'create-origin', { ...origin, type: 'FTP' }),
  bad('an origin with an extra property', 'create-origin', { ...origin, colour: 'red' }),
  bad('an origin whose name has punctuation', 'create-origin', { ...origin, name: 'Mine!' }),
  ok('an origin', { operation: 'get-origin', params: { id: '{originId}' } }),
  ok(
    'an origin update',
    { operation: 'update-origin', params: { id: '{originId}' } },
    { ...origin, name: 'Renamed' },
  ),
  bad(
    'an origin update without name',
    { operation: 'update-origin', params: { id: '{originId}' } },
    { type: 'WEB_PROXY' },
  ),
  ok('an origin deletion', { operation: 'delete-origin', params: { id: '{originId}' } }),
  // URL endpoints
  ok('a URL endpoint list', 'list-url-endpoints'),
  ok('a URL endpoint creation', 'create-url-endpoint', {
    description: 'Second',
    urlPrefix: 'second',
    origins: ['{originId}'],
    urlRewriter: { type: 'CLOUDINARY' },
  }),
  bad('a URL endpoint without description', 'create-url-endpoint', { urlPrefix: 'x' }),
  bad('a URL endpoint with an extra property', 'create-url-endpoint', {
    description: 'd',
    urlPrefix: 'x',
    colour: 'red',
  }),
  bad('a URL endpoint with an unknown rewriter', 'create-url-endpoint', {
    description: 'd',
    urlPrefix: 'x',
    urlRewriter: { type: 'FASTLY' },
  }),
  ok('a URL endpoint', { operation: 'get-url-endpoint', params: { id: '{endpointId}' } }),
  ok(
    'a URL endpoint update',
    { operation: 'update-url-endpoint', params: { id: '{endpointId}' } },
    {
      description: 'Main, renamed',
      urlPrefix: 'main',
    },
  ),
  ok('a URL endpoint deletion', { operation: 'delete-url-endpoint', params: { id: '{endpointId}' } }),
  // usage
  ok('usage for a month', { operation: 'get-usage', query: 'startDate=2026-01-01&endDate=2026-01-31' }),
  bad('usage without endDate', { operation: 'get-usage', query: 'startDate=2026-01-01' }),
  bad('usage with a date that is not YYYY-MM-DD', {
    operation: 'get-usage',
    query: 'startDate=01-01-2026&endDate=2026-01-31',
  }),
  // newer than the spec: the stand-in only
  ok(
    'usage analytics',
    { operation: 'get-usage-analytics', query: 'startDate=2026-01-01&endDate=2026-01-31' },
    undefined,
    { inSpec: false },
  ),
  bad(
    'usage analytics without startDate',
    { operation: 'get-usage-analytics', query: 'endDate=2026-01-31' },
    undefined,
    { inSpec: false },
  ),
  ok('a named transformation list', 'list-named-transformations', undefined, { inSpec: false }),
  ok(
    'a named transformation creation',
    'create-named-transformation',
    { name: 'small', transformation: 'w-50,h-50', enabled: false },
    { inSpec: false },
  ),
  bad(
    'a named transformation without transformation',
    'create-named-transformation',
    { name: 'small' },
    { inSpec: false },
  ),
  bad(
    'a named transformation whose name has a dash',
    'create-named-transformation',
    { name: 'sm-all', transformation: 'w-50' },
    { inSpec: false },
  ),
  ok(
    'a named transformation',
    { operation: 'get-named-transformation', params: { id: '{namedId}' } },
    undefined,
    { inSpec: false },
  ),
  ok(
    'a named transformation update',
    { operation: 'update-named-transformation', params: { id: '{namedId}' } },
    { enabled: false },
    { inSpec: false },
  ),
  ok(
    'a named transformation deletion',
    { operation: 'delete-named-transformation', params: { id: '{namedId}' } },
    undefined,
    {
      inSpec: false,
    },
  ),
]
