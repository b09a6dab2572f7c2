// @imagekit-fp/upload, BUILT (packages/upload/dist), bundled for the browser and run in Debian's Chromium,
// Firefox ESR and WebKitGTK against the offline ImageKit (@imagekit-fp/testing's stand-in) on loopback (another
// origin than the page: CORS applies), behind a recording proxy that shows what reached the wire. The three engines agree on
// everything but the message of the AbortError they reject with.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { UploadCase, UploadOutcome } from './support/entry'
import { chromium } from './support/chromium'
import { firefox } from './support/firefox'
import { type Engine, type Harness, startHarness } from './support/harness'
import {
  type FakeImagekit,
  type RecordingProxy,
  type Seen,
  startFake,
  startRecordingProxy,
} from './support/servers'
import { webkit } from './support/webkit'
import { type CountingServer, startCountingServer } from '../support/countingServer'

const HELP = 'For support kindly contact us at support@imagekit.io .'
const PATH = '/api/v1/files/upload'
/** The body of the abort and timeout uploads: far more than loopback socket buffers hold. */
const LARGE = 24 * 1024 * 1024
/** The per-attempt timeout of the timeout upload: each attempt lasts this long, as the server holds its body. */
const TIMEOUT_MS = 3000

/** The message of the `AbortError` each engine's fetch rejects with when the signal is aborted (no reason). */
const ABORT_MESSAGE: Readonly<Record<Engine['name'], string>> = {
  Chromium: 'signal is aborted without reason',
  Firefox: 'The operation was aborted. ',
  WebKit: 'The operation was aborted.',
}

for (const engine of [chromium, firefox, webkit]) {
  const status = engine.status()
  const abortError = { name: 'AbortError', message: ABORT_MESSAGE[engine.name] }
  describe.skipIf(status.path === undefined)(
    `built upload in ${engine.name} (${status.reason ?? status.path ?? ''})`,
    () => {
      let h: Harness | undefined
      let fake: FakeImagekit | undefined
      let proxy: RecordingProxy | undefined
      let held: RecordingProxy | undefined
      let counting: CountingServer | undefined
      beforeAll(async () => {
        ;[h, fake, counting] = await Promise.all([startHarness(engine), startFake(), startCountingServer()])
        proxy = await startRecordingProxy(fake.url)
        held = await startRecordingProxy(fake.url, { hold: true })
      })
      afterAll(async () => {
        await Promise.all([h?.close(), proxy?.close(), held?.close(), counting?.close()])
        await fake?.close()
      })

      const ready = () => {
        if (
          h === undefined ||
          fake === undefined ||
          proxy === undefined ||
          held === undefined ||
          counting === undefined
        )
          throw new Error('the harness did not start')
        return { h, fake, proxy, held, counting }
      }
      // Requests each test made (the proxies' logs are shared by the whole file).
      let mark = { proxy: 0, held: 0, uploads: 0 }
      beforeEach(() => {
        const { proxy, held, fake } = ready()
        mark = { proxy: proxy.seen.length, held: held.seen.length, uploads: fake.uploads.length }
      })
      const wire = (p: RecordingProxy, from: number) =>
        p.seen.slice(from).map((s: Seen) => `${s.method} HTTP/${s.httpVersion} ${s.path}`)

      const inPage = (c: UploadCase): Promise<UploadOutcome> =>
        ready().h.inPage((ik, x) => ik.runUpload(x), c)
      /** Client-side auth made in Node (built utils) with the stand-in's private key. */
      const clientAuth = () => {
        const { h, fake } = ready()
        const auth = h.node.call({
          fn: 'getAuthenticationParameters',
          args: [{ privateKey: fake.privateKey }],
        })
        const { token, expire, signature } = (
          auth as { right: { token: string; expire: number; signature: string } }
        ).right
        return { publicKey: fake.publicKey, token, expire, signature }
      }
      /** The stand-in's upload result; `image` when the file part's type (or else its name) is an image's. */
      const stored = (
        name: string,
        size: number,
        folder = '/',
        extra: Record<string, unknown> = {},
        image = false,
      ) => {
        const { fake } = ready()
        return {
          _tag: 'UploadResult',
          fileId: expect.stringMatching(/^[0-9a-f]{24}$/),
          name,
          size,
          versionInfo: { id: expect.stringMatching(/^[0-9a-f]{24}$/), name: 'Version 1' },
          filePath: `${folder}${name}`,
          url: `${fake.urlEndpoint}${folder}${name}`,
          fileType: image ? 'image' : 'non-image',
          ...(image ? { thumbnailUrl: `${fake.urlEndpoint}/tr:n-ik_ml_thumbnail${folder}${name}` } : {}),
          tags: null,
          AITags: null,
          isPrivateFile: false,
          isPublished: true,
          customCoordinates: null,
          ...extra,
        }
      }

      it('uploads a File client-side (token, expire, signature made in Node): Right with its size and name, no preflight', async () => {
        const { proxy, fake } = ready()
        const auth = clientAuth()
        const outcome = await inPage({
          config: { uploadBaseUrl: proxy.url },
          file: { kind: 'file', size: 70_000, name: 'local name.jpg', type: 'image/jpeg' },
          request: {
            fileName: 'photo.jpg',
            useUniqueFileName: false,
            folder: 'browser',
            tags: ['a', 'b'],
            ...auth,
          },
        })
        expect(outcome).toStrictEqual({
          result: {
            _tag: 'Right',
            right: stored('photo.jpg', 70_000, '/browser/', { tags: ['a', 'b'] }, true),
          },
          progress: [],
        })
        expect(fake.uploads.slice(mark.uploads).map((u) => [u.fields, u.file])).toStrictEqual([
          [
            {
              fileName: 'photo.jpg',
              useUniqueFileName: 'false',
              tags: 'a,b',
              folder: 'browser',
              publicKey: auth.publicKey,
              token: auth.token,
              expire: String(auth.expire),
              signature: auth.signature,
            },
            { size: 70_000, filename: 'photo.jpg', type: 'image/jpeg' },
          ],
        ])
        // multipart/form-data and a Blob body, no Authorization: a simple CORS request, sent without preflight.
        expect(wire(proxy, mark.proxy)).toStrictEqual([`POST HTTP/1.1 ${PATH}`])
      })

      it('uploads a Uint8Array client-side, with the same result as the same upload from Node', async () => {
        const { h, proxy, fake } = ready()
        const c = (auth: object): UploadCase => ({
          config: { uploadBaseUrl: proxy.url },
          file: { kind: 'bytes', size: 1000 },
          request: { fileName: 'bytes.bin', useUniqueFileName: false, ...auth },
        })
        // The stand-in keeps state (the same upload again would be a second version): each starts afresh.
        fake.reset()
        const page = await inPage(c(clientAuth()))
        fake.reset()
        const node = await h.node.runUpload(c(clientAuth()))
        const expected = { result: { _tag: 'Right', right: stored('bytes.bin', 1000) }, progress: [] }
        expect(page).toStrictEqual(expected)
        expect(node).toStrictEqual(expected)
      })

      it('uploads a base64 string client-side: the stand-in counts its decoded size', async () => {
        const { proxy, fake } = ready()
        const outcome = await inPage({
          config: { uploadBaseUrl: proxy.url },
          file: { kind: 'text', value: btoa('hello browser') },
          request: { fileName: 'hello.txt', useUniqueFileName: false, ...clientAuth() },
        })
        expect(outcome).toStrictEqual({
          result: { _tag: 'Right', right: stored('hello.txt', 13) },
          progress: [],
        })
        expect(fake.uploads.slice(mark.uploads).map((u) => u.file)).toStrictEqual([
          { size: 13, filename: undefined, type: undefined },
        ])
      })

      it('uploads a Blob server-side with the private key over loopback http (Basic auth, CORS preflight)', async () => {
        const { proxy, fake } = ready()
        const outcome = await inPage({
          config: { uploadBaseUrl: proxy.url, privateKey: fake.privateKey },
          file: { kind: 'blob', size: 4096 },
          request: { fileName: 'server.png', useUniqueFileName: false },
        })
        expect(outcome).toStrictEqual({
          result: { _tag: 'Right', right: stored('server.png', 4096) },
          progress: [],
        })
        expect(fake.uploads.slice(mark.uploads).map((u) => u.file)).toStrictEqual([
          { size: 4096, filename: 'server.png', type: 'application/octet-stream' },
        ])
        expect(wire(proxy, mark.proxy)).toStrictEqual([`OPTIONS HTTP/1.1 ${PATH}`, `POST HTTP/1.1 ${PATH}`])
      })

      it("is an HttpError 400 with ImageKit's message for a bad signature", async () => {
        const { proxy, fake } = ready()
        const message = 'Your request contains invalid signature. Please make sure it is generated correctly.'
        const outcome = await inPage({
          config: { uploadBaseUrl: proxy.url },
          file: { kind: 'blob', size: 10 },
          request: { fileName: 'bad.txt', ...clientAuth(), signature: 'f'.repeat(40) },
        })
        expect(outcome).toStrictEqual({
          result: {
            _tag: 'Left',
            left: {
              _tag: 'HttpError',
              status: 400,
              message,
              help: HELP,
              body: { message, help: HELP },
              url: `${proxy.url}${PATH}`,
              requestId: expect.stringMatching(
                /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
              ),
            },
          },
          progress: [],
        })
        expect(fake.uploads.length).toBe(mark.uploads)
      })

      it(`is a NetworkError Aborted (${JSON.stringify(abortError.message)}), with no request sent, when the signal is aborted before the upload`, async () => {
        const { proxy, fake } = ready()
        const outcome = await inPage({
          config: { uploadBaseUrl: proxy.url, privateKey: fake.privateKey },
          file: { kind: 'blob', size: 10 },
          request: { fileName: 'never.txt' },
          abort: 'before',
        })
        expect(outcome).toStrictEqual({
          result: {
            _tag: 'Left',
            left: {
              _tag: 'NetworkError',
              reason: 'Aborted',
              message: `POST ${proxy.url}${PATH} was aborted`,
              cause: abortError,
            },
          },
          progress: [],
        })
        expect(wire(proxy, mark.proxy)).toStrictEqual([])
      })

      it(`is a NetworkError Aborted (${JSON.stringify(abortError.message)}) when aborted while waiting for the reply (AbortController in the page)`, async () => {
        const { h, held, fake } = ready()
        const running = inPage({
          config: { uploadBaseUrl: held.url, privateKey: fake.privateKey },
          file: { kind: 'blob', size: 2048 },
          request: { fileName: 'held.txt' },
          abort: { id: 'held' },
        })
        await held.waitFor((s) => s.method === 'POST' && s.complete)
        expect(await h.inPage((ik, id) => ik.abort(id), 'held')).toBe(true)
        expect(await running).toStrictEqual({
          result: {
            _tag: 'Left',
            left: {
              _tag: 'NetworkError',
              reason: 'Aborted',
              message: `POST ${held.url}${PATH} was aborted`,
              cause: abortError,
            },
          },
          progress: [],
        })
        expect(wire(held, mark.held)).toStrictEqual([`OPTIONS HTTP/1.1 ${PATH}`, `POST HTTP/1.1 ${PATH}`])
      })

      // Issue 7: an abort or a timeout must stop the bytes on the wire. The counting server holds each POST after
      // its first body bytes, and reads on only when the test has its outcome: a body the browser kept sending
      // would then be received whole. Nothing waits for a fixed time, so a loaded machine is only slower.
      it(`stops a ${LARGE / 1024 / 1024} MiB Blob upload on the wire when aborted while its body is under way: NetworkError Aborted, no body received whole`, async () => {
        const { h, fake, counting } = ready()
        const base = `${counting.url}/abort`
        const running = inPage({
          config: { uploadBaseUrl: base, privateKey: fake.privateKey },
          file: { kind: 'zeros', size: LARGE },
          request: { fileName: 'large.bin' },
          abort: { id: 'large' },
        })
        await counting.waitForBody('abort')
        expect(await h.inPage((ik, id) => ik.abort(id), 'large')).toBe(true)
        const outcome = await running
        expect({ outcome, ...(await counting.settled('abort')) }).toStrictEqual({
          outcome: {
            result: {
              _tag: 'Left',
              left: {
                _tag: 'NetworkError',
                reason: 'Aborted',
                message: `POST ${base}${PATH} was aborted`,
                cause: abortError,
              },
            },
            progress: [],
          },
          started: 1,
          completed: 0,
        })
      }, 120_000)

      // Each attempt times out whether or not its POST reached the server first: under load a browser may not
      // even have sent its preflight by then. What holds either way: a Timeout Left, at most one retry (so at most
      // two POSTs), and no body received whole. The timeout is generous so that the POSTs do go out in practice.
      it(`stops a ${LARGE / 1024 / 1024} MiB Blob upload on the wire at each timeout (${TIMEOUT_MS} ms, retryUploads, one retry): NetworkError Timeout, at most two POSTs, no body received whole`, async () => {
        const { fake, counting } = ready()
        const base = `${counting.url}/timeout`
        const outcome = await inPage({
          config: {
            uploadBaseUrl: base,
            privateKey: fake.privateKey,
            timeout: TIMEOUT_MS,
            retry: { limit: 1, maxDelay: 0 },
            retryUploads: true,
          },
          file: { kind: 'zeros', size: LARGE },
          request: { fileName: 'large.bin' },
        })
        // 10 s for the browser's abort to reach its network process before the server reads on (see `settled`):
        // a held socket's close is seen only once it is read, so this is a bounded wait, not a check of speed.
        const { started, completed } = await counting.settled('timeout', 60_000, 10_000)
        expect({ outcome, completed }).toStrictEqual({
          outcome: {
            result: {
              _tag: 'Left',
              left: {
                _tag: 'NetworkError',
                reason: 'Timeout',
                message: `POST ${base}${PATH} timed out after ${TIMEOUT_MS} ms`,
                cause: { name: 'TimeoutError', message: `Request timed out: POST ${base}${PATH}` },
              },
            },
            progress: [],
          },
          completed: 0,
        })
        expect(started).toBeLessThanOrEqual(2)
      }, 120_000)

      it('is the same ValidationError as in Node, with no request made, when fileName is missing', async () => {
        const { h, proxy, fake } = ready()
        const c: UploadCase = {
          config: { uploadBaseUrl: proxy.url, privateKey: fake.privateKey },
          file: { kind: 'blob', size: 10 },
          request: { tags: ['x'] },
        }
        const page = await inPage(c)
        expect(page).toStrictEqual({
          result: {
            _tag: 'Left',
            left: { _tag: 'ValidationError', path: 'request.fileName', message: 'is required' },
          },
          progress: [],
        })
        expect(await h.node.runUpload(c)).toStrictEqual(page)
        expect(wire(proxy, mark.proxy)).toStrictEqual([])
        expect(fake.uploads.length).toBe(mark.uploads)
      })
    },
  )
}
