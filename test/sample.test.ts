// The sample is the project's main demonstration (`npm run sample`): these tests run it as a user would, on the
// BUILT packages: on its own stand-in (the default), and in its live mode (keys and endpoint from the environment)
// against a stand-in started here, with IMAGEKIT_API_BASE_URL and IMAGEKIT_UPLOAD_BASE_URL pointing at it (no
// ImageKit account is available to CI).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const built = ['utils', 'url', 'upload', 'media', 'testing'].every((p) =>
  existsSync(path.join(root, 'packages', p, 'dist', 'index.js')),
)

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node sample/run.mjs` with exactly these IMAGEKIT_* variables (none inherited). */
const runSample = (vars: Record<string, string>): Promise<Run> =>
  new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {}
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('IMAGEKIT_')) env[k] = v
    const child = spawn(process.execPath, [path.join(root, 'sample', 'run.mjs')], {
      cwd: root,
      env: { ...env, ...vars },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })

/** The one part of the stand-in run that changes from run to run: the signed URL's expiry and signature. */
const normalise = (out: string): string =>
  out.replace(/ik-t=\d+&ik-s=[0-9a-f]{40}/g, 'ik-t=<expire>&ik-s=<signature>').trimEnd()

/** The step headings (`N. title`) the sample printed. */
const headings = (out: string): string[] => out.split('\n').filter((l) => /^\d+\. /.test(l))

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

describe.skipIf(!built)('sample/run.mjs (needs the built packages: npm run build)', () => {
  it('runs on its own stand-in and prints exactly this', async () => {
    const run = await runSample({})
    expect(run.stderr).toBe('')
    expect(normalise(run.stdout)).toBe(EXPECTED)
    expect(run.code).toBe(0)
  })

  it('runs its live mode against a stand-in: the same steps, everything it made deleted, keys never printed', async () => {
    const standIn = createImagekitStandIn({
      privateKey: 'private_live_mode_key_1234',
      publicKey: 'public_live_mode_key',
      urlEndpoint: 'https://ik.imagekit.io/live_mode',
    })
    const server = await standIn.listen()
    close = server.close
    const run = await runSample({
      IMAGEKIT_PRIVATE_KEY: standIn.privateKey,
      IMAGEKIT_PUBLIC_KEY: standIn.publicKey,
      IMAGEKIT_URL_ENDPOINT: standIn.urlEndpoint,
      IMAGEKIT_API_BASE_URL: server.url,
      IMAGEKIT_UPLOAD_BASE_URL: server.url,
    })
    expect(run.stderr).toBe('')
    expect(run.stdout.split('\n')[0]).toBe(
      'imagekit-fp sample: LIVE against https://ik.imagekit.io/live_mode (in /imagekit-fp-sample, deleted at the end)',
    )
    expect(headings(run.stdout)).toStrictEqual(headings(EXPECTED))
    // One URL endpoint throughout (the account's); what only the stand-in does is not claimed of ImageKit.
    expect(run.stdout.split('\n')[3]).toBe(
      '   urlEndpoint: https://ik.imagekit.io/live_mode (every URL of this run uses it)',
    )
    expect(run.stdout).not.toContain('ik.imagekit.io/standin')
    expect(run.stdout).toContain('\n   ImageKit fetches the URL and stores what it gets.\n')
    expect(run.stdout).not.toContain('made-up')
    expect(run.stdout).not.toContain('✘')
    // In live mode the fault comes from an injected fetch, not from the stand-in.
    expect(run.stdout).toContain(
      '   getFileDetails: HttpError 503: Injected fault: status 503. (help: For support kindly contact us at support@imagekit.io .) [request sample-fault]',
    )
    expect(run.stdout.trimEnd().endsWith('All sample steps behaved as expected.')).toBe(true)
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain(standIn.privateKey)
    // Cleaned up: no file, no folder, and its custom metadata field deleted.
    expect(standIn.files()).toStrictEqual([])
    const requests = standIn.requests()
    const ops = (operation: string) => requests.filter((r) => r.operation === operation)
    expect(ops('delete-folder').map((r) => [r.status, r.body])).toStrictEqual([
      [204, { folderPath: '/imagekit-fp-sample' }],
    ])
    expect(ops('delete-a-field').map((r) => r.status)).toStrictEqual([204])
    // Every upload went into the sample's folder (the upload without a fileName was never sent).
    const uploads = ops('upload-file')
      .concat(ops('upload-file-v2'))
      .map((r) => {
        const fields = r.body as Record<string, string>
        return [r.status, fields['fileName'], fields['folder']]
      })
    // The bulk step's uploads run two at a time, in the order the folder is read: compared as a set.
    const inBulk = (u: unknown[]) => String(u[2]).startsWith('/imagekit-fp-sample/bulk')
    expect(uploads.filter(inBulk).sort()).toStrictEqual([
      [200, 'blue.png', '/imagekit-fp-sample/bulk'],
      [200, 'green.png', '/imagekit-fp-sample/bulk/greens'],
      [200, 'red.png', '/imagekit-fp-sample/bulk'],
    ])
    expect(uploads.filter((u) => !inBulk(u))).toStrictEqual([
      [200, 'red.png', '/imagekit-fp-sample'],
      [200, 'blue.png', '/imagekit-fp-sample'],
      [200, 'from-url.jpg', '/imagekit-fp-sample'],
      [200, 'client.png', '/imagekit-fp-sample'],
      [200, 'red.png', '/imagekit-fp-sample'],
      [200, 'v2.png', '/imagekit-fp-sample'],
    ])
  })
})

const EXPECTED = `imagekit-fp sample: on the offline stand-in (set IMAGEKIT_PRIVATE_KEY, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_URL_ENDPOINT to use your account)

1. URL: a path with a transformation (classic README)
   urlEndpoint: https://ik.imagekit.io/standin (every URL of this run uses it)
   url: https://ik.imagekit.io/standin/tr:h-300,w-400/default-image.jpg

2. URL: a full src, the transformation in the query
   url: https://ik.imagekit.io/standin/default-image.jpg?tr=h-300%2Cw-400

3. URL: chained transformations
   url: https://ik.imagekit.io/standin/default-image.jpg?tr=h-300%2Cw-400%3Art-90

4. URL: sharpen and contrast
   url: https://ik.imagekit.io/standin/default-image.jpg?tr=f-jpg%2Cpr-true%2Ce-sharpen%2Ce-contrast-1

5. URL: a text overlay (UTF-8)
   url: https://ik.imagekit.io/standin/tr:w-400,l-text,ie-4KS54KS%2F4KSo4KWN4KSm4KWA,fs-30,co-FF0000,l-end/default-image.jpg

6. Signed URL, valid for 300 s
   url: https://ik.imagekit.io/standin/tr:w-400/default-image.jpg?v=123&ik-t=<expire>&ik-s=<signature>
   ✔ ik-s is HMAC-SHA1 of the URL and ik-t
   ✔ the private key is not in the URL

7. Responsive image attributes (an image shown 400 px wide)
   attributes: src https://ik.imagekit.io/standin/tr:w-828,c-at_max/default-image.jpg
   srcSet https://ik.imagekit.io/standin/tr:w-640,c-at_max/default-image.jpg 1x, https://ik.imagekit.io/standin/tr:w-828,c-at_max/default-image.jpg 2x

8. Authentication parameters for a client-side upload
   classic test vector: e71bcd6031016b060d349d212e23e85c791decdd
   fresh (token, expire in 30 min, signature): token 36 chars, signature 40 hex digits

9. Upload bytes (server-side, with tags)
   uploaded: /imagekit-fp-sample/red.png (73 B, 4×3, tags sample)

10. Upload a file streamed from disk (fileFromPath + nodeFetch, with progress)
   uploaded: /imagekit-fp-sample/blue.png (72 B, 2×2)
   last progress: 642 of 642 bytes of the request body (the 72-byte file and the form's other fields)

11. Upload from a URL
   The stand-in does not fetch the URL (it stays offline): it stores an empty file under the name.
   uploaded: /imagekit-fp-sample/from-url.jpg

12. Client-side upload with the authentication parameters (no private key sent)
   uploaded: /imagekit-fp-sample/client_BHps4z9j7.png (73 B, 4×3)

13. Upload API v2 with a token from getUploadToken
   token: a JWT of 3 parts
   uploaded: /imagekit-fp-sample/v2.png (72 B, 2×2, tags v2)

14. List and search (/imagekit-fp-sample)
   listed: blue.png, client_BHps4z9j7.png, from-url.jpg, red.png, v2.png
   search: name : "b" OR tags IN ["v2"]: blue.png, v2.png

15. File details
   details: red.png, image/png, 4×3, https://ik.imagekit.io/standin/imagekit-fp-sample/red.png

16. Metadata
   red.png: png 4×3, pHash 099d6c9b9262f6eb
   blue.png: png 2×2, pHash 7c3c919026a6f27a
   (the stand-in's pHash is made up: the first 16 hex digits of the file's SHA-256, not a perceptual hash)

17. pHash distance between the two files
   (of the stand-in's made-up hashes: 0 for the same bytes, not a measure of likeness)
   red.png ↔ blue.png: 29
   red.png ↔ red.png: 0

18. Update tags
   addTags: 2 files
   removeTags: 1 file
   updateFileDetails: tags now blue

19. Versions: overwrite red.png, list its versions, restore the first
   overwritten: /imagekit-fp-sample/red.png (72 B, 2×2)
   versions: 2
   restored: /imagekit-fp-sample/red.png (73 B, 4×3, tags sample,summer)

20. Folders, and a bulk job until done (waitForBulkJob)
   createFolder: /imagekit-fp-sample/album
   copyFile: /imagekit-fp-sample/album/red.png
   copyFolder: job 00000000000000000000000e
   waitForBulkJob: COPY_FOLDER Completed

21. Purge the CDN cache of red.png, and its status until done (waitForPurge)
   purgeCache: https://ik.imagekit.io/standin/imagekit-fp-sample/red.png
   waitForPurge: Completed

22. Bulk: a folder uploaded with progress (uploadDirectory), then tagged and purged over a search
   uploadDirectory: 3 uploaded, 0 failed
   last progress: 3 files, 217 of 217 bytes, 0 failed
   addTagsToMatching: 3 matched, 3 tagged, 0 failed
   purgeMatching: 3 URLs purged, 0 failed

23. Custom metadata fields
   created: imagekitFpSample (Number, 0–1000)
   set on blue.png: {"imagekitFpSample":42}
   out of range: HttpError 400: Invalid custom metadata: imagekitFpSample must be a number within the allowed range. (help: For support kindly contact us at support@imagekit.io .) [request 00000000-0000-4000-8000-000000000024]

24. Webhook verification (both header formats) and matchWebhookEvent
   Standard Webhooks headers: updated /imagekit-fp-sample/red.png: purge its cache
   x-ik-signature (legacy): updated /imagekit-fp-sample/red.png: purge its cache
   a tampered body: WebhookError (InvalidSignature): no signature in the request matches the body and the secret

25. A bad input: a Left naming the field, nothing sent
   buildUrl without path or src: ValidationError at options.path: either path or src is required
   upload without fileName: ValidationError at request.fileName: is required
   a wrong private key: HttpError 401: Your account cannot be authenticated. (help: For support kindly contact us at support@imagekit.io .) [request 00000000-0000-4000-8000-000000000025]

26. An injected fault: ImageKit answers 503 (retries off)
   getFileDetails: HttpError 503: Injected fault: status 503. (help: For support kindly contact us at support@imagekit.io .) [request 00000000-0000-4000-8000-000000000026]

27. Delete what the sample created
   deleteFile: red.png
   bulkDeleteFiles: 4 files
   deleteFolder: /imagekit-fp-sample and everything in it
   deleteCustomMetadataField: imagekitFpSample

All sample steps behaved as expected.`
