import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { createHmac } from 'node:crypto'
import { upload } from '@imagekit-fp/upload'
import { createImagekitStandIn } from '@imagekit-fp/testing'
import { call, pngHeader, uploadForm } from './test-support/call'

const NOW = Date.parse('2026-01-01T00:00:00Z')
const T = Math.floor(NOW / 1000)
const HELP = 'For support kindly contact us at support@imagekit.io .'
const make = () => createImagekitStandIn({ now: () => NOW })
const error = (message: string) => ({ message, help: HELP })
const jpeg = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 3, 0, 0, 0,
])
const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 5, 0, 7, 0, 0, 0])
const webp = (() => {
  const b = new Uint8Array(30)
  b.set(new TextEncoder().encode('RIFF'), 0)
  b.set(new TextEncoder().encode('WEBPVP8X'), 8)
  b[20] = 0x10
  b.set([99, 0, 0, 49, 0, 0], 24) // width 100, height 50 (minus one, 24-bit little-endian)
  return b
})()

describe('createImagekitStandIn: upload', () => {
  it.each([
    ['PNG', 'a.png', pngHeader(10, 20), { mime: 'image/png', width: 10, height: 20 }],
    ['JPEG', 'a.jpg', jpeg, { mime: 'image/jpeg', width: 40, height: 30 }],
    ['GIF', 'a.gif', gif, { mime: 'image/gif', width: 5, height: 7 }],
    ['WebP', 'a.webp', webp, { mime: 'image/webp', width: 100, height: 50 }],
    ['text', 'a.txt', new TextEncoder().encode('hello'), { mime: 'application/octet-stream' }],
  ] as const)(
    'stores a %s file with its bytes, size, mime, sha256 and dimensions',
    async (_kind, fileName, bytes, expected) => {
      const s = make()
      expect((await uploadForm(s, { file: bytes, fileName, useUniqueFileName: 'false' })).status).toBe(200)
      const [file] = s.files()
      expect({ ...file, bytes: Array.from(file!.bytes) }).toStrictEqual({
        fileId: '000000000000000000000001',
        name: fileName,
        filePath: `/${fileName}`,
        size: bytes.length,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        ...expected,
        bytes: Array.from(bytes),
        tags: null,
        customMetadata: {},
        isPrivateFile: false,
        isPublished: true,
        versionCount: 1,
      })
    },
  )

  it('answers an upload like ImageKit, with a unique suffix by default', async () => {
    const s = make()
    const res = await uploadForm(s, {
      file: pngHeader(4, 3),
      fileName: 'my photo.png',
      folder: 'a/b',
      tags: 'x,y',
    })
    expect(res.body).toStrictEqual({
      fileId: '000000000000000000000001',
      name: 'my_photo_BHps4z9j7.png',
      size: 33,
      versionInfo: { id: '000000000000000000000001', name: 'Version 1' },
      filePath: '/a/b/my_photo_BHps4z9j7.png',
      url: 'https://ik.imagekit.io/standin/a/b/my_photo_BHps4z9j7.png',
      fileType: 'image',
      height: 3,
      width: 4,
      thumbnailUrl: 'https://ik.imagekit.io/standin/tr:n-ik_ml_thumbnail/a/b/my_photo_BHps4z9j7.png',
      tags: ['x', 'y'],
      AITags: null,
      isPrivateFile: false,
      isPublished: true,
      customCoordinates: null,
    })
  })

  it('refuses a name collision when overwriteFile is false, and makes a new version otherwise', async () => {
    const s = make()
    const base = { fileName: 'a.png', useUniqueFileName: 'false' }
    await uploadForm(s, { ...base, file: pngHeader(1, 1), tags: 'keep' })
    expect(await uploadForm(s, { ...base, file: pngHeader(2, 2), overwriteFile: 'false' })).toMatchObject({
      status: 400,
      body: error(
        'A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.',
      ),
    })
    const second = await uploadForm(s, { ...base, file: pngHeader(2, 2), overwriteTags: 'false' })
    expect(second.body).toMatchObject({
      fileId: '000000000000000000000001',
      versionInfo: { id: '000000000000000000000002', name: 'Version 2' },
      tags: ['keep'],
      width: 2,
    })
    const third = await uploadForm(s, { ...base, file: pngHeader(3, 3) })
    expect(third.body).toMatchObject({ versionInfo: { name: 'Version 3' }, tags: null })
    expect(s.files().map((f) => [f.filePath, f.width, f.versionCount])).toStrictEqual([['/a.png', 3, 3]])
  })

  it('checks custom metadata against the fields defined', async () => {
    const s = make()
    await call(s, 'POST', '/v1/customMetadataFields', {
      name: 'price',
      label: 'Price',
      schema: { type: 'Number', minValue: 1 },
    })
    const send = (customMetadata: unknown) =>
      uploadForm(s, {
        file: pngHeader(1, 1),
        fileName: 'a.png',
        customMetadata: JSON.stringify(customMetadata),
      })
    expect((await send({ colour: 'red' })).body).toStrictEqual(
      error('Invalid custom metadata: colour is not a defined custom metadata field.'),
    )
    expect((await send({ price: 0 })).body).toStrictEqual(
      error('Invalid custom metadata: price must be a number within the allowed range.'),
    )
    expect((await send({ price: 'ten' })).status).toBe(400)
    expect((await send({ price: 10 })).status).toBe(200)
    expect(s.files().map((f) => f.customMetadata)).toStrictEqual([{ price: 10 }])
  })

  it('works with our upload function through the injected fetch', async () => {
    const s = make()
    const result = await upload(
      { privateKey: s.privateKey, fetch: s.fetch, strictResponses: true },
      { file: new TextEncoder().encode('hi'), fileName: 'hi.txt', useUniqueFileName: false },
    )()
    expect(E.isRight(result) && result.right).toMatchObject({
      fileId: '000000000000000000000001',
      name: 'hi.txt',
      size: 2,
      fileType: 'non-image',
    })
  })
})

describe('createImagekitStandIn: upload auth', () => {
  const sign = (s: ReturnType<typeof make>, token: string, expire: number) => ({
    publicKey: s.publicKey,
    token,
    expire: String(expire),
    signature: createHmac('sha1', s.privateKey).update(`${token}${expire}`).digest('hex'),
  })
  const file = { file: pngHeader(1, 1), fileName: 'a.png' }

  it('refuses a wrong private key, no credentials, and both auth modes at once', async () => {
    const s = make()
    expect(await uploadForm(s, file, { auth: `Basic ${btoa('nope:')}` })).toMatchObject({
      status: 401,
      body: error('Your account cannot be authenticated.'),
    })
    expect(await uploadForm(s, file, { auth: null })).toMatchObject({
      status: 400,
      body: error('Your request is missing publicKey parameter.'),
    })
    expect(await uploadForm(s, { ...file, ...sign(s, 't', T + 60) })).toMatchObject({
      status: 400,
      body: error(
        'Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.',
      ),
    })
  })

  it.each([
    [
      'an expired token',
      (s: ReturnType<typeof make>) => sign(s, 't1', T - 1),
      'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
    ],
    [
      'an expiry over one hour away',
      (s: ReturnType<typeof make>) => sign(s, 't2', T + 3601),
      'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
    ],
    [
      'a wrong signature',
      (s: ReturnType<typeof make>) => ({ ...sign(s, 't3', T + 60), signature: '0'.repeat(40) }),
      'Your request contains invalid signature. Please make sure it is generated correctly.',
    ],
  ])('refuses a client-side upload with %s', async (_case, fields, message) => {
    const s = make()
    expect(await uploadForm(s, { ...file, ...fields(s) }, { auth: null })).toMatchObject({
      status: 400,
      body: error(message),
    })
  })

  it('accepts a signed client-side upload once, and refuses its token the second time', async () => {
    const s = make()
    const fields = { ...file, ...sign(s, 'once', T + 600) }
    expect((await uploadForm(s, fields, { auth: null })).status).toBe(200)
    expect(await uploadForm(s, fields, { auth: null })).toMatchObject({
      status: 400,
      body: error('The token has been used before. Please use a new token.'),
    })
    expect(s.requests().map((r) => [r.operation, r.status, r.auth])).toStrictEqual([
      ['upload-file', 200, 'client'],
      ['upload-file', 400, 'client'],
    ])
  })

  it.each([
    ['expired', { fileName: 'a.png', iat: T - 100, exp: T - 1 }, {}, 'Your request contains expired token.'],
    [
      'valid for over an hour',
      { fileName: 'a.png', iat: T, exp: T + 3601 },
      {},
      'Your request has invalid token. Its expiry is more than one hour after it was issued.',
    ],
    [
      'not covering every field',
      { fileName: 'a.png', iat: T, exp: T + 60 },
      { tags: 'x' },
      'Your request contains invalid payload. It does not match with the payload used to generate token.',
    ],
    [
      'covering a different value',
      { fileName: 'b.png', iat: T, exp: T + 60 },
      {},
      'Your request contains invalid payload. It does not match with the payload used to generate token.',
    ],
  ])('refuses a v2 JWT %s', async (_case, claims, extra, message) => {
    const s = make()
    const res = await uploadForm(
      s,
      { ...file, ...extra, token: s.signUploadToken(claims) },
      { auth: null, version: 2 },
    )
    expect(res).toMatchObject({ status: 400, body: error(message) })
  })

  it('refuses a v2 JWT signed with another key, and a reused one', async () => {
    const s = make()
    const other = createImagekitStandIn({ now: () => NOW, privateKey: 'other' })
    const claims = { fileName: 'a.png', useUniqueFileName: 'false', iat: T, exp: T + 60 }
    const form = { ...file, useUniqueFileName: 'false' }
    expect(
      await uploadForm(s, { ...form, token: other.signUploadToken(claims) }, { auth: null, version: 2 }),
    ).toMatchObject({ status: 400, body: error('Your request has invalid token.') })
    const token = s.signUploadToken(claims)
    expect(await uploadForm(s, { ...form, token }, { auth: null, version: 2 })).toMatchObject({
      status: 200,
      body: { filePath: '/a.png' },
    })
    expect(await uploadForm(s, { ...form, token }, { auth: null, version: 2 })).toMatchObject({
      status: 400,
      body: error('The token has been used before. Please use a new token.'),
    })
  })

  it("logs each upload's text fields and its file part: a binary part's size, filename and type, a base64 text's decoded size", async () => {
    const s = make()
    const config = { privateKey: s.privateKey, fetch: s.fetch, strictResponses: true }
    const photo = new File([new Uint8Array(70)], 'local name.jpg', { type: 'image/jpeg' })
    await upload(config, { file: photo, fileName: 'photo.jpg', tags: ['a', 'b'], useUniqueFileName: false })()
    await upload(config, { file: btoa('hello browser'), fileName: 'hello.txt', useUniqueFileName: false })()
    await upload(config, {
      file: new Blob([new Uint8Array(9)]),
      fileName: 'blob.png',
      useUniqueFileName: false,
    })()
    expect(s.requests().map((r) => [r.status, r.body, r.file])).toStrictEqual([
      [
        200,
        { fileName: 'photo.jpg', useUniqueFileName: 'false', tags: 'a,b' },
        { size: 70, filename: 'photo.jpg', type: 'image/jpeg' },
      ],
      [200, { fileName: 'hello.txt', useUniqueFileName: 'false' }, { size: 13 }],
      [
        200,
        { fileName: 'blob.png', useUniqueFileName: 'false' },
        { size: 9, filename: 'blob.png', type: 'application/octet-stream' },
      ],
    ])
  })

  it('refuses a v2 upload without a token, and a token next to Basic auth', async () => {
    const s = make()
    expect(await uploadForm(s, file, { auth: null, version: 2 })).toMatchObject({
      status: 400,
      body: error('Your request is missing token parameter.'),
    })
    const token = s.signUploadToken({ fileName: 'a.png', iat: T, exp: T + 60 })
    expect(await uploadForm(s, { ...file, token }, { version: 2 })).toMatchObject({
      status: 400,
      body: error(
        'Your request contains both token and basic auth parameter. Use only one method, you might be exposing your private API key.',
      ),
    })
    expect(s.files()).toStrictEqual([])
  })
})

describe('createImagekitStandIn: upload transformation', () => {
  const INVALID = 'The file could not be uploaded because the transformation field is invalid.'
  const NOT_MEDIA =
    'The file could not be uploaded because transformations are supported only for image and video files.'
  const post = [
    { type: 'transformation', value: 'w-10' },
    { type: 'gif-to-video', value: 'q-80' },
    { type: 'thumbnail' },
    { type: 'abs', value: 'sr-240_360', protocol: 'hls' },
  ]

  it.each([{}, { pre: 'w-100' }, { post }, { pre: 'w-1', post: [] }])(
    'accepts the transformation %j on an image (every field optional, as the spec has it)',
    async (transformation) => {
      const res = await uploadForm(make(), {
        file: pngHeader(1, 1),
        fileName: 'a.png',
        transformation: JSON.stringify(transformation),
      })
      expect(res.status).toBe(200)
    },
  )

  it.each([
    '[]',
    '"w-100"',
    'null',
    'not json',
    '{"pre":5}',
    '{"pre":"w-1","colour":1}',
    '{"toString":"x"}',
    '{"post":{}}',
    '{"post":[{"type":"nope"}]}',
    '{"post":[{"type":"transformation"}]}',
    '{"post":[{"type":"thumbnail","extra":1}]}',
    '{"post":[{"type":"abs","value":"sr-240"}]}',
    '{"post":[{"type":"abs","value":"sr-240","protocol":"rtmp"}]}',
  ])(
    'refuses the transformation %s (additionalProperties: false, required fields)',
    async (transformation) => {
      const s = make()
      expect(await uploadForm(s, { file: pngHeader(1, 1), fileName: 'a.png', transformation })).toMatchObject(
        {
          status: 400,
          body: error(INVALID),
        },
      )
      expect(s.files()).toStrictEqual([])
    },
  )

  it('refuses a transformation on a file that is neither an image nor a video, and takes one on a video', async () => {
    const s = make()
    const transformation = JSON.stringify({ pre: 'w-100' })
    expect(
      await uploadForm(s, { file: new TextEncoder().encode('hi'), fileName: 'a.txt', transformation }),
    ).toMatchObject({ status: 400, body: error(NOT_MEDIA) })
    expect(s.files()).toStrictEqual([])
    // A base64 text part: its type comes from the name's extension (a binary part here says octet-stream).
    const video = await uploadForm(s, { file: 'AAAAAAAAAAA=', fileName: 'a.mp4', transformation })
    expect([video.status, (video.body as { fileType: string }).fileType]).toStrictEqual([200, 'non-image'])
  })
})
