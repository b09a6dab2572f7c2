// The parity table: requests for every operation, valid and invalid, with the verdict both Prism and the
// stand-in must reach. `{name}` placeholders are the ids `seed()` creates (SEED_IDS). A row with `prism` set
// is a documented deviation (README "Deviations"), with its reason in `why`.
import { createHmac } from 'node:crypto'
import type { StandIn } from '../createImagekitStandIn'
import { pngHeader } from './call'

export type Verdict = 'accepted' | 'refused'

export interface Row {
  readonly name: string
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

const ok = (name: string, method: string, path: string, json?: unknown, extra: Partial<Row> = {}): Row => ({
  name,
  method,
  path,
  ...(json === undefined ? {} : { json }),
  expected: 'accepted',
  ...extra,
})
const bad = (name: string, method: string, path: string, json?: unknown, extra: Partial<Row> = {}): Row => ({
  name,
  method,
  path,
  ...(json === undefined ? {} : { json }),
  expected: 'refused',
  ...extra,
})
const up = (
  name: string,
  expected: Verdict,
  form: NonNullable<Row['form']>,
  extra: Partial<Row> = {},
): Row => ({
  name,
  method: 'POST',
  path: '/api/v1/files/upload',
  form,
  expected,
  ...extra,
})
const up2 = (
  name: string,
  expected: Verdict,
  form: NonNullable<Row['form']>,
  extra: Partial<Row> = {},
): Row => up(name, expected, form, { path: '/api/v2/files/upload', ...extra })

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
  ok('a listing with defaults', 'GET', '/v1/files'),
  ok(
    'a listing with every parameter',
    'GET',
    `/v1/files?type=all&sort=DESC_NAME&path=%2Ff&fileType=image&limit=10&skip=0`,
  ),
  ok(
    'a search',
    'GET',
    `/v1/files?searchQuery=${encodeURIComponent('name = "a.png" AND size > 10 OR tags IN ["x"]')}`,
  ),
  bad('limit 0', 'GET', '/v1/files?limit=0'),
  bad('limit 1001', 'GET', '/v1/files?limit=1001'),
  bad('a negative skip', 'GET', '/v1/files?skip=-1'),
  bad('an unknown sort', 'GET', '/v1/files?sort=SIDEWAYS'),
  bad('an unknown type', 'GET', '/v1/files?type=everything'),
  bad('an unknown fileType', 'GET', '/v1/files?fileType=video'),
  bad('a listing without credentials', 'GET', '/v1/files', undefined, { auth: 'none' }),
  bad(
    'an unsupported searchQuery',
    'GET',
    `/v1/files?searchQuery=${encodeURIComponent('format = "png"')}`,
    undefined,
    {
      prism: 'accepted',
      why: 'Prism does not parse searchQuery; the stand-in refuses what it cannot answer exactly',
    },
  ),
  // details and update
  ok('file details', 'GET', '/v1/files/{fileId}/details'),
  bad('file details without credentials', 'GET', '/v1/files/{fileId}/details', undefined, { auth: 'none' }),
  ok('an update of tags and coordinates', 'PATCH', '/v1/files/{fileId}/details', {
    tags: ['x'],
    customCoordinates: null,
    description: 'd',
  }),
  ok('an update of custom metadata', 'PATCH', '/v1/files/{fileId}/details', {
    customMetadata: { color: 'blue' },
  }),
  ok('a publish update', 'PATCH', '/v1/files/{fileId}/details', {
    publish: { isPublished: false, includeFileVersions: true },
  }),
  bad('a publish update without isPublished', 'PATCH', '/v1/files/{fileId}/details', { publish: {} }),
  bad('tags that are not a list', 'PATCH', '/v1/files/{fileId}/details', { tags: 'x' }),
  bad('a webhookUrl that is not a URL', 'PATCH', '/v1/files/{fileId}/details', { webhookUrl: 'not a url' }),
  bad('removeAITags that is neither a list nor "all"', 'PATCH', '/v1/files/{fileId}/details', {
    removeAITags: 'some',
  }),
  // delete
  ok('a file deletion', 'DELETE', '/v1/files/{fileId}'),
  ok('a bulk deletion', 'POST', '/v1/files/batch/deleteByFileIds', { fileIds: ['{fileId}'] }),
  bad('a bulk deletion without fileIds', 'POST', '/v1/files/batch/deleteByFileIds', {}),
  bad('a bulk deletion with fileIds that is not a list', 'POST', '/v1/files/batch/deleteByFileIds', {
    fileIds: '{fileId}',
  }),
  // copy, move, rename
  ok('a file copy', 'POST', '/v1/files/copy', {
    sourceFilePath: '/f/a.png',
    destinationPath: '/h',
    includeFileVersions: true,
  }),
  bad('a file copy without destinationPath', 'POST', '/v1/files/copy', { sourceFilePath: '/f/a.png' }),
  bad('a file copy with includeFileVersions that is not a boolean', 'POST', '/v1/files/copy', {
    sourceFilePath: '/f/a.png',
    destinationPath: '/h',
    includeFileVersions: 'yes',
  }),
  ok('a file move', 'POST', '/v1/files/move', { sourceFilePath: '/f/a.png', destinationPath: '/h' }),
  bad('a file move without sourceFilePath', 'POST', '/v1/files/move', { destinationPath: '/h' }),
  ok('a rename', 'PUT', '/v1/files/rename', { filePath: '/f/a.png', newFileName: 'b.png' }),
  ok('a rename with purge', 'PUT', '/v1/files/rename', {
    filePath: '/f/a.png',
    newFileName: 'b.png',
    purgeCache: true,
  }),
  bad('a rename without newFileName', 'PUT', '/v1/files/rename', { filePath: '/f/a.png' }),
  // versions
  ok('a version list', 'GET', '/v1/files/{fileId}/versions'),
  ok('version details', 'GET', '/v1/files/{fileId}/versions/{versionId}'),
  ok('an old version deletion', 'DELETE', '/v1/files/{fileId}/versions/{oldVersionId}'),
  ok('a version restore', 'PUT', '/v1/files/{fileId}/versions/{oldVersionId}/restore'),
  bad(
    'a version restore without credentials',
    'PUT',
    '/v1/files/{fileId}/versions/{oldVersionId}/restore',
    undefined,
    { auth: 'none' },
  ),
  // tags
  ok('added tags', 'POST', '/v1/files/addTags', { fileIds: ['{fileId}'], tags: ['x', 'y'] }),
  bad('added tags without tags', 'POST', '/v1/files/addTags', { fileIds: ['{fileId}'] }),
  ok('removed tags', 'POST', '/v1/files/removeTags', { fileIds: ['{fileId}'], tags: ['x'] }),
  bad('removed tags that are not a list', 'POST', '/v1/files/removeTags', {
    fileIds: ['{fileId}'],
    tags: 'x',
  }),
  ok('removed AI tags', 'POST', '/v1/files/removeAITags', { fileIds: ['{fileId}'], AITags: ['car'] }),
  bad('removed AI tags without AITags', 'POST', '/v1/files/removeAITags', { fileIds: ['{fileId}'] }),
  // metadata
  ok('file metadata', 'GET', '/v1/files/{fileId}/metadata'),
  ok(
    'metadata from a URL',
    'GET',
    `/v1/metadata?url=${encodeURIComponent('https://ik.imagekit.io/standin/f/a.png')}`,
  ),
  bad('metadata without url', 'GET', '/v1/metadata'),
  // folders and bulk jobs
  ok('a folder creation', 'POST', '/v1/folder', { folderName: 'new', parentFolderPath: '/f' }),
  bad('a folder creation without folderName', 'POST', '/v1/folder', { parentFolderPath: '/' }),
  ok('a folder deletion', 'DELETE', '/v1/folder', { folderPath: '/f' }),
  bad('a folder deletion without folderPath', 'DELETE', '/v1/folder', {}),
  ok('a folder copy', 'POST', '/v1/bulkJobs/copyFolder', {
    sourceFolderPath: '/f',
    destinationPath: '/h',
    includeVersions: true,
  }),
  bad('a folder copy without destinationPath', 'POST', '/v1/bulkJobs/copyFolder', { sourceFolderPath: '/f' }),
  ok('a folder move', 'POST', '/v1/bulkJobs/moveFolder', { sourceFolderPath: '/f', destinationPath: '/h' }),
  bad('a folder move without sourceFolderPath', 'POST', '/v1/bulkJobs/moveFolder', { destinationPath: '/h' }),
  ok('a folder rename', 'POST', '/v1/bulkJobs/renameFolder', {
    folderPath: '/f',
    newFolderName: 'k',
    purgeCache: true,
  }),
  bad('a folder rename without newFolderName', 'POST', '/v1/bulkJobs/renameFolder', { folderPath: '/f' }),
  ok('a bulk job status', 'GET', '/v1/bulkJobs/{jobId}'),
  // purge
  ok('a purge', 'POST', '/v1/files/purge', { url: 'https://ik.imagekit.io/standin/f/a.png' }),
  bad('a purge without url', 'POST', '/v1/files/purge', {}),
  bad('a purge whose url is not a URL', 'POST', '/v1/files/purge', { url: 'not a url' }),
  ok('a purge status', 'GET', '/v1/files/purge/{purgeId}'),
  // custom metadata fields
  ok('a field creation', 'POST', '/v1/customMetadataFields', field),
  bad('a field creation without schema', 'POST', '/v1/customMetadataFields', { name: 'x', label: 'X' }),
  bad('a field creation with an unknown type', 'POST', '/v1/customMetadataFields', {
    name: 'x',
    label: 'X',
    schema: { type: 'Colour' },
  }),
  ok('a field list', 'GET', '/v1/customMetadataFields'),
  ok('a field list with deleted fields', 'GET', '/v1/customMetadataFields?includeDeleted=true'),
  ok('a field update', 'PATCH', '/v1/customMetadataFields/{fieldId}', {
    label: 'Colour',
    schema: { maxLength: 10 },
  }),
  bad('a field update with a minLength that is not a number', 'PATCH', '/v1/customMetadataFields/{fieldId}', {
    schema: { minLength: 'x' },
  }),
  ok('a field deletion', 'DELETE', '/v1/customMetadataFields/{fieldId}'),
  // saved extensions
  ok('a saved extension list', 'GET', '/v1/saved-extensions'),
  ok('a saved extension creation', 'POST', '/v1/saved-extensions', {
    name: 'tags',
    description: 'Auto tags',
    config: { name: 'aws-auto-tagging', maxTags: 5, minConfidence: 70 },
  }),
  bad('a saved extension without description', 'POST', '/v1/saved-extensions', {
    name: 'tags',
    config: { name: 'remove-bg' },
  }),
  bad('a saved extension with an unknown config', 'POST', '/v1/saved-extensions', {
    name: 'tags',
    description: 'd',
    config: { name: 'sharpen' },
  }),
  ok('a saved extension', 'GET', '/v1/saved-extensions/{extensionId}'),
  ok('a saved extension update', 'PATCH', '/v1/saved-extensions/{extensionId}', { name: 'bg2' }),
  bad('a saved extension update with an empty name', 'PATCH', '/v1/saved-extensions/{extensionId}', {
    name: '',
  }),
  ok('a saved extension deletion', 'DELETE', '/v1/saved-extensions/{extensionId}'),
  // origins
  ok('an origin list', 'GET', '/v1/accounts/origins'),
  ok('an origin creation', 'POST', '/v1/accounts/origins', origin),
  ok('an S3 origin creation', 'POST', '/v1/accounts/origins', {
    name: 'Bucket',
    type: 'S3',
    bucket: 'b',
    accessKey: 'k',
    secretKey: 's',
    prefix: 'p',
  }),
  bad('an origin without baseUrl', 'POST', '/v1/accounts/origins', { name: 'My origin', type: 'WEB_FOLDER' }),
  bad('an origin of an unknown type', 'POST', '/v1/accounts/origins', { ...origin, type: 'FTP' }),
  bad('an origin with an extra property', 'POST', '/v1/accounts/origins', { ...origin, colour: 'red' }),
  bad('an origin whose name has punctuation', 'POST', '/v1/accounts/origins', { ...origin, name: 'Mine!' }),
  ok('an origin', 'GET', '/v1/accounts/origins/{originId}'),
  ok('an origin update', 'PUT', '/v1/accounts/origins/{originId}', { ...origin, name: 'Renamed' }),
  bad('an origin update without name', 'PUT', '/v1/accounts/origins/{originId}', { type: 'WEB_PROXY' }),
  ok('an origin deletion', 'DELETE', '/v1/accounts/origins/{originId}'),
  // URL endpoints
  ok('a URL endpoint list', 'GET', '/v1/accounts/url-endpoints'),
  ok('a URL endpoint creation', 'POST', '/v1/accounts/url-endpoints', {
    description: 'Second',
    urlPrefix: 'second',
    origins: ['{originId}'],
    urlRewriter: { type: 'CLOUDINARY' },
  }),
  bad('a URL endpoint without description', 'POST', '/v1/accounts/url-endpoints', { urlPrefix: 'x' }),
  bad('a URL endpoint with an extra property', 'POST', '/v1/accounts/url-endpoints', {
    description: 'd',
    urlPrefix: 'x',
    colour: 'red',
  }),
  bad('a URL endpoint with an unknown rewriter', 'POST', '/v1/accounts/url-endpoints', {
    description: 'd',
    urlPrefix: 'x',
    urlRewriter: { type: 'FASTLY' },
  }),
  ok('a URL endpoint', 'GET', '/v1/accounts/url-endpoints/{endpointId}'),
  ok('a URL endpoint update', 'PUT', '/v1/accounts/url-endpoints/{endpointId}', {
    description: 'Main, renamed',
    urlPrefix: 'main',
  }),
  ok('a URL endpoint deletion', 'DELETE', '/v1/accounts/url-endpoints/{endpointId}'),
  // usage
  ok('usage for a month', 'GET', '/v1/accounts/usage?startDate=2026-01-01&endDate=2026-01-31'),
  bad('usage without endDate', 'GET', '/v1/accounts/usage?startDate=2026-01-01'),
  bad(
    'usage with a date that is not YYYY-MM-DD',
    'GET',
    '/v1/accounts/usage?startDate=01-01-2026&endDate=2026-01-31',
  ),
  // newer than the spec: the stand-in only
  ok(
    'usage analytics',
    'GET',
    '/v1/accounts/usage-analytics?startDate=2026-01-01&endDate=2026-01-31',
    undefined,
    { inSpec: false },
  ),
  bad(
    'usage analytics without startDate',
    'GET',
    '/v1/accounts/usage-analytics?endDate=2026-01-31',
    undefined,
    { inSpec: false },
  ),
  ok('a named transformation list', 'GET', '/v1/named-transformations', undefined, { inSpec: false }),
  ok(
    'a named transformation creation',
    'POST',
    '/v1/named-transformations',
    { name: 'small', transformation: 'w-50,h-50', enabled: false },
    { inSpec: false },
  ),
  bad(
    'a named transformation without transformation',
    'POST',
    '/v1/named-transformations',
    { name: 'small' },
    { inSpec: false },
  ),
  bad(
    'a named transformation whose name has a dash',
    'POST',
    '/v1/named-transformations',
    { name: 'sm-all', transformation: 'w-50' },
    { inSpec: false },
  ),
  ok('a named transformation', 'GET', '/v1/named-transformations/{namedId}', undefined, { inSpec: false }),
  ok(
    'a named transformation update',
    'PATCH',
    '/v1/named-transformations/{namedId}',
    { enabled: false },
    { inSpec: false },
  ),
  ok('a named transformation deletion', 'DELETE', '/v1/named-transformations/{namedId}', undefined, {
    inSpec: false,
  }),
]
