// ImageKit's own Node SDK (`@imagekit/nodejs` 7, a devDependency) against the stand-in through its `fetch`
// option: every kind of call the SDK's own api-resources tests make (they are written for a Prism mock), each
// answered as ImageKit documents it.
import { describe, expect, it } from 'vitest'
import ImageKit, { toFile } from '@imagekit/nodejs'
import { createImagekitStandIn } from '@imagekit-fp/testing'
import { pngHeader } from './test-support/call'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const ISO = new Date(NOW).toISOString()
const HELP = 'For support kindly contact us at support@imagekit.io .'
const id = (n: number) => n.toString(16).padStart(24, '0')

const make = () => {
  const standIn = createImagekitStandIn({ now: () => NOW })
  const client = new ImageKit({ privateKey: standIn.privateKey, fetch: standIn.fetch, maxRetries: 0 })
  return { standIn, client }
}

/** What an SDK call rejected with: status and ImageKit's error body. */
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  )
  return e instanceof ImageKit.APIError ? { status: e.status, body: e.error } : e
}

describe('ImageKit’s Node SDK against the stand-in: uploads', () => {
  it('uploads an image with a transformation (v1) and a text file (v2)', async () => {
    const { standIn, client } = make()
    const image = await client.files.upload({
      file: await toFile(pngHeader(4, 3), 'a.png'),
      fileName: 'a.png',
      useUniqueFileName: false,
      tags: ['t-shirt', 'men'],
      transformation: {
        pre: 'w-300,h-300,q-80',
        post: [
          { type: 'thumbnail', value: 'w-150,h-150' },
          { type: 'abs', value: 'sr-240_360_480', protocol: 'dash' },
        ],
      },
    })
    expect([image.name, image.filePath, image.fileType, image.width, image.tags]).toStrictEqual([
      'a.png',
      '/a.png',
      'image',
      4,
      ['t-shirt', 'men'],
    ])
    const text = await client.beta.v2.files.upload({
      file: await toFile(Buffer.from('Example data'), 'README.md'),
      fileName: 'README.md',
      useUniqueFileName: false,
      folder: 'docs',
    })
    expect([text.filePath, text.fileType, text.size]).toStrictEqual(['/docs/README.md', 'non-image', 12])
    expect(standIn.files().map((f) => f.filePath)).toStrictEqual(['/a.png', '/docs/README.md'])
  })

  it('refuses a transformation on a file that is neither an image nor a video, with ImageKit’s 400', async () => {
    const { standIn, client } = make()
    const upload = client.files.upload({
      file: await toFile(Buffer.from('Example data'), 'README.md'),
      fileName: 'README.md',
      transformation: { pre: 'w-300,h-300,q-80' },
    })
    expect(await refusal(upload)).toStrictEqual({
      status: 400,
      body: {
        message:
          'The file could not be uploaded because transformations are supported only for image and video files.',
        help: HELP,
      },
    })
    expect(standIn.files()).toStrictEqual([])
  })
})

describe('ImageKit’s Node SDK against the stand-in: files', () => {
  it('reads, updates, versions, copies, moves, renames, tags and deletes files', async () => {
    const { standIn, client } = make()
    const a = standIn.addFile({ fileName: 'file.jpg', folder: '/path/to', bytes: pngHeader(1, 1) })
    standIn.addFile({ fileName: 'file.jpg', folder: '/path/to', bytes: pngHeader(2, 2) })
    const b = standIn.addFile({ fileName: 'b.jpg' })
    expect((await client.files.get(a.fileId)).filePath).toBe('/path/to/file.jpg')
    expect((await client.files.update(a.fileId, { tags: ['sale'] })).tags).toStrictEqual(['sale'])
    expect((await client.files.versions.list(a.fileId)).map((v) => v.versionInfo?.name)).toStrictEqual([
      'Version 1',
      'Version 2',
    ])
    expect((await client.files.versions.get(a.fileId, { fileId: a.fileId })).width).toBe(1)
    expect((await client.files.versions.restore(a.fileId, { fileId: a.fileId })).width).toBe(1)
    expect(await client.files.versions.delete(id(4), { fileId: a.fileId })).toStrictEqual(null)
    expect((await client.files.metadata.get(a.fileId)).width).toBe(1)
    const url = `${standIn.urlEndpoint}/path/to/file.jpg`
    expect((await client.files.metadata.getFromURL({ url })).width).toBe(1)
    expect(await client.files.bulk.addTags({ fileIds: [a.fileId, b.fileId], tags: ['new'] })).toStrictEqual({
      successfullyUpdatedFileIds: [a.fileId, b.fileId],
    })
    expect(await client.files.bulk.removeTags({ fileIds: [b.fileId], tags: ['new'] })).toStrictEqual({
      successfullyUpdatedFileIds: [b.fileId],
    })
    expect(await client.files.bulk.removeAITags({ fileIds: [b.fileId], AITags: ['x'] })).toStrictEqual({
      successfullyUpdatedFileIds: [b.fileId],
    })
    await client.files.copy({
      sourceFilePath: '/b.jpg',
      destinationPath: '/copies/',
      includeFileVersions: false,
    })
    await client.files.move({ sourceFilePath: '/copies/b.jpg', destinationPath: '/moved/' })
    expect(
      await client.files.rename({ filePath: '/moved/b.jpg', newFileName: 'c.jpg', purgeCache: true }),
    ).toStrictEqual({ purgeRequestId: id(9) })
    expect(await client.files.bulk.delete({ fileIds: [b.fileId] })).toStrictEqual({
      successfullyDeletedFileIds: [b.fileId],
    })
    await client.files.delete(a.fileId)
    expect(standIn.files().map((f) => f.filePath)).toStrictEqual(['/moved/c.jpg'])
  })

  it('lists assets with every parameter, and an unknown path is a 404', async () => {
    const { standIn, client } = make()
    standIn.addFile({ fileName: 'a.png', bytes: pngHeader(1, 1) })
    standIn.addFile({ fileName: 'b.txt' })
    const listed = await client.assets.list({
      fileType: 'all',
      limit: 1,
      path: '/',
      searchQuery: 'name IN ["a.png", "b.txt"]',
      skip: 1,
      sort: 'ASC_NAME',
      type: 'file',
    })
    expect(listed.map((f) => f.name)).toStrictEqual(['b.txt'])
    expect(await refusal(client.assets.list({}, { path: '/_stainless_unknown_path' }))).toStrictEqual({
      status: 404,
      body: { message: 'The requested resource does not exist.', help: HELP },
    })
  })
})

describe('ImageKit’s Node SDK against the stand-in: folders, jobs and purges', () => {
  it('creates, copies, moves, renames and deletes folders, and reads the jobs and purges', async () => {
    const { standIn, client } = make()
    standIn.addFile({ fileName: 'a.txt', folder: '/path/of/source/folder' })
    expect(
      await client.folders.create({ folderName: 'summer', parentFolderPath: '/product/images/' }),
    ).toStrictEqual({})
    const copy = await client.folders.copy({
      sourceFolderPath: '/path/of/source/folder',
      destinationPath: '/path/of/destination/folder',
      includeVersions: true,
    })
    expect(await client.folders.job.get(copy.jobId)).toStrictEqual({
      jobId: copy.jobId,
      type: 'COPY_FOLDER',
      status: 'Pending',
    })
    expect((await client.folders.job.get(copy.jobId)).status).toBe('Completed')
    await client.folders.move({ sourceFolderPath: '/path/of/destination/folder', destinationPath: '/moved' })
    const rename = await client.folders.rename({
      folderPath: '/moved/folder',
      newFolderName: 'new-folder-name',
      purgeCache: true,
    })
    expect((await client.folders.job.get(rename.jobId)).type).toBe('RENAME_FOLDER')
    await client.folders.delete({ folderPath: '/path/of/source/folder' })
    expect(standIn.files().map((f) => f.filePath)).toStrictEqual(['/moved/new-folder-name/folder/a.txt'])
    const purge = await client.cache.invalidation.create({ url: `${standIn.urlEndpoint}/default-image.jpg` })
    expect(await client.cache.invalidation.get(purge.requestId!)).toStrictEqual({ status: 'Pending' })
  })
})

describe('ImageKit’s Node SDK against the stand-in: account resources', () => {
  it('keeps two saved extensions of the same name (the spec has no uniqueness rule)', async () => {
    const { client } = make()
    const body = {
      name: 'Car Quality Analysis',
      description: 'Analyzes vehicle images',
      config: { name: 'remove-bg' as const },
    }
    const first = await client.savedExtensions.create(body)
    const second = await client.savedExtensions.create({
      ...body,
      config: { name: 'remove-bg', options: { add_shadow: true, bg_color: 'white' } },
    })
    expect([first.id, second.id]).toStrictEqual([id(1), id(2)])
    expect((await client.savedExtensions.list()).map((e) => [e.id, e.name])).toStrictEqual([
      [id(1), 'Car Quality Analysis'],
      [id(2), 'Car Quality Analysis'],
    ])
    expect((await client.savedExtensions.update(id(2), { description: 'Again' })).description).toBe('Again')
    expect((await client.savedExtensions.get(id(2))).createdAt).toBe(ISO)
    await client.savedExtensions.delete(id(1))
    expect((await client.savedExtensions.list()).map((e) => e.id)).toStrictEqual([id(2)])
  })

  it('manages custom metadata fields and named transformations', async () => {
    const { client } = make()
    const field = await client.customMetadataFields.create({
      label: 'price',
      name: 'price',
      schema: { type: 'Number', isValueRequired: false, minValue: 1000, maxValue: 3000 },
    })
    expect(field).toStrictEqual({
      id: id(1),
      name: 'price',
      label: 'price',
      schema: { type: 'Number', isValueRequired: false, minValue: 1000, maxValue: 3000 },
    })
    expect((await client.customMetadataFields.update(id(1), { label: 'Price' })).label).toBe('Price')
    expect((await client.customMetadataFields.list({ includeDeleted: true })).map((f) => f.id)).toStrictEqual(
      [id(1)],
    )
    await client.customMetadataFields.delete(id(1))
    expect(await client.customMetadataFields.list()).toStrictEqual([])
    const named = await client.namedTransformations.create({
      name: 'small_thumbnail',
      transformation: 'w-150,h-150,fo-center,cm-pad_resize',
      enabled: true,
    })
    expect((await client.namedTransformations.update(named.id, { enabled: false })).enabled).toBe(false)
    expect((await client.namedTransformations.get(named.id)).name).toBe('small_thumbnail')
    expect((await client.namedTransformations.list()).length).toBe(1)
    await client.namedTransformations.delete(named.id)
    expect(await client.namedTransformations.list()).toStrictEqual([])
  })

  it('manages origins and URL endpoints, and reports usage', async () => {
    const { client } = make()
    const s3 = {
      type: 'S3' as const,
      name: 'US S3 Storage',
      bucket: 'product-images',
      accessKey: 'AKIAIOSFODNN7EXAMPLE',
      secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    }
    const origin = await client.accounts.origins.create({ ...s3, prefix: 'raw-assets', useIAMRole: true })
    expect(JSON.stringify(origin)).not.toContain(s3.secretKey)
    expect(
      (await client.accounts.origins.update(origin.id, { ...s3, includeCanonicalHeader: false })).name,
    ).toBe('US S3 Storage')
    expect((await client.accounts.origins.get(origin.id)).id).toBe(origin.id)
    const endpoint = await client.accounts.urlEndpoints.create({
      description: 'My custom URL endpoint',
      origins: [origin.id],
      urlPrefix: 'product-images',
      urlRewriter: { type: 'CLOUDINARY', preserveAssetDeliveryTypes: true },
    })
    expect(
      (await client.accounts.urlEndpoints.update(endpoint.id, { description: 'Renamed' })).description,
    ).toBe('Renamed')
    expect((await client.accounts.urlEndpoints.list()).map((e) => e.id)).toStrictEqual([endpoint.id])
    await client.accounts.urlEndpoints.delete(endpoint.id)
    expect((await client.accounts.origins.list()).map((o) => o.id)).toStrictEqual([origin.id])
    await client.accounts.origins.delete(origin.id)
    const range = { startDate: '2025-12-01', endDate: '2025-12-31' }
    expect(await client.accounts.usage.get(range)).toStrictEqual({
      bandwidthBytes: 0,
      mediaLibraryStorageBytes: 0,
      videoProcessingUnitsCount: 0,
      extensionUnitsCount: 0,
      originalCacheStorageBytes: 0,
    })
    expect((await client.accounts.usageAnalytics.get(range)).generatedAt).toBe(ISO)
  })
})
