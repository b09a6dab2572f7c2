// Every account operation of @imagekit-fp/media (custom metadata fields, saved extensions, named
// transformations, usage, origins, URL endpoints), called on a seeded stand-in through `config.fetch`: each
// answer must decode with our codec (a Right), and is checked whole. A Left here means the stand-in and our
// codecs disagree.
import { describe, expect, it } from 'vitest'
import { either } from 'fp-ts'
import * as media from '@imagekit-fp/media'
import { AT, seeded } from './test-support/codecs'

/** The id the stand-in gives the `n`th thing created after the seed (its counter is at 3). */
const id = (n: number) => (3 + n).toString(16).padStart(24, '0')

describe('stand-in answers decode with our codecs: custom metadata fields', () => {
  it('createCustomMetadataField, updateCustomMetadataField, deleteCustomMetadataField, listCustomMetadataFields', async () => {
    const { config } = seeded()
    const price = { type: 'Number', minValue: 0, maxValue: 100, isValueRequired: false } as const
    const color = {
      type: 'SingleSelect',
      selectOptions: ['red', 'blue'],
      defaultValue: 'red',
      isValueRequired: true,
    } as const
    const priceField = { id: id(1), name: 'price', label: 'Price', schema: price }
    const colorField = { id: id(2), name: 'color', label: 'Color', schema: color }
    const costField = { ...priceField, label: 'Cost', schema: { ...price, maxValue: 50 } }
    expect(
      await media.createCustomMetadataField(config, { name: 'price', label: 'Price', schema: price })(),
    ).toStrictEqual(either.right(priceField))
    expect(
      await media.createCustomMetadataField(config, { name: 'color', label: 'Color', schema: color })(),
    ).toStrictEqual(either.right(colorField))
    expect(
      await media.updateCustomMetadataField(config, { id: id(1), label: 'Cost', schema: { maxValue: 50 } })(),
    ).toStrictEqual(either.right(costField))
    expect(await media.deleteCustomMetadataField(config, { id: id(2) })()).toStrictEqual(
      either.right(undefined),
    )
    expect(await media.listCustomMetadataFields(config, {})()).toStrictEqual(either.right([costField]))
    expect(await media.listCustomMetadataFields(config, { includeDeleted: true })()).toStrictEqual(
      either.right([costField, colorField]),
    )
  })
})

describe('stand-in answers decode with our codecs: saved extensions', () => {
  it('createSavedExtension (every config), getSavedExtension, updateSavedExtension, deleteSavedExtension, listSavedExtensions', async () => {
    const { config } = seeded()
    const configs: readonly media.ExtensionConfig[] = [
      { name: 'remove-bg', options: { add_shadow: true, bg_color: 'white' } },
      { name: 'google-auto-tagging', minConfidence: 80, maxTags: 5 },
      { name: 'ai-auto-description' },
      {
        name: 'ai-tasks',
        tasks: [{ type: 'yes_no', instruction: 'Is it red?', on_yes: { add_tags: ['red'] } }],
      },
    ]
    const saved = configs.map((c, n) => ({
      config: c,
      createdAt: AT,
      description: 'd',
      id: id(n + 1),
      name: `e${n}`,
      updatedAt: AT,
    }))
    for (const [n, c] of configs.entries())
      expect(
        await media.createSavedExtension(config, { name: `e${n}`, description: 'd', config: c })(),
      ).toStrictEqual(either.right(saved[n]))
    expect(await media.getSavedExtension(config, { id: id(1) })()).toStrictEqual(either.right(saved[0]))
    const updated = { ...saved[0], description: 'e' }
    expect(await media.updateSavedExtension(config, { id: id(1), description: 'e' })()).toStrictEqual(
      either.right(updated),
    )
    expect(await media.deleteSavedExtension(config, { id: id(2) })()).toStrictEqual(either.right(undefined))
    expect(await media.listSavedExtensions(config, {})()).toStrictEqual(
      either.right([updated, saved[2], saved[3]]),
    )
  })
})

describe('stand-in answers decode with our codecs: named transformations', () => {
  it('createNamedTransformation, getNamedTransformation, updateNamedTransformation, deleteNamedTransformation, listNamedTransformations', async () => {
    const { config } = seeded()
    const thumb = { createdAt: AT, enabled: true, id: id(1), name: 'thumb', transformation: 'w-100,h-100' }
    expect(
      await media.createNamedTransformation(config, { name: 'thumb', transformation: 'w-100,h-100' })(),
    ).toStrictEqual(either.right(thumb))
    expect(
      await media.createNamedTransformation(config, {
        name: 'big',
        transformation: 'w-1000',
        enabled: false,
      })(),
    ).toStrictEqual(
      either.right({ createdAt: AT, enabled: false, id: id(2), name: 'big', transformation: 'w-1000' }),
    )
    expect(await media.getNamedTransformation(config, { id: id(1) })()).toStrictEqual(either.right(thumb))
    const updated = { ...thumb, transformation: 'w-200' }
    expect(
      await media.updateNamedTransformation(config, { id: id(1), transformation: 'w-200' })(),
    ).toStrictEqual(either.right(updated))
    expect(await media.deleteNamedTransformation(config, { id: id(2) })()).toStrictEqual(
      either.right(undefined),
    )
    expect(await media.listNamedTransformations(config, {})()).toStrictEqual(either.right([updated]))
  })
})

describe('stand-in answers decode with our codecs: usage', () => {
  it('getUsage (storage is the seed: 33 + 2 bytes)', async () => {
    const { config } = seeded()
    expect(await media.getUsage(config, { startDate: '2025-12-01', endDate: '2025-12-31' })()).toStrictEqual(
      either.right({
        bandwidthBytes: 0,
        mediaLibraryStorageBytes: 35,
        videoProcessingUnitsCount: 0,
        extensionUnitsCount: 0,
        originalCacheStorageBytes: 0,
      }),
    )
  })

  it('getUsageAnalytics', async () => {
    const { config } = seeded()
    const ranked = { byBandwidth: [], byRequests: [] }
    expect(
      await media.getUsageAnalytics(config, { startDate: '2025-12-01', endDate: '2025-12-31' })(),
    ).toStrictEqual(
      either.right({
        startDate: '2025-12-01',
        endDate: '2025-12-31',
        generatedAt: AT,
        bandwidthBytes: 0,
        requestCount: 0,
        cache: { hitCount: 0, missCount: 0, errorCount: 0 },
        browser: ranked,
        country: ranked,
        device: ranked,
        format: ranked,
        errorReasons: [],
        extensions: [],
        statusCodes: [],
        top404Assets: [],
        topImages: ranked,
        topImageTransforms: ranked,
        topOtherAssets: ranked,
        topReferrers: ranked,
        topUserAgents: ranked,
        topVideos: ranked,
        topVideoTransforms: ranked,
        urlEndpoints: ranked,
        videoProcessing: [],
      }),
    )
  })
})

describe('stand-in answers decode with our codecs: origins and URL endpoints', () => {
  /** One origin of every type, and what the stand-in answers for each (secrets left out, URLs normalised). */
  const origins: readonly (readonly [media.OriginRequest, Readonly<Record<string, unknown>>])[] = [
    [
      { type: 'S3', name: 'S3', bucket: 'b', prefix: 'p', accessKey: 'AK', secretKey: 'SK' },
      { bucket: 'b', prefix: 'p' },
    ],
    [
      {
        type: 'S3_COMPATIBLE',
        name: 'Minio',
        bucket: 'b',
        accessKey: 'AK',
        secretKey: 'SK',
        endpoint: 'https://s3.example.com',
        s3ForcePathStyle: true,
      },
      { bucket: 'b', endpoint: 'https://s3.example.com', prefix: '', s3ForcePathStyle: true },
    ],
    [
      { type: 'CLOUDINARY_BACKUP', name: 'Backup', bucket: 'b', accessKey: 'AK', secretKey: 'SK' },
      { bucket: 'b', prefix: '' },
    ],
    [
      {
        type: 'WEB_FOLDER',
        name: 'Web',
        baseUrl: 'https://example.com/images',
        forwardHostHeaderToOrigin: true,
      },
      { baseUrl: 'https://example.com/images', forwardHostHeaderToOrigin: true },
    ],
    [
      {
        type: 'WEB_PROXY',
        name: 'Proxy',
        includeCanonicalHeader: true,
        baseUrlForCanonicalHeader: 'https://example.com',
      },
      { baseUrlForCanonicalHeader: 'https://example.com', includeCanonicalHeader: true },
    ],
    [
      { type: 'GCS', name: 'GCS', bucket: 'b', clientEmail: 'x@example.com', privateKey: 'PK' },
      { bucket: 'b', clientEmail: 'x@example.com', prefix: '' },
    ],
    [
      { type: 'AZURE_BLOB', name: 'Azure', container: 'c', accountName: 'acc', sasToken: 'sas' },
      { accountName: 'acc', container: 'c', prefix: '' },
    ],
    [
      {
        type: 'AKENEO_PIM',
        name: 'Akeneo',
        baseUrl: 'https://akeneo.example.com',
        clientId: 'ci',
        clientSecret: 'cs',
        username: 'u',
        password: 'pw',
      },
      { baseUrl: 'https://akeneo.example.com', clientId: 'ci', username: 'u' },
    ],
  ]
  const answer = (n: number) => {
    const [{ type, name }, fields] = origins[n]!
    return { id: id(n + 1), type, name, includeCanonicalHeader: false, ...fields }
  }

  it('createOrigin (every type), getOrigin, updateOrigin, deleteOrigin, listOrigins', async () => {
    const { config } = seeded()
    for (const [n, [request]] of origins.entries())
      expect(await media.createOrigin(config, request)()).toStrictEqual(either.right(answer(n)))
    expect(await media.getOrigin(config, { id: id(1) })()).toStrictEqual(either.right(answer(0)))
    const proxy = { id: id(1), type: 'WEB_PROXY', name: 'Now a proxy', includeCanonicalHeader: false }
    expect(
      await media.updateOrigin(config, { id: id(1), type: 'WEB_PROXY', name: 'Now a proxy' })(),
    ).toStrictEqual(either.right(proxy))
    expect(await media.deleteOrigin(config, { id: id(2) })()).toStrictEqual(either.right(undefined))
    expect(await media.listOrigins(config, {})()).toStrictEqual(
      either.right([proxy, ...[2, 3, 4, 5, 6, 7].map(answer)]),
    )
  })

  it('createUrlEndpoint, getUrlEndpoint, updateUrlEndpoint, deleteUrlEndpoint, listUrlEndpoints', async () => {
    const { config } = seeded()
    expect(await media.createOrigin(config, origins[4]![0])()).toStrictEqual(
      either.right({ ...answer(4), id: id(1) }),
    )
    const legacy = {
      description: 'Old Cloudinary URLs',
      urlPrefix: 'legacy',
      origins: [id(1)],
      urlRewriter: { type: 'CLOUDINARY', preserveAssetDeliveryTypes: true },
    } as const
    expect(await media.createUrlEndpoint(config, legacy)()).toStrictEqual(
      either.right({ ...legacy, id: id(2) }),
    )
    const imgix = { description: 'Imgix', urlPrefix: 'imgix', urlRewriter: { type: 'IMGIX' } } as const
    expect(await media.createUrlEndpoint(config, imgix)()).toStrictEqual(
      either.right({ ...imgix, origins: [], id: id(3) }),
    )
    expect(await media.getUrlEndpoint(config, { id: id(2) })()).toStrictEqual(
      either.right({ ...legacy, id: id(2) }),
    )
    const akamai = { description: 'Akamai', urlPrefix: 'legacy', urlRewriter: { type: 'AKAMAI' } } as const
    expect(await media.updateUrlEndpoint(config, { id: id(2), ...akamai })()).toStrictEqual(
      either.right({ ...akamai, origins: [], id: id(2) }),
    )
    expect(await media.deleteUrlEndpoint(config, { id: id(3) })()).toStrictEqual(either.right(undefined))
    expect(await media.listUrlEndpoints(config, {})()).toStrictEqual(
      either.right([{ ...akamai, origins: [], id: id(2) }]),
    )
  })
})
