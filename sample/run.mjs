// The imagekit-fp sample: every capability, in order, one heading per step.
//
//   npm run sample
//
// With no keys in the environment it runs on the offline stand-in (@imagekit-fp/testing's loopback server, started
// here: an in-memory ImageKit that stores files, versions, folders, jobs and purges). With IMAGEKIT_PRIVATE_KEY,
// IMAGEKIT_PUBLIC_KEY and IMAGEKIT_URL_ENDPOINT set, the same steps run against your ImageKit account, inside the
// folder /imagekit-fp-sample, which is deleted at the end (with the custom metadata field the sample creates).
// IMAGEKIT_API_BASE_URL and IMAGEKIT_UPLOAD_BASE_URL (optional, live mode only) send the calls elsewhere:
// test/sample.test.ts uses them to run the live mode against a stand-in it started itself.
import { createHmac } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { buildUrl, signUrl, getResponsiveImageAttributes } from '@imagekit-fp/url'
import {
  getAuthenticationParameters,
  getUploadToken,
  phashDistance,
  verifyWebhook,
  formatError,
} from '@imagekit-fp/utils'
import { matchWebhookEvent } from '@imagekit-fp/utils/webhook'
import { upload, uploadV2 } from '@imagekit-fp/upload'
import { fileFromPath, nodeFetch, uploadDirectory } from '@imagekit-fp/upload/node'
import * as media from '@imagekit-fp/media'
import { addTagsToMatching, purgeMatching } from '@imagekit-fp/media/bulk'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'

const env = process.env
const live = Boolean(env.IMAGEKIT_PRIVATE_KEY && env.IMAGEKIT_PUBLIC_KEY && env.IMAGEKIT_URL_ENDPOINT)
const FOLDER = '/imagekit-fp-sample'
let failures = 0
let stepNumber = 0

// ── Printing ─────────────────────────────────────────────────────────────────────────────────────────────
const step = (title) => console.log(`\n${++stepNumber}. ${title}`)
const line = (text) => console.log(`   ${text}`)
/** Prints a result; returns the value of a Right, `undefined` (and counts a failure) for a Left. */
const show = (label, result, render = (v) => v) => {
  if (result._tag === 'Left') {
    failures++
    line(`✘ ${label}: ${formatError(result.left)}`)
    return undefined
  }
  line(`${label}: ${render(result.right)}`)
  return result.right
}
/** Prints the expected Left, one line through formatError; a Right here is a failure. */
const showLeft = (label, result) => {
  if (result._tag === 'Right') {
    failures++
    line(`✘ ${label}: expected a Left, got ${JSON.stringify(result.right)}`)
  } else line(`${label}: ${formatError(result.left)}`)
}
const check = (label, ok) => {
  if (!ok) failures++
  line(`${ok ? '✔' : '✘'} ${label}`)
}
const fileLine = (f) =>
  `${f.filePath} (${f.size} B${f.width ? `, ${f.width}×${f.height}` : ''}${f.tags?.length ? `, tags ${f.tags.join(',')}` : ''})`
/** An upload's Right: the stored file (`_tag` 'UploadResult'), or a 202's queued upload ('UploadAccepted'). */
const uploadLine = (r) =>
  r._tag === 'UploadAccepted' ? `accepted, finished later: ${r.message}` : fileLine(r)

// ── Where the calls go ───────────────────────────────────────────────────────────────────────────────────
const standIn = live ? undefined : createImagekitStandIn()
const server = standIn ? await standIn.listen() : undefined
const privateKey = live ? env.IMAGEKIT_PRIVATE_KEY : standIn.privateKey
const publicKey = live ? env.IMAGEKIT_PUBLIC_KEY : standIn.publicKey
const urlEndpoint = live ? env.IMAGEKIT_URL_ENDPOINT : standIn.urlEndpoint
const apiBaseUrl = live ? env.IMAGEKIT_API_BASE_URL || undefined : server.url
const uploadBaseUrl = live ? env.IMAGEKIT_UPLOAD_BASE_URL || undefined : server.url
const bases = { ...(apiBaseUrl && { apiBaseUrl }), ...(uploadBaseUrl && { uploadBaseUrl }) }
/** Server-side config: the private key, sent as HTTP Basic auth. */
const config = { privateKey, ...bases }
/** What a browser has: no private key. */
const browser = { ...(uploadBaseUrl && { uploadBaseUrl }) }
/** Polling fast enough for a demonstration (ImageKit's jobs take a second or more; the stand-in's, two reads). */
const poll = { interval: live ? 1000 : 20, maxInterval: live ? 5000 : 20, timeout: 120_000 }

console.log(
  live
    ? `imagekit-fp sample: LIVE against ${urlEndpoint} (in ${FOLDER}, deleted at the end)`
    : `imagekit-fp sample: on the offline stand-in (set IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT to use your account)`,
)

/** A small RGB PNG (so ImageKit reads it as an image): `width`×`height` pixels of one colour. */
const png = (width, height, [r, g, b]) => {
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body), 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.from([0, ...Array.from({ length: width }, () => [r, g, b]).flat()])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  return new Uint8Array(
    Buffer.concat([
      Buffer.from('89504e470d0a1a0a', 'hex'),
      chunk('IHDR', header),
      chunk('IDAT', pixels),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  )
}
const red = png(4, 3, [255, 0, 0])
const blue = png(2, 2, [0, 0, 255])

const dir = await mkdtemp(path.join(tmpdir(), 'imagekit-fp-sample-'))
/** The custom metadata field the sample created, deleted at the end. */
let field
try {
  // ── URLs: the classic README's examples, on this run's URL endpoint (the stand-in's, or yours) ─────────
  const classic = { urlEndpoint }
  step('URL: a path with a transformation (classic README)')
  line(`urlEndpoint: ${urlEndpoint} (every URL of this run uses it)`)
  show(
    'url',
    buildUrl(classic, { path: '/default-image.jpg', transformation: [{ height: '300', width: '400' }] }),
  )
  step('URL: a full src, the transformation in the query')
  show(
    'url',
    buildUrl(classic, {
      src: `${urlEndpoint.replace(/\/$/, '')}/default-image.jpg`,
      transformation: [{ height: '300', width: '400' }],
    }),
  )
  step('URL: chained transformations')
  show(
    'url',
    buildUrl(classic, {
      path: '/default-image.jpg',
      transformation: [{ height: '300', width: '400' }, { rotation: 90 }],
      transformationPosition: 'query',
    }),
  )
  step('URL: sharpen and contrast')
  show(
    'url',
    buildUrl(classic, {
      src: `${urlEndpoint.replace(/\/$/, '')}/default-image.jpg`,
      transformation: [{ format: 'jpg', progressive: 'true', effectSharpen: '-', effectContrast: '1' }],
    }),
  )
  step('URL: a text overlay (UTF-8)')
  show(
    'url',
    buildUrl(classic, {
      path: '/default-image.jpg',
      transformation: [
        {
          width: 400,
          overlay: { type: 'text', text: 'हिन्दी', transformation: [{ fontSize: 30, fontColor: 'FF0000' }] },
        },
      ],
    }),
  )

  step('Signed URL, valid for 300 s')
  const signed = show(
    'url',
    signUrl(
      { urlEndpoint, privateKey },
      {
        path: '/default-image.jpg',
        queryParameters: { v: '123' },
        transformation: [{ width: 400 }],
        expireSeconds: 300,
      },
    ),
  )
  if (signed) {
    // Checked independently with node:crypto: ik-s = HMAC-SHA1(privateKey, the URL after the endpoint + ik-t).
    const expire = new URL(signed).searchParams.get('ik-t')
    const message = signed.slice(urlEndpoint.replace(/\/$/, '').length + 1, signed.indexOf('&ik-t=')) + expire
    check(
      'ik-s is HMAC-SHA1 of the URL and ik-t',
      new URL(signed).searchParams.get('ik-s') ===
        createHmac('sha1', privateKey).update(message).digest('hex'),
    )
    check('the private key is not in the URL', !signed.includes(privateKey))
  }

  step('Responsive image attributes (an image shown 400 px wide)')
  show(
    'attributes',
    getResponsiveImageAttributes({ urlEndpoint }, { src: '/default-image.jpg', width: 400 }),
    (a) => `src ${a.src}\n   srcSet ${a.srcSet}`,
  )

  step('Authentication parameters for a client-side upload')
  show(
    'classic test vector',
    getAuthenticationParameters(
      { privateKey: 'private_key_test', now: () => 1582269249_000 - 60_000 },
      { token: 'your_token', expire: 1582269249 },
    ),
    (p) => p.signature,
  )
  const auth = show(
    'fresh (token, expire in 30 min, signature)',
    getAuthenticationParameters({ privateKey }),
    (p) => `token ${p.token.length} chars, signature ${p.signature.length} hex digits`,
  )

  // ── Uploads ──────────────────────────────────────────────────────────────────────────────────────────
  step('Upload bytes (server-side, with tags)')
  const a = show(
    'uploaded',
    await upload(config, {
      file: red,
      fileName: 'red.png',
      folder: FOLDER,
      useUniqueFileName: false,
      tags: ['sample'],
    })(),
    uploadLine,
  )

  step('Upload a file streamed from disk (fileFromPath + nodeFetch, with progress)')
  const onDisk = path.join(dir, 'blue.png')
  await writeFile(onDisk, blue)
  const blob = await fileFromPath(onDisk)()
  let progress
  const b =
    blob._tag === 'Left'
      ? show('fileFromPath', blob)
      : show(
          'uploaded',
          await upload(
            { ...config, fetch: nodeFetch },
            {
              file: blob.right,
              fileName: 'blue.png',
              folder: FOLDER,
              useUniqueFileName: false,
              onUploadProgress: (p) => (progress = p),
            },
          )(),
          uploadLine,
        )
  // Progress counts the bytes of the request body: the multipart form, the file's bytes and the other fields.
  line(
    `last progress: ${progress ? `${progress.loaded} of ${progress.total ?? '?'} bytes of the request body` : 'none'} (the ${blue.length}-byte file and the form's other fields)`,
  )

  step('Upload from a URL')
  line(
    live
      ? 'ImageKit fetches the URL and stores what it gets.'
      : 'The stand-in does not fetch the URL (it stays offline): it stores an empty file under the name.',
  )
  show(
    'uploaded',
    await upload(config, {
      file: 'https://ik.imagekit.io/demo/default-image.jpg',
      fileName: 'from-url.jpg',
      folder: FOLDER,
      useUniqueFileName: false,
    })(),
    (r) => (r._tag === 'UploadAccepted' ? uploadLine(r) : r.filePath),
  )

  step('Client-side upload with the authentication parameters (no private key sent)')
  if (auth)
    show(
      'uploaded',
      await upload(browser, { file: red, fileName: 'client.png', folder: FOLDER, publicKey, ...auth })(),
      uploadLine,
    )

  step('Upload API v2 with a token from getUploadToken')
  const v2Request = { fileName: 'v2.png', folder: FOLDER, useUniqueFileName: false, tags: ['v2'] }
  const token = show(
    'token',
    getUploadToken({ privateKey, publicKey }, v2Request),
    (t) => `a JWT of ${t.split('.').length} parts`,
  )
  if (token) show('uploaded', await uploadV2(browser, { ...v2Request, file: blue, token })(), uploadLine)

  // ── The media library ────────────────────────────────────────────────────────────────────────────────
  step(`List and search (${FOLDER})`)
  show('listed', await media.listFiles(config, { path: FOLDER, sort: 'ASC_NAME' })(), (items) =>
    items.map((f) => f.name).join(', '),
  )
  show(
    'search: name : "b" OR tags IN ["v2"]',
    await media.listFiles(config, {
      path: FOLDER,
      searchQuery: 'name : "b" OR tags IN ["v2"]',
      sort: 'ASC_NAME',
    })(),
    (items) => items.map((f) => f.name).join(', '),
  )

  if (a && b) {
    step('File details')
    show(
      'details',
      await media.getFileDetails(config, { fileId: a.fileId })(),
      (f) => `${f.name}, ${f.mime}, ${f.width}×${f.height}, ${f.url}`,
    )

    step('Metadata')
    const metaA = show(
      'red.png',
      await media.getFileMetadata(config, { fileId: a.fileId })(),
      (m) => `${m.format} ${m.width}×${m.height}, pHash ${m.pHash}`,
    )
    const metaB = show(
      'blue.png',
      await media.getFileMetadata(config, { fileId: b.fileId })(),
      (m) => `${m.format} ${m.width}×${m.height}, pHash ${m.pHash}`,
    )
    if (!live)
      line(
        "(the stand-in's pHash is made up: the first 16 hex digits of the file's SHA-256, not a perceptual hash)",
      )

    step('pHash distance between the two files')
    if (!live) line("(of the stand-in's made-up hashes: 0 for the same bytes, not a measure of likeness)")
    if (metaA && metaB) {
      show('red.png ↔ blue.png', phashDistance(metaA.pHash, metaB.pHash), String)
      show('red.png ↔ red.png', phashDistance(metaA.pHash, metaA.pHash), String)
    }

    step('Update tags')
    show(
      'addTags',
      await media.addTags(config, { fileIds: [a.fileId, b.fileId], tags: ['summer', 'sale'] })(),
      (r) => `${r.successfullyUpdatedFileIds.length} files`,
    )
    show(
      'removeTags',
      await media.removeTags(config, { fileIds: [a.fileId], tags: ['sale'] })(),
      (r) => `${r.successfullyUpdatedFileIds.length} file`,
    )
    show(
      'updateFileDetails',
      await media.updateFileDetails(config, { fileId: b.fileId, tags: ['blue'] })(),
      (f) => `tags now ${f.tags?.join(',')}`,
    )

    step('Versions: overwrite red.png, list its versions, restore the first')
    show(
      'overwritten',
      await upload(config, {
        file: blue,
        fileName: 'red.png',
        folder: FOLDER,
        useUniqueFileName: false,
        overwriteFile: true,
      })(),
      uploadLine,
    )
    const versions = show(
      'versions',
      await media.listFileVersions(config, { fileId: a.fileId })(),
      (vs) => `${vs.length}`,
    )
    const first = versions?.find(
      (v) => v.versionInfo?.id !== undefined && v.versionInfo.id !== versions.at(-1)?.versionInfo?.id,
    )
    if (first)
      show(
        'restored',
        await media.restoreFileVersion(config, { fileId: a.fileId, versionId: first.versionInfo.id })(),
        fileLine,
      )

    step('Folders, and a bulk job until done (waitForBulkJob)')
    show(
      'createFolder',
      await media.createFolder(config, { folderName: 'album', parentFolderPath: FOLDER })(),
      () => `${FOLDER}/album`,
    )
    show(
      'copyFile',
      await media.copyFile(config, {
        sourceFilePath: `${FOLDER}/red.png`,
        destinationPath: `${FOLDER}/album/`,
      })(),
      () => `${FOLDER}/album/red.png`,
    )
    const job = show(
      'copyFolder',
      await media.copyFolder(config, {
        sourceFolderPath: `${FOLDER}/album`,
        destinationPath: `${FOLDER}/copies`,
      })(),
      (j) => `job ${live ? '…' : j.jobId}`,
    )
    if (job)
      show('waitForBulkJob', await media.waitForBulkJob(config, { jobId: job.jobId, ...poll })(), (s) =>
        `${s.type ?? ''} ${s.status}`.trim(),
      )

    step('Purge the CDN cache of red.png, and its status until done (waitForPurge)')
    const purge = show('purgeCache', await media.purgeCache(config, { url: a.url })(), () => a.url)
    if (purge)
      show(
        'waitForPurge',
        await media.waitForPurge(config, { requestId: purge.requestId, ...poll })(),
        (s) => s.status,
      )

    step('Bulk: a folder uploaded with progress (uploadDirectory), then tagged and purged over a search')
    const local = path.join(dir, 'bulk')
    await mkdir(path.join(local, 'greens'), { recursive: true })
    await writeFile(path.join(local, 'red.png'), red)
    await writeFile(path.join(local, 'blue.png'), blue)
    await writeFile(path.join(local, 'greens', 'green.png'), png(3, 3, [0, 255, 0]))
    let last
    const uploaded = await uploadDirectory(config, local, {
      folder: `${FOLDER}/bulk`,
      concurrency: 2,
      uploadOptions: { tags: ['sample-bulk'] },
      onProgress: (p) => (last = p),
    })()
    show('uploadDirectory', uploaded, (r) => `${r.done.length} uploaded, ${r.failed.length} failed`)
    if (last)
      line(
        `last progress: ${last.done} files, ${last.bytesDone} of ${last.bytesTotal} bytes, ${last.failed} failed`,
      )
    const bulk = { path: `${FOLDER}/bulk`, searchQuery: 'tags IN ["sample-bulk"]' }
    show(
      'addTagsToMatching',
      await addTagsToMatching(config, bulk, ['tagged'])(),
      (r) => `${r.matched} matched, ${r.done.length} tagged, ${r.failed.length} failed`,
    )
    show(
      'purgeMatching',
      await purgeMatching(config, bulk)(),
      (r) => `${r.done.length} URLs purged, ${r.failed.length} failed`,
    )

    step('Custom metadata fields')
    const name = live ? `imagekitFpSample${Date.now()}` : 'imagekitFpSample'
    field = show(
      'created',
      await media.createCustomMetadataField(config, {
        name,
        label: 'Sample price',
        schema: { type: 'Number', minValue: 0, maxValue: 1000 },
      })(),
      (f) => `${f.name} (${f.schema.type}, ${f.schema.minValue}–${f.schema.maxValue})`,
    )
    show(
      'set on blue.png',
      await media.updateFileDetails(config, { fileId: b.fileId, customMetadata: { [name]: 42 } })(),
      (f) => JSON.stringify(f.customMetadata),
    )
    showLeft(
      'out of range',
      await media.updateFileDetails(config, { fileId: b.fileId, customMetadata: { [name]: 5000 } })(),
    )
  }

  // ── Webhooks ─────────────────────────────────────────────────────────────────────────────────────────
  step('Webhook verification (both header formats) and matchWebhookEvent')
  const webhookSecret = 'whsec_sample_secret'
  const body = JSON.stringify({
    type: 'file.updated',
    id: 'evt_1',
    created_at: new Date().toISOString(),
    data: { fileId: a?.fileId ?? 'f1', filePath: `${FOLDER}/red.png`, name: 'red.png' },
  })
  const t = Date.now()
  const ts = Math.floor(t / 1000)
  const describe = matchWebhookEvent({
    'file.created': (e) => `created ${e.data.filePath ?? ''}`,
    'file.updated': (e) => `updated ${e.data.filePath ?? ''}: purge its cache`,
    'file.deleted': (e) => `deleted ${e.data.fileId}`,
    'file-version.created': (e) => `new version of ${e.data.fileId ?? ''}`,
    'file-version.deleted': (e) => `deleted version ${e.data.versionId}`,
    'upload.pre-transform.success': (e) => `pre-transformed ${e.data.name ?? ''}`,
    'upload.pre-transform.error': (e) => `pre-transform failed: ${e.data.transformation.error.reason}`,
    'upload.post-transform.success': (e) => `post-transform ready at ${e.data.url}`,
    'upload.post-transform.error': (e) => `post-transform failed: ${e.data.transformation.error.reason}`,
    'video.transformation.accepted': (e) => `queued ${e.data.asset.url}`,
    'video.transformation.ready': (e) => `ready ${e.data.transformation.output?.url ?? ''}`,
    'video.transformation.error': (e) => `failed ${e.data.transformation.error?.reason ?? ''}`,
    unknown: (e) => `ignored ${e.type}`,
  })
  const standard = {
    'webhook-id': 'msg_1',
    'webhook-timestamp': String(ts),
    'webhook-signature': `v1,${createHmac('sha256', webhookSecret).update(`msg_1.${ts}.${body}`).digest('base64')}`,
  }
  show('Standard Webhooks headers', verifyWebhook({ webhookSecret }, { body, headers: standard }), (r) =>
    describe(r.event),
  )
  const legacy = {
    'x-ik-signature': `t=${t},v1=${createHmac('sha256', webhookSecret).update(`${t}.${body}`).digest('hex')}`,
  }
  show('x-ik-signature (legacy)', verifyWebhook({ webhookSecret }, { body, headers: legacy }), (r) =>
    describe(r.event),
  )
  showLeft(
    'a tampered body',
    verifyWebhook({ webhookSecret }, { body: body.replace('red', 'fake'), headers: standard }),
  )

  // ── What failures look like ──────────────────────────────────────────────────────────────────────────
  step('A bad input: a Left naming the field, nothing sent')
  showLeft('buildUrl without path or src', buildUrl(classic, { transformation: [{ width: 100 }] }))
  showLeft('upload without fileName', await upload(config, { file: red })())
  showLeft(
    'a wrong private key',
    await media.listFiles({ ...config, privateKey: 'private_wrong_key' }, { path: FOLDER })(),
  )

  step('An injected fault: ImageKit answers 503 (retries off)')
  if (a) {
    // On the stand-in, its own fault injection; on a real account, a fetch that answers 503 once.
    const faultyFetch = async () =>
      new Response(
        JSON.stringify({
          message: 'Injected fault: status 503.',
          help: 'For support kindly contact us at support@imagekit.io .',
        }),
        {
          status: 503,
          headers: { 'content-type': 'application/json', 'x-request-id': 'sample-fault' },
        },
      )
    standIn?.inject({ operation: 'get-file-details', status: 503 })
    showLeft(
      'getFileDetails',
      await media.getFileDetails(
        { ...config, retry: 0, ...(live && { fetch: faultyFetch }) },
        { fileId: a.fileId },
      )(),
    )
  }
} finally {
  // ── Clean up: everything the sample made ─────────────────────────────────────────────────────────────
  step(`Delete what the sample created`)
  const files = await media.listFiles(config, { path: FOLDER, type: 'file' })()
  if (files._tag === 'Right' && files.right.length > 0) {
    const [one, ...rest] = files.right
    show('deleteFile', await media.deleteFile(config, { fileId: one.fileId })(), () => one.name)
    if (rest.length > 0)
      show(
        'bulkDeleteFiles',
        await media.bulkDeleteFiles(config, { fileIds: rest.map((f) => f.fileId) })(),
        (r) => `${r.successfullyDeletedFileIds.length} files`,
      )
  }
  show(
    'deleteFolder',
    await media.deleteFolder(config, { folderPath: FOLDER })(),
    () => `${FOLDER} and everything in it`,
  )
  if (field)
    show(
      'deleteCustomMetadataField',
      await media.deleteCustomMetadataField(config, { id: field.id })(),
      () => field.name,
    )
  await rm(dir, { recursive: true, force: true })
  await server?.close()
}

console.log(
  failures === 0
    ? '\nAll sample steps behaved as expected.'
    : `\n${failures} sample step(s) did not behave as expected.`,
)
process.exit(failures === 0 ? 0 : 1)
