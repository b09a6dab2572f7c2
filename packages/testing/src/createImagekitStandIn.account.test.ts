import { describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '@imagekit-fp/testing'
import { call, pngHeader } from './test-support/call'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const error = (message: string, extra: Record<string, unknown> = {}) => ({ message, help: HELP, ...extra })
const NOW = Date.parse('2026-01-01T00:00:00Z')
const ISO = new Date(NOW).toISOString()

describe('createImagekitStandIn: folders and bulk jobs', () => {
  it('creates, copies, moves, renames and deletes folders; jobs read Pending, then Completed', async () => {
    const s = createImagekitStandIn({ now: () => NOW, pendingReads: 2 })
    s.addFile({ fileName: 'a.png', folder: '/src/inner', bytes: pngHeader(1, 1) })
    expect(
      await call(s, 'POST', '/v1/folder', { folderName: 'empty', parentFolderPath: '/src' }),
    ).toMatchObject({ status: 201, body: {} })
    const copy = await call(s, 'POST', '/v1/bulkJobs/copyFolder', {
      sourceFolderPath: '/src',
      destinationPath: '/dst',
    })
    const jobId = (copy.body as { jobId: string }).jobId
    const status = async () => (await call(s, 'GET', `/v1/bulkJobs/${jobId}`)).body
    expect([await status(), await status(), await status()]).toStrictEqual([
      { jobId, type: 'COPY_FOLDER', status: 'Pending' },
      { jobId, type: 'COPY_FOLDER', status: 'Pending' },
      { jobId, type: 'COPY_FOLDER', status: 'Completed' },
    ])
    await call(s, 'POST', '/v1/bulkJobs/moveFolder', {
      sourceFolderPath: '/dst/src',
      destinationPath: '/moved',
    })
    const rename = await call(s, 'POST', '/v1/bulkJobs/renameFolder', {
      folderPath: '/moved/src',
      newFolderName: 'renamed',
      purgeCache: true,
    })
    expect(rename.status).toBe(202)
    expect(s.files().map((f) => f.filePath)).toStrictEqual(['/src/inner/a.png', '/moved/renamed/inner/a.png'])
    expect((await call(s, 'GET', '/v1/files?type=folder&path=/moved/renamed')).body).toMatchObject([
      { folderPath: '/moved/renamed/inner' },
      { folderPath: '/moved/renamed/empty' },
    ])
    expect((await call(s, 'DELETE', '/v1/folder', { folderPath: '/src' })).status).toBe(204)
    expect(s.files().map((f) => f.filePath)).toStrictEqual(['/moved/renamed/inner/a.png'])
    expect(await call(s, 'DELETE', '/v1/folder', { folderPath: '/src' })).toMatchObject({
      status: 404,
      body: error('No folder found with folderPath.', { reason: 'FOLDER_NOT_FOUND' }),
    })
    expect(await call(s, 'GET', '/v1/bulkJobs/nope')).toMatchObject({ status: 404 })
  })

  it('purges a URL under the endpoint, and reports Pending then Completed', async () => {
    const s = createImagekitStandIn()
    const purge = await call(s, 'POST', '/v1/files/purge', {
      url: 'https://ik.imagekit.io/standin/a.png?tr=w-100',
    })
    const requestId = (purge.body as { requestId: string }).requestId
    expect(purge).toMatchObject({ status: 201, body: { requestId: '000000000000000000000001' } })
    expect([
      (await call(s, 'GET', `/v1/files/purge/${requestId}`)).body,
      (await call(s, 'GET', `/v1/files/purge/${requestId}`)).body,
    ]).toStrictEqual([{ status: 'Pending' }, { status: 'Completed' }])
    expect((await call(s, 'POST', '/v1/files/purge', { url: 'https://other.example/a.png' })).status).toBe(
      400,
    )
  })
})

describe('createImagekitStandIn: account resources', () => {
  it('creates, lists, updates and deletes custom metadata fields', async () => {
    const s = createImagekitStandIn()
    const field = { name: 'size', label: 'Size', schema: { type: 'SingleSelect', selectOptions: ['S', 'M'] } }
    expect((await call(s, 'POST', '/v1/customMetadataFields', field)).body).toStrictEqual({
      id: '000000000000000000000001',
      ...field,
    })
    expect(await call(s, 'POST', '/v1/customMetadataFields', field)).toMatchObject({
      status: 400,
      body: error('A custom metadata field with this name already exists.'),
    })
    expect(
      await call(s, 'POST', '/v1/customMetadataFields', {
        name: 'x',
        label: 'X',
        schema: { type: 'MultiSelect' },
      }),
    ).toMatchObject({
      status: 400,
      body: error(
        'Your request contains invalid schema.selectOptions parameter: a select field needs options.',
      ),
    })
    expect(
      await call(s, 'POST', '/v1/customMetadataFields', {
        name: 'x',
        label: 'X',
        schema: { type: 'Colour' },
      }),
    ).toMatchObject({
      status: 400,
      body: error('Your request contains invalid schema.type parameter.'),
    })
    const patched = await call(s, 'PATCH', '/v1/customMetadataFields/000000000000000000000001', {
      label: 'Sizes',
      schema: { selectOptions: ['S', 'M', 'L'] },
    })
    expect(patched.body).toStrictEqual({
      id: '000000000000000000000001',
      name: 'size',
      label: 'Sizes',
      schema: { type: 'SingleSelect', selectOptions: ['S', 'M', 'L'] },
    })
    expect((await call(s, 'DELETE', '/v1/customMetadataFields/000000000000000000000001')).status).toBe(204)
    expect([
      (await call(s, 'GET', '/v1/customMetadataFields')).body,
      ((await call(s, 'GET', '/v1/customMetadataFields?includeDeleted=true')).body as unknown[]).length,
    ]).toStrictEqual([[], 1])
  })

  it('keeps saved extensions and named transformations', async () => {
    const s = createImagekitStandIn({ now: () => NOW })
    const ext = await call(s, 'POST', '/v1/saved-extensions', {
      name: 'bg',
      description: 'Remove it',
      config: { name: 'remove-bg' },
    })
    expect(ext.body).toStrictEqual({
      name: 'bg',
      description: 'Remove it',
      config: { name: 'remove-bg' },
      id: '000000000000000000000001',
      createdAt: ISO,
      updatedAt: ISO,
    })
    // The spec does not make saved extension names unique: a second one of the same name is stored.
    const again = await call(s, 'POST', '/v1/saved-extensions', {
      name: 'bg',
      description: 'Again',
      config: { name: 'remove-bg' },
    })
    expect([again.status, again.body]).toStrictEqual([
      201,
      {
        name: 'bg',
        description: 'Again',
        config: { name: 'remove-bg' },
        id: '000000000000000000000002',
        createdAt: ISO,
        updatedAt: ISO,
      },
    ])
    expect(
      await call(s, 'PATCH', '/v1/saved-extensions/000000000000000000000002', { name: 'bg' }),
    ).toMatchObject({ status: 200 })
    const named = await call(s, 'POST', '/v1/named-transformations', {
      name: 'thumb',
      transformation: 'w-100',
    })
    expect(named.body).toStrictEqual({
      enabled: true,
      name: 'thumb',
      transformation: 'w-100',
      id: '000000000000000000000003',
      createdAt: ISO,
    })
    expect(
      (await call(s, 'PATCH', '/v1/named-transformations/000000000000000000000003', { enabled: false })).body,
    ).toMatchObject({ enabled: false, transformation: 'w-100' })
    expect((await call(s, 'GET', '/v1/named-transformations')).body).toMatchObject([
      { name: 'thumb', enabled: false },
    ])
    expect((await call(s, 'DELETE', '/v1/saved-extensions/000000000000000000000001')).status).toBe(204)
    expect(await call(s, 'GET', '/v1/saved-extensions/000000000000000000000001')).toMatchObject({
      status: 404,
    })
  })

  it('never shows an origin secret, and links URL endpoints to known origins', async () => {
    const s = createImagekitStandIn()
    const origin = await call(s, 'POST', '/v1/accounts/origins', {
      name: 'Bucket',
      type: 'S3',
      bucket: 'b',
      accessKey: 'AK',
      secretKey: 'SECRET',
    })
    expect(origin.body).toStrictEqual({
      prefix: '',
      includeCanonicalHeader: false,
      name: 'Bucket',
      type: 'S3',
      bucket: 'b',
      id: '000000000000000000000001',
    })
    expect(JSON.stringify((await call(s, 'GET', '/v1/accounts/origins')).body)).not.toContain('SECRET')
    expect(
      await call(s, 'POST', '/v1/accounts/url-endpoints', { description: 'd', origins: ['nope'] }),
    ).toMatchObject({
      status: 400,
      body: error('Your request contains invalid origins parameter: no origin nope.'),
    })
    const endpoint = await call(s, 'POST', '/v1/accounts/url-endpoints', {
      description: 'd',
      origins: ['000000000000000000000001'],
      urlRewriter: { type: 'CLOUDINARY' },
    })
    expect(endpoint.body).toStrictEqual({
      urlPrefix: '',
      origins: ['000000000000000000000001'],
      description: 'd',
      urlRewriter: { preserveAssetDeliveryTypes: false, type: 'CLOUDINARY' },
      id: '000000000000000000000002',
    })
    expect(await call(s, 'POST', '/v1/accounts/url-endpoints', { description: 'again' })).toMatchObject({
      status: 400,
      body: error('A URL endpoint with this urlPrefix already exists.'),
    })
  })

  it('reports usage from the stored bytes, and checks the date range like ImageKit', async () => {
    const s = createImagekitStandIn()
    s.addFile({ fileName: 'a.bin', bytes: new Uint8Array(100) })
    s.addFile({ fileName: 'a.bin', bytes: new Uint8Array(50) })
    expect(
      (await call(s, 'GET', '/v1/accounts/usage?startDate=2026-01-01&endDate=2026-01-02')).body,
    ).toStrictEqual({
      bandwidthBytes: 0,
      mediaLibraryStorageBytes: 150,
      videoProcessingUnitsCount: 0,
      extensionUnitsCount: 0,
      originalCacheStorageBytes: 0,
    })
    expect(await call(s, 'GET', '/v1/accounts/usage?startDate=2026-02-01&endDate=2026-01-02')).toMatchObject({
      status: 400,
      body: error('startDate should be before endDate.'),
    })
    expect(await call(s, 'GET', '/v1/accounts/usage?startDate=2026-01-01&endDate=2026-06-02')).toMatchObject({
      status: 400,
      body: error('startDate and endDate should be within 90 days.'),
    })
    expect(
      (await call(s, 'GET', '/v1/accounts/usage-analytics?startDate=2026-01-01&endDate=2026-01-02')).body,
    ).toMatchObject({ startDate: '2026-01-01', endDate: '2026-01-02', requestCount: 0 })
  })
})
