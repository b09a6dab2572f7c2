// The imagekit-fp sample: every capability, end to end.
//
//   npm run sample
//
// With no keys in the environment it runs offline: URLs and signatures are computed locally and uploads go to a
// loopback server that answers like ImageKit's upload API. With IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY and
// IMAGEKIT_URL_ENDPOINT set, the same steps run against your real ImageKit account (uploads land in /imagekit-fp-sample).
// IMAGEKIT_UPLOAD_BASE_URL (optional, live mode only) sends the uploads elsewhere: the tests use it to run the live
// path against the loopback stand-in (test/sample.test.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createHmac } from 'node:crypto'
import { either as E } from 'fp-ts'
import { buildUrl, signUrl, buildTransformationString, getResponsiveImageAttributes } from '@imagekit-fp/url'
import { getAuthenticationParameters, phashDistance, verifyWebhook, formatError } from '@imagekit-fp/utils'
import { upload } from '@imagekit-fp/upload'
import { fileFromPath, nodeFetch } from '@imagekit-fp/upload/node'
import { startFakeImagekit } from './fakeImagekitServer.mjs'

const env = process.env
const live = Boolean(env.IMAGEKIT_PRIVATE_KEY && env.IMAGEKIT_PUBLIC_KEY && env.IMAGEKIT_URL_ENDPOINT)
let failures = 0

/** Prints one step; `expected` (optional) is compared exactly. */
const show = (title, result, expected) => {
  if (E.isLeft(result)) {
    const ok = expected === 'Left'
    if (!ok) failures++
    console.log(`${ok ? '✔' : '✘'} ${title}\n    → Left  ${formatError(result.left)}`)
    return undefined
  }
  const value = result.right
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2).replace(/\n/g, '\n      ')
  const ok = expected === undefined || (typeof expected === 'function' ? expected(value) : text === expected)
  if (!ok) failures++
  console.log(`${ok ? '✔' : '✘'} ${title}\n    → ${text}`)
  return value
}

const section = (title) => console.log(`\n━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}`)

console.log(
  `imagekit-fp sample: ${live ? `LIVE against ${env.IMAGEKIT_URL_ENDPOINT}` : 'offline (set IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT to use your account)'}`,
)

// ── URLs: the classic README's examples ─────────────────────────────────────────────────────────────────
section('URL generation (@imagekit-fp/url)')
const classic = { urlEndpoint: 'https://ik.imagekit.io/your_imagekit_id/endpoint/' }
show(
  'path + transformation in the path',
  buildUrl(classic, { path: '/default-image.jpg', transformation: [{ height: '300', width: '400' }] }),
  'https://ik.imagekit.io/your_imagekit_id/endpoint/tr:h-300,w-400/default-image.jpg',
)
show(
  'full src: transformations go to the query',
  buildUrl(classic, {
    src: 'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg',
    transformation: [{ height: '300', width: '400' }],
  }),
  'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=h-300%2Cw-400',
)
show(
  'chained transformations in the query',
  buildUrl(classic, {
    path: '/default-image.jpg',
    transformation: [{ height: '300', width: '400' }, { rotation: 90 }],
    transformationPosition: 'query',
  }),
  'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=h-300%2Cw-400%3Art-90',
)
show(
  'sharpen and contrast (classic effect names)',
  buildUrl(classic, {
    src: 'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg',
    transformation: [{ format: 'jpg', progressive: 'true', effectSharpen: '-', effectContrast: '1' }],
  }),
  'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=f-jpg%2Cpr-true%2Ce-sharpen%2Ce-contrast-1',
)

const urlEndpoint = live ? env.IMAGEKIT_URL_ENDPOINT : 'https://ik.imagekit.io/your_imagekit_id'
const privateKey = live ? env.IMAGEKIT_PRIVATE_KEY : 'private_key_for_the_offline_sample'
const publicKey = live ? env.IMAGEKIT_PUBLIC_KEY : 'public_key_for_the_offline_sample'
const now = () => Date.now()
const signed = show(
  'signed URL with a 300 s expiry (query parameter v=123 kept, ik-t and ik-s last)',
  signUrl(
    { urlEndpoint, privateKey, now },
    {
      path: '/default-image.jpg',
      queryParameters: { v: '123' },
      transformation: [{ height: '300', width: '400' }],
      signed: true,
      expireSeconds: 300,
    },
  ),
  (url) => /\?v=123&ik-t=\d+&ik-s=[0-9a-f]{40}$/.test(url) && !url.includes(privateKey),
)
if (signed) {
  // Check the signature independently with node:crypto (the library itself uses @noble/hashes, in any runtime).
  const u = new URL(signed)
  const expire = u.searchParams.get('ik-t')
  const unsigned = signed.slice(0, signed.indexOf('&ik-t='))
  const message = unsigned.slice(urlEndpoint.replace(/\/$/, '').length + 1) + expire
  const expected = createHmac('sha1', privateKey).update(message).digest('hex')
  show(
    '  … its ik-s equals an independent HMAC-SHA1',
    E.right(u.searchParams.get('ik-s') === expected ? 'yes' : 'NO'),
    'yes',
  )
}
show(
  'text overlay, UTF-8 safe',
  buildTransformationString([
    {
      width: 400,
      overlay: { type: 'text', text: 'हिन्दी', transformation: [{ fontSize: 30, fontColor: 'FF0000' }] },
    },
  ]),
)
show(
  'responsive image attributes (srcSet for a 400 px wide image)',
  getResponsiveImageAttributes({ urlEndpoint }, { src: '/default-image.jpg', width: 400 }),
)
show('a bad input is a Left, never a throw', buildUrl(classic, { transformation: [{ width: 100 }] }), 'Left')

// ── Utilities ────────────────────────────────────────────────────────────────────────────────────────────
section('Utilities (@imagekit-fp/utils)')
show(
  'authentication parameters (classic vector)',
  getAuthenticationParameters(
    { privateKey: 'private_key_test', now: () => 1582269249_000 - 60_000 },
    { token: 'your_token', expire: 1582269249 },
  ),
  (p) => p.signature === 'e71bcd6031016b060d349d212e23e85c791decdd',
)
const authParams = show(
  'fresh authentication parameters for a client-side upload',
  getAuthenticationParameters({ privateKey }),
)
show('pHash distance (same)', phashDistance('f06830ca9f1e3e90', 'f06830ca9f1e3e90'), '0')
show('pHash distance', phashDistance('2d5ad3936d2e015b', '2d6ed293db36a4fb'), '17')
show('pHash distance', phashDistance('a4a65595ac94518b', '7838873e791f8400'), '37')

const webhookSecret = 'whsec_sample_secret'
const body = JSON.stringify({
  type: 'file.created',
  id: 'evt_1',
  created_at: new Date().toISOString(),
  data: { fileId: 'f1' },
})
const t = Date.now()
const legacySig = createHmac('sha256', webhookSecret).update(`${t}.${body}`).digest('hex')
show(
  'webhook verification (x-ik-signature)',
  verifyWebhook({ webhookSecret }, { body, headers: { 'x-ik-signature': `t=${t},v1=${legacySig}` } }),
  (r) => r.event.type === 'file.created',
)
const id = 'msg_1'
const ts = Math.floor(t / 1000)
const stdSig = createHmac('sha256', webhookSecret).update(`${id}.${ts}.${body}`).digest('base64')
show(
  'webhook verification (Standard Webhooks headers)',
  verifyWebhook(
    { webhookSecret },
    {
      body,
      headers: { 'webhook-id': id, 'webhook-timestamp': String(ts), 'webhook-signature': `v1,${stdSig}` },
    },
  ),
  (r) => r.event.type === 'file.created',
)
show(
  'a tampered webhook body is rejected',
  verifyWebhook(
    { webhookSecret },
    { body: body.replace('f1', 'f2'), headers: { 'x-ik-signature': `t=${t},v1=${legacySig}` } },
  ),
  'Left',
)

// ── Upload ───────────────────────────────────────────────────────────────────────────────────────────────
section(`Upload (@imagekit-fp/upload) ${live ? 'to your account' : 'to a loopback stand-in of ImageKit'}`)
const fake = live ? undefined : await startFakeImagekit({ privateKey, publicKey })
const uploadBaseUrl = live ? env.IMAGEKIT_UPLOAD_BASE_URL || undefined : fake.url
const uploadBase = uploadBaseUrl === undefined ? {} : { uploadBaseUrl }
const uploadConfig = { privateKey, ...uploadBase }
const dir = await mkdtemp(path.join(tmpdir(), 'imagekit-fp-sample-'))
try {
  // A 1×1 PNG, so a real account accepts it as an image.
  const png = Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  )
  const uploaded = show(
    'server-side upload of bytes (private key, tags, folder, custom coordinates)',
    await upload(uploadConfig, {
      file: png,
      fileName: 'pixel.png',
      folder: '/imagekit-fp-sample',
      tags: ['sample', 'imagekit-fp'],
      useUniqueFileName: true,
      customCoordinates: '0,0,1,1',
      responseFields: ['tags', 'customCoordinates'],
    })(),
    (r) => typeof r.fileId === 'string' && typeof r.url === 'string',
  )
  if (uploaded) console.log(`    uploaded: ${uploaded.url}`)

  const filePath = path.join(dir, 'streamed.png')
  await writeFile(filePath, png)
  const streamed = await fileFromPath(filePath)()
  if (E.isRight(streamed)) {
    let lastProgress
    show(
      'Node streaming upload from disk (fileFromPath + nodeFetch, with progress)',
      await upload(
        { ...uploadConfig, fetch: nodeFetch },
        {
          file: streamed.right,
          fileName: 'streamed.png',
          folder: '/imagekit-fp-sample',
          onUploadProgress: (p) => {
            lastProgress = p
          },
        },
      )(),
      (r) => typeof r.fileId === 'string',
    )
    console.log(`    progress reported: ${JSON.stringify(lastProgress)}`)
  } else show('fileFromPath', streamed)

  if (authParams) {
    const clientConfig = uploadBase
    show(
      'client-side upload (publicKey + token/expire/signature, no private key in the request)',
      await upload(clientConfig, {
        file: png,
        fileName: 'client-side.png',
        folder: '/imagekit-fp-sample',
        publicKey,
        token: authParams.token,
        expire: authParams.expire,
        signature: authParams.signature,
      })(),
      (r) => typeof r.fileId === 'string',
    )
  }
  show(
    "a wrong private key comes back as ImageKit's own error",
    await upload(
      { privateKey: 'private_wrong', ...uploadBase },
      {
        file: png,
        fileName: 'nope.png',
      },
    )(),
    'Left',
  )
  show(
    'a missing fileName is refused before any request',
    await upload(uploadConfig, { file: png })(),
    'Left',
  )
} finally {
  await rm(dir, { recursive: true, force: true })
  await fake?.close()
}

console.log(
  failures === 0
    ? '\nAll sample steps behaved as expected.'
    : `\n${failures} sample step(s) did not behave as expected.`,
)
process.exit(failures === 0 ? 0 : 1)
