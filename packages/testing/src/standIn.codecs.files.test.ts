// Every files, versions, metadata, folders, bulk-job, purge and upload operation of our own clients, called on a
// seeded stand-in through `config.fetch`: each answer must decode with our codec (a Right), and is checked
// whole. A Left here means the stand-in and our codecs disagree.
import { describe, expect, it } from 'vitest'
import { either } from 'fp-ts'
import * as media from '@imagekit-fp/media'
import { upload, uploadV2 } from '@imagekit-fp/upload'
import { getAuthenticationParameters, getUploadToken } from '@imagekit-fp/utils'
import { pngHeader } from './test-support/call'
import { A, AT, B, T0, fileA, fileB, metadataA, seeded } from './test-support/codecs'

const hi = () => new TextEncoder().encode('hi')
const shop = {
  type: 'folder',
  name: 'shop',
  folderId: '000000000000000000000002',
  folderPath: '/shop',
  createdAt: AT,
  updatedAt: AT,
  customMetadata: {},
}

describe('stand-in answers decode with our codecs: files', () => {
  it('listFiles', async () => {
    const { config } = seeded()
    expect(await media.listFiles(config, {})()).toStrictEqual(either.right([fileB()]))
    expect(await media.listFiles(config, { path: '/shop' })()).toStrictEqual(either.right([fileA()]))
    expect(await media.listFiles(config, { type: 'folder' })()).toStrictEqual(either.right([shop]))
  })

  it('listAllFiles', async () => {
    const { s, config } = seeded()
    s.addFile({ fileName: 'c.txt' })
    const pages: unknown[] = []
    for await (const page of media.listAllFiles(config, { limit: 1 })) pages.push(page)
    const c = fileB({
      fileId: '000000000000000000000004',
      name: 'c.txt',
      filePath: '/c.txt',
      url: 'https://ik.imagekit.io/standin/c.txt',
      thumbnail: 'https://ik.imagekit.io/standin/c.txt',
      versionInfo: { id: '000000000000000000000004', name: 'Version 1' },
      size: 0,
    })
    expect(pages).toStrictEqual([either.right([fileB()]), either.right([c]), either.right([])])
  })

  it('getFileDetails', async () => {
    const { config } = seeded()
    expect(await media.getFileDetails(config, { fileId: A })()).toStrictEqual(either.right(fileA()))
  })

  it('updateFileDetails, both branches', async () => {
    const { config } = seeded()
    expect(
      await media.updateFileDetails(config, { fileId: A, tags: ['blue'], description: 'd' })(),
    ).toStrictEqual(either.right(fileA({ tags: ['blue'], description: 'd' })))
    expect(
      await media.updateFileDetails(config, { fileId: A, publish: { isPublished: false } })(),
    ).toStrictEqual(either.right(fileA({ tags: ['blue'], description: 'd', isPublished: false })))
  })

  it('updateFileDetails with custom metadata, coordinates and an extension', async () => {
    const { config } = seeded()
    await media.createCustomMetadataField(config, {
      name: 'price',
      label: 'Price',
      schema: { type: 'Number' },
    })()
    const update = {
      fileId: A,
      customMetadata: { price: 3 },
      customCoordinates: '0,0,1,1',
      extensions: [{ name: 'aws-auto-tagging', minConfidence: 10, maxTags: 2 }],
    } as const
    const changed = { customMetadata: { price: 3 }, customCoordinates: '0,0,1,1' }
    expect(await media.updateFileDetails(config, update)()).toStrictEqual(
      either.right(fileA({ ...changed, extensionStatus: { 'aws-auto-tagging': 'success' } })),
    )
    expect(await media.updateFileDetails(config, { fileId: A, removeAITags: 'all' })()).toStrictEqual(
      either.right(fileA(changed)),
    )
  })

  it('deleteFile and bulkDeleteFiles', async () => {
    const { s, config } = seeded()
    expect(await media.deleteFile(config, { fileId: B })()).toStrictEqual(either.right(undefined))
    expect(await media.bulkDeleteFiles(config, { fileIds: [A] })()).toStrictEqual(
      either.right({ successfullyDeletedFileIds: [A], partial: false }),
    )
    expect(s.files()).toStrictEqual([])
  })

  it('copyFile, moveFile and renameFile', async () => {
    const { s, config } = seeded()
    expect(
      await media.copyFile(config, { sourceFilePath: '/shop/a.png', destinationPath: '/' })(),
    ).toStrictEqual(either.right(undefined))
    expect(
      await media.moveFile(config, { sourceFilePath: '/a.png', destinationPath: '/moved' })(),
    ).toStrictEqual(either.right(undefined))
    expect(
      await media.renameFile(config, { filePath: '/moved/a.png', newFileName: 'c.png', purgeCache: true })(),
    ).toStrictEqual(either.right({ purgeRequestId: '000000000000000000000006', partial: false }))
    expect(await media.renameFile(config, { filePath: '/b.txt', newFileName: 'd.txt' })()).toStrictEqual(
      either.right({ partial: false }),
    )
    expect(s.files().map((f) => f.filePath)).toStrictEqual(['/shop/a.png', '/d.txt', '/moved/c.png'])
  })

  it('addTags, removeTags and removeAITags', async () => {
    const { config } = seeded()
    const updated = either.right({ successfullyUpdatedFileIds: [A, B], partial: false })
    expect(await media.addTags(config, { fileIds: [A, B], tags: ['x'] })()).toStrictEqual(updated)
    expect(await media.removeTags(config, { fileIds: [A, B], tags: ['x'] })()).toStrictEqual(updated)
    expect(await media.removeAITags(config, { fileIds: [A, B], AITags: ['x'] })()).toStrictEqual(updated)
  })
})

describe('stand-in answers decode with our codecs: versions and metadata', () => {
  /** The seed plus a second version of `/shop/a.png` (id 4). */
  const twoVersions = () => {
    const seed = seeded()
    seed.s.addFile({ fileName: 'a.png', folder: '/shop', bytes: pngHeader(10, 20) })
    return seed
  }
  const V2 = '000000000000000000000004'
  const first = fileA({ type: 'file-version' })
  const second = fileA({ tags: null, versionInfo: { id: V2, name: 'Version 2' } })

  it('listFileVersions', async () => {
    const { config } = twoVersions()
    expect(await media.listFileVersions(config, { fileId: A })()).toStrictEqual(either.right([first, second]))
  })

  it('getFileVersion', async () => {
    const { config } = twoVersions()
    expect(await media.getFileVersion(config, { fileId: A, versionId: A })()).toStrictEqual(
      either.right(first),
    )
  })

  it('restoreFileVersion', async () => {
    const { config } = twoVersions()
    expect(await media.restoreFileVersion(config, { fileId: A, versionId: A })()).toStrictEqual(
      either.right(fileA({ versionInfo: { id: A, name: 'Version 1' } })),
    )
  })

  it('deleteFileVersion', async () => {
    const { config } = twoVersions()
    expect(await media.deleteFileVersion(config, { fileId: A, versionId: A })()).toStrictEqual(
      either.right(undefined),
    )
    expect(await media.listFileVersions(config, { fileId: A })()).toStrictEqual(either.right([second]))
  })

  it('getFileMetadata', async () => {
    const { config } = seeded()
    expect(await media.getFileMetadata(config, { fileId: A })()).toStrictEqual(either.right(metadataA))
  })

  it('getRemoteFileMetadata', async () => {
    const { s, config } = seeded()
    const url = `${s.urlEndpoint}/shop/a.png`
    expect(await media.getRemoteFileMetadata(config, { url })()).toStrictEqual(either.right(metadataA))
  })
})

describe('stand-in answers decode with our codecs: folders, bulk jobs and purges', () => {
  it('createFolder and deleteFolder', async () => {
    const { config } = seeded()
    expect(await media.createFolder(config, { folderName: 'f', parentFolderPath: '/' })()).toStrictEqual(
      either.right(undefined),
    )
    expect(await media.deleteFolder(config, { folderPath: '/f' })()).toStrictEqual(either.right(undefined))
    expect(await media.listFiles(config, { type: 'folder' })()).toStrictEqual(either.right([shop]))
  })

  it('copyFolder, moveFolder, renameFolder and getBulkJobStatus', async () => {
    const { s, config } = seeded()
    const RENAME = '00000000000000000000000b'
    expect(
      await media.copyFolder(config, { sourceFolderPath: '/shop', destinationPath: '/f' })(),
    ).toStrictEqual(either.right({ jobId: '000000000000000000000007' }))
    expect(
      await media.moveFolder(config, { sourceFolderPath: '/f/shop', destinationPath: '/moved' })(),
    ).toStrictEqual(either.right({ jobId: '00000000000000000000000a' }))
    expect(
      await media.renameFolder(config, { folderPath: '/moved/shop', newFolderName: 'store' })(),
    ).toStrictEqual(either.right({ jobId: RENAME }))
    const status = (status: string) => ({ jobId: RENAME, type: 'RENAME_FOLDER', status, partial: false })
    expect(await media.getBulkJobStatus(config, { jobId: RENAME })()).toStrictEqual(
      either.right(status('Pending')),
    )
    expect(await media.getBulkJobStatus(config, { jobId: RENAME })()).toStrictEqual(
      either.right(status('Completed')),
    )
    expect(s.files().map((f) => f.filePath)).toStrictEqual(['/shop/a.png', '/b.txt', '/moved/store/a.png'])
  })

  it('waitForBulkJob', async () => {
    const { config } = seeded({ pendingReads: 2 })
    const job = await media.copyFolder(config, { sourceFolderPath: '/shop', destinationPath: '/f' })()
    expect(job).toStrictEqual(either.right({ jobId: '000000000000000000000007' }))
    expect(
      await media.waitForBulkJob(config, { jobId: '000000000000000000000007', interval: 1 })(),
    ).toStrictEqual(
      either.right({
        jobId: '000000000000000000000007',
        type: 'COPY_FOLDER',
        status: 'Completed',
        partial: false,
      }),
    )
  })

  it('purgeCache, getPurgeCacheStatus and waitForPurge', async () => {
    const { s, config } = seeded({ pendingReads: 2 })
    const url = `${s.urlEndpoint}/shop/a.png`
    expect(await media.purgeCache(config, { url })()).toStrictEqual(
      either.right({ requestId: '000000000000000000000004' }),
    )
    expect(
      await media.getPurgeCacheStatus(config, { requestId: '000000000000000000000004' })(),
    ).toStrictEqual(either.right({ status: 'Pending' }))
    expect(
      await media.waitForPurge(config, { requestId: '000000000000000000000004', interval: 1 })(),
    ).toStrictEqual(either.right({ status: 'Completed' }))
  })
})

describe('stand-in answers decode with our codecs: uploads', () => {
  /** The upload answer for a new two-byte text file at the root (id 4), as upload gives it (tagged). */
  const uploaded = (name: string, changes: Readonly<Record<string, unknown>> = {}) => ({
    _tag: 'UploadResult',
    fileId: '000000000000000000000004',
    name,
    size: 2,
    versionInfo: { id: '000000000000000000000004', name: 'Version 1' },
    filePath: `/${name}`,
    url: `https://ik.imagekit.io/standin/${name}`,
    fileType: 'non-image',
    tags: null,
    AITags: null,
    customCoordinates: null,
    isPrivateFile: false,
    isPublished: true,
    ...changes,
  })

  it('upload, server-side', async () => {
    const { config } = seeded()
    expect(await upload(config, { file: hi(), fileName: 'u.txt', useUniqueFileName: false })()).toStrictEqual(
      either.right(uploaded('u.txt')),
    )
  })

  it('upload, a new version with every response field', async () => {
    const { config } = seeded()
    const request = {
      file: pngHeader(10, 20),
      fileName: 'a.png',
      folder: '/shop',
      useUniqueFileName: false,
      responseFields: [
        'tags',
        'customCoordinates',
        'isPrivateFile',
        'isPublished',
        'customMetadata',
        'embeddedMetadata',
        'metadata',
      ],
    } as const
    expect(await upload(config, request)()).toStrictEqual(
      either.right({
        _tag: 'UploadResult',
        fileId: A,
        name: 'a.png',
        size: 33,
        versionInfo: { id: '000000000000000000000004', name: 'Version 2' },
        filePath: '/shop/a.png',
        url: 'https://ik.imagekit.io/standin/shop/a.png',
        fileType: 'image',
        height: 20,
        width: 10,
        thumbnailUrl: 'https://ik.imagekit.io/standin/tr:n-ik_ml_thumbnail/shop/a.png',
        tags: null,
        AITags: null,
        customCoordinates: null,
        isPrivateFile: false,
        isPublished: true,
        customMetadata: {},
        embeddedMetadata: {},
        metadata: metadataA,
      }),
    )
  })

  it('upload with extensions, custom metadata and private files; listFiles type all lists it', async () => {
    const { config } = seeded()
    await media.createCustomMetadataField(config, {
      name: 'price',
      label: 'Price',
      schema: { type: 'Number' },
    })()
    const AI = [
      { name: 'red', confidence: 95, source: 'google-auto-tagging' },
      { name: 'car', confidence: 95, source: 'google-auto-tagging' },
    ]
    const request = {
      file: pngHeader(4, 4),
      fileName: 'red-car.png',
      useUniqueFileName: false,
      tags: ['t'],
      customCoordinates: '1,2,3,4',
      customMetadata: { price: 5 },
      description: 'x',
      isPrivateFile: true,
      extensions: [
        { name: 'google-auto-tagging', minConfidence: 50, maxTags: 3 },
        { name: 'ai-auto-description' },
        { name: 'remove-bg' },
      ],
      responseFields: ['tags', 'customMetadata', 'embeddedMetadata'],
    } as const
    const ID = '000000000000000000000005'
    const url = 'https://ik.imagekit.io/standin/red-car.png'
    const thumbnail = 'https://ik.imagekit.io/standin/tr:n-ik_ml_thumbnail/red-car.png'
    const shared = {
      fileId: ID,
      name: 'red-car.png',
      size: 33,
      versionInfo: { id: ID, name: 'Version 1' },
      filePath: '/red-car.png',
      url,
      fileType: 'image',
      height: 4,
      width: 4,
      tags: ['t'],
      AITags: AI,
      isPrivateFile: true,
      isPublished: true,
      customCoordinates: '1,2,3,4',
      description: 'x',
      customMetadata: { price: 5 },
      embeddedMetadata: {},
    }
    expect(await upload(config, request)()).toStrictEqual(
      either.right({
        _tag: 'UploadResult',
        ...shared,
        thumbnailUrl: thumbnail,
        extensionStatus: {
          'google-auto-tagging': 'success',
          'ai-auto-description': 'success',
          'remove-bg': 'success',
        },
      }),
    )
    const listed = {
      ...shared,
      type: 'file',
      createdAt: AT,
      updatedAt: AT,
      thumbnail,
      hasAlpha: true,
      mime: 'image/png',
    }
    expect(await media.listFiles(config, { type: 'all' })()).toStrictEqual(
      either.right([shop, fileB(), listed]),
    )
    expect(await media.listFiles(config, { searchQuery: 'tags IN ["t"]' })()).toStrictEqual(
      either.right([listed]),
    )
  })

  it('upload, client-side with getAuthenticationParameters', async () => {
    const { s, config } = seeded()
    const auth = getAuthenticationParameters(config, { token: 'token-1' })
    expect(auth._tag).toBe('Right')
    if (auth._tag === 'Left') return
    const request = {
      file: hi(),
      fileName: 'c.txt',
      useUniqueFileName: false,
      publicKey: s.publicKey,
      ...auth.right,
    }
    expect(await upload({ fetch: s.fetch, now: () => T0, strictResponses: true }, request)()).toStrictEqual(
      either.right(uploaded('c.txt')),
    )
  })

  it('uploadV2, server-side', async () => {
    const { config } = seeded()
    expect(
      await uploadV2(config, { file: hi(), fileName: 'v.txt', useUniqueFileName: false })(),
    ).toStrictEqual(either.right(uploaded('v.txt')))
  })

  it('uploadV2, client-side with getUploadToken', async () => {
    const { s } = seeded()
    const signed = { fileName: 'w.txt', useUniqueFileName: false, tags: ['t'] } as const
    const token = getUploadToken({ privateKey: s.privateKey, publicKey: s.publicKey, now: () => T0 }, signed)
    expect(token._tag).toBe('Right')
    if (token._tag === 'Left') return
    expect(
      await uploadV2(
        { fetch: s.fetch, now: () => T0, strictResponses: true },
        { file: hi(), ...signed, token: token.right },
      )(),
    ).toStrictEqual(either.right(uploaded('w.txt', { tags: ['t'] })))
  })
})
