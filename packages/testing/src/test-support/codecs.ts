// The seeded stand-in that standIn.codecs.*.test.ts call our own clients against, and the File object it answers.
import { createImagekitStandIn } from '@imagekit-fp/testing'
import { pngHeader } from './call'

/** The stand-in's fixed clock: every `createdAt`/`updatedAt` and token time. */
export const T0 = Date.parse('2026-01-01T00:00:00Z')
export const AT = new Date(T0).toISOString()

/** The counter ids of the seed: `/shop/a.png` (file and first version), the folder `/shop`, `/b.txt`. */
export const A = '000000000000000000000001'
export const B = '000000000000000000000003'

/**
 * Our clients' config for a stand-in, with its key, its fetch and the fixed clock; strict, so that any drift of
 * the stand-in's answers from our codecs is a DecodeError.
 */
export const configFor = (s: ReturnType<typeof createImagekitStandIn>) =>
  ({ privateKey: s.privateKey, fetch: s.fetch, now: () => T0, strictResponses: true }) as const

/** A stand-in at `T0` holding `/shop/a.png` (10×20 PNG, tag `red`) and `/b.txt` (`hi`). */
export const seeded = (options: { readonly pendingReads?: number } = {}) => {
  const s = createImagekitStandIn({ now: () => T0, ...options })
  s.addFile({ fileName: 'a.png', folder: '/shop', bytes: pngHeader(10, 20), tags: ['red'] })
  s.addFile({ fileName: 'b.txt', bytes: new TextEncoder().encode('hi') })
  return { s, config: configFor(s) }
}

/** The File object the stand-in answers for `/shop/a.png` as seeded, with `changes` applied. */
export const fileA = (changes: Readonly<Record<string, unknown>> = {}) => ({
  type: 'file',
  name: 'a.png',
  createdAt: AT,
  updatedAt: AT,
  fileId: A,
  tags: ['red'],
  AITags: null,
  versionInfo: { id: A, name: 'Version 1' },
  embeddedMetadata: {},
  customCoordinates: null,
  customMetadata: {},
  isPrivateFile: false,
  isPublished: true,
  url: 'https://ik.imagekit.io/standin/shop/a.png',
  thumbnail: 'https://ik.imagekit.io/standin/tr:n-ik_ml_thumbnail/shop/a.png',
  fileType: 'image',
  filePath: '/shop/a.png',
  width: 10,
  height: 20,
  hasAlpha: true,
  size: 33,
  mime: 'image/png',
  ...changes,
})

/** The File object for `/b.txt` as seeded. */
export const fileB = (changes: Readonly<Record<string, unknown>> = {}) => ({
  type: 'file',
  name: 'b.txt',
  createdAt: AT,
  updatedAt: AT,
  fileId: B,
  tags: null,
  AITags: null,
  versionInfo: { id: B, name: 'Version 1' },
  embeddedMetadata: {},
  customCoordinates: null,
  customMetadata: {},
  isPrivateFile: false,
  isPublished: true,
  url: 'https://ik.imagekit.io/standin/b.txt',
  thumbnail: 'https://ik.imagekit.io/standin/b.txt',
  fileType: 'non-image',
  filePath: '/b.txt',
  size: 2,
  mime: 'text/plain',
  ...changes,
})

/** The metadata the stand-in answers for `/shop/a.png` (`pHash`: the first 16 hex digits of its SHA-256). */
export const metadataA = {
  height: 20,
  width: 10,
  format: 'png',
  hasTransparency: true,
  size: 33,
  hasColorProfile: false,
  quality: 0,
  density: 72,
  pHash: '4dc097c2059ce777',
  exif: {},
}
