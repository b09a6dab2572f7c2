// onProgress in Chromium, observed for real (see packages/upload/README.md "Progress, per platform"): with
// onProgress the upload streams its body (ReadableStream + duplex 'half'), and Chromium sends a streamed
// request body only over HTTP/2. Over HTTP/1.1 that fetch fails before a byte is read, so the transport sends
// the same body again, not streamed, and reports progress once, at the end. Over HTTP/2 (TLS, self-signed
// certificate made by openssl at test time) progress is reported as the body goes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UploadCase, UploadOutcome } from './support/entry'
import { chromium as engine } from './support/chromium'
import { type Harness, startHarness } from './support/harness'
import { type FakeImagekit, type RecordingProxy, startFake, startRecordingProxy } from './support/servers'
import { makeCertificate } from '../support/certificate'

const chromium = engine.status()
const PATH = '/api/v1/files/upload'

describe.skipIf(chromium.path === undefined)(
  `onProgress in Chromium (${chromium.reason ?? chromium.path ?? ''})`,
  () => {
    let h: Harness | undefined
    let fake: FakeImagekit | undefined
    let h1: RecordingProxy | undefined
    beforeAll(async () => {
      ;[h, fake] = await Promise.all([startHarness(engine, { acceptInsecureCerts: true }), startFake()])
      h1 = await startRecordingProxy(fake.url)
    })
    afterAll(async () => {
      await Promise.all([h?.close(), h1?.close()])
      await fake?.close()
    })
    const ready = () => {
      if (h === undefined || fake === undefined || h1 === undefined)
        throw new Error('the harness did not start')
      return { h, fake, h1 }
    }
    const inPage = (c: UploadCase): Promise<UploadOutcome> => ready().h.inPage((ik, x) => ik.runUpload(x), c)
    const auth = () => {
      const { h, fake } = ready()
      const r = h.node.call({ fn: 'getAuthenticationParameters', args: [{ privateKey: fake.privateKey }] })
      return { publicKey: fake.publicKey, ...(r as { right: object }).right }
    }

    describe('over HTTP/1.1 (loopback http)', () => {
      it('uploads anyway when onProgress is given: Chromium refuses the stream, the body goes again unstreamed, one progress call at the end', async () => {
        const { h, h1 } = ready()
        const from = { seen: h1.seen.length, log: h.pageLog.length }
        const outcome = await inPage({
          config: { uploadBaseUrl: h1.url },
          file: { kind: 'blob', size: 100_000 },
          request: { fileName: 'h1.bin', useUniqueFileName: false, ...auth() },
          progress: true,
        })
        expect(outcome.result).toMatchObject({ _tag: 'Right', right: { name: 'h1.bin', size: 100_000 } })
        const seen = h1.seen.slice(from.seen)
        // The stream makes the first attempt non-simple: its CORS preflight goes out, then Chromium refuses to
        // send a streamed body over HTTP/1.1 (net::ERR_ALPN_NEGOTIATION_FAILED) and the plain, simple POST follows.
        expect(seen.map((x) => `${x.method} HTTP/${x.httpVersion}`)).toStrictEqual([
          'OPTIONS HTTP/1.1',
          'POST HTTP/1.1',
        ])
        const body = seen[1]?.bytes ?? 0
        expect(body).toBeGreaterThan(100_000)
        expect(outcome.progress).toStrictEqual([{ loaded: body, total: body }])
        expect(h.pageLog.slice(from.log).sort()).toStrictEqual([
          'console.error: Failed to load resource: net::ERR_ALPN_NEGOTIATION_FAILED',
          `requestfailed: POST ${h1.url}${PATH} net::ERR_ALPN_NEGOTIATION_FAILED`,
        ])
      })

      it('does the same for a tiny Uint8Array and for a server-side upload with the private key', async () => {
        const { h1, fake } = ready()
        const tiny = await inPage({
          config: { uploadBaseUrl: h1.url },
          file: { kind: 'bytes', size: 3 },
          request: { fileName: 'tiny.bin', useUniqueFileName: false, ...auth() },
          progress: true,
        })
        expect(tiny.result).toMatchObject({ _tag: 'Right', right: { name: 'tiny.bin', size: 3 } })
        expect(tiny.progress).toHaveLength(1)
        expect(tiny.progress[0]?.loaded).toBe(tiny.progress[0]?.total)
        const server = await inPage({
          config: { uploadBaseUrl: h1.url, privateKey: fake.privateKey },
          file: { kind: 'blob', size: 10 },
          request: { fileName: 'server.bin', useUniqueFileName: false },
          progress: true,
        })
        expect(server.result).toMatchObject({ _tag: 'Right', right: { name: 'server.bin', size: 10 } })
        expect(server.progress).toHaveLength(1)
        expect(server.progress[0]?.loaded).toBe(server.progress[0]?.total)
      })

      it('cannot upload a ReadableStream file over HTTP/1.1, with or without onProgress (always a stream; no buffered resend after a TypeError, which any network failure gives)', async () => {
        const { h1 } = ready()
        for (const progress of [true, false]) {
          const from = h1.seen.length
          const outcome = await inPage({
            config: { uploadBaseUrl: h1.url },
            file: { kind: 'stream', size: 1000 },
            request: { fileName: 'stream.bin', useUniqueFileName: false, ...auth() },
            progress,
          })
          expect(outcome).toStrictEqual({
            result: {
              _tag: 'Left',
              left: {
                _tag: 'NetworkError',
                reason: 'Transport',
                message: `POST ${h1.url}${PATH} failed: Failed to fetch`,
                cause: { name: 'TypeError', message: 'Failed to fetch' },
              },
            },
            progress: [],
          })
          // No POST reached the server (a preflight may, unless Chromium has it cached from an earlier test).
          expect(h1.seen.slice(from).filter((x) => x.method === 'POST')).toStrictEqual([])
        }
      })

      it('succeeds with the very same upload when onProgress is left out', async () => {
        const { h1 } = ready()
        const outcome = await inPage({
          config: { uploadBaseUrl: h1.url },
          file: { kind: 'blob', size: 100_000 },
          request: { fileName: 'h1.bin', useUniqueFileName: false, ...auth() },
        })
        expect(outcome).toMatchObject({ result: { _tag: 'Right', right: { name: 'h1.bin', size: 100_000 } } })
        expect(outcome.progress).toStrictEqual([])
      })
    })

    const cert = makeCertificate()
    const tls = () => {
      if (cert.reason !== undefined) throw new Error(cert.reason)
      return { key: cert.key, cert: cert.cert }
    }
    describe.skipIf(cert.reason !== undefined)(
      `over https, self-signed: HTTP/2, and HTTP/1.1 only (${cert.reason ?? 'openssl found'})`,
      () => {
        let h2: RecordingProxy | undefined
        beforeAll(async () => {
          h2 = await startRecordingProxy(ready().fake.url, { tls: tls() })
        })
        afterAll(async () => {
          await h2?.close()
        })
        const proxy = () => {
          if (h2 === undefined) throw new Error('the HTTP/2 proxy did not start')
          return h2
        }

        it('reports increasing progress up to loaded === total and uploads a 5 MB Blob (streamed, no content-length)', async () => {
          const h2 = proxy()
          const from = h2.seen.length
          const size = 5_000_000
          const outcome = await inPage({
            config: { uploadBaseUrl: h2.url },
            file: { kind: 'blob', size },
            request: { fileName: 'big.bin', useUniqueFileName: false, ...auth() },
            progress: true,
          })
          expect(outcome.result).toMatchObject({ _tag: 'Right', right: { name: 'big.bin', size } })
          const seen = h2.seen.slice(from)
          // A stream body is never a simple request: preflight first, even without an Authorization header.
          expect(seen.map((s) => [s.method, s.httpVersion, s.contentLength])).toStrictEqual([
            ['OPTIONS', '2.0', undefined],
            ['POST', '2.0', undefined],
          ])
          const body = seen[1]?.bytes ?? 0
          const { progress } = outcome
          expect(progress.length).toBeGreaterThan(1)
          expect(progress.every((p) => p.total === body)).toBe(true)
          expect(progress.every((p, i) => i === 0 || p.loaded > (progress[i - 1]?.loaded ?? 0))).toBe(true)
          expect(progress.at(-1)).toStrictEqual({ loaded: body, total: body })
          expect(body).toBeGreaterThan(size)
        })

        it('uploads a ReadableStream file over HTTP/2, progress without a total up to the bytes sent', async () => {
          const h2 = proxy()
          const from = h2.seen.length
          const outcome = await inPage({
            config: { uploadBaseUrl: h2.url },
            file: { kind: 'stream', size: 200_000 },
            request: { fileName: 'stream.bin', useUniqueFileName: false, ...auth() },
            progress: true,
          })
          expect(outcome.result).toMatchObject({
            _tag: 'Right',
            right: { name: 'stream.bin', size: 200_000 },
          })
          const post = h2.seen.slice(from).find((x) => x.method === 'POST')
          expect([post?.httpVersion, post?.contentLength]).toStrictEqual(['2.0', undefined])
          expect(outcome.progress.length).toBeGreaterThan(0)
          expect(outcome.progress.every((p) => p.total === undefined)).toBe(true)
          expect(outcome.progress.at(-1)).toStrictEqual({ loaded: post?.bytes })
        })

        it('reports one call with loaded === total for a small Uint8Array', async () => {
          const h2 = proxy()
          const from = h2.seen.length
          const outcome = await inPage({
            config: { uploadBaseUrl: h2.url },
            file: { kind: 'bytes', size: 1000 },
            request: { fileName: 'small.bin', useUniqueFileName: false, ...auth() },
            progress: true,
          })
          const body = h2.seen.slice(from).find((s) => s.method === 'POST')?.bytes
          expect(outcome).toMatchObject({
            result: { _tag: 'Right', right: { name: 'small.bin', size: 1000 } },
          })
          expect(outcome.progress).toStrictEqual([{ loaded: body, total: body }])
        })

        it('uploads over https when the server speaks only HTTP/1.1 (TLS without h2), progress once at the end', async () => {
          const { fake } = ready()
          const https1 = await startRecordingProxy(fake.url, { tls: tls(), http1: true })
          try {
            const outcome = await inPage({
              config: { uploadBaseUrl: https1.url },
              file: { kind: 'blob', size: 1000 },
              request: { fileName: 'tls1.bin', useUniqueFileName: false, ...auth() },
              progress: true,
            })
            expect(outcome.result).toMatchObject({ _tag: 'Right', right: { name: 'tls1.bin', size: 1000 } })
            // The preflight of the streamed attempt (its POST never goes out), then the plain, simple POST.
            expect(https1.seen.map((x) => `${x.method} HTTP/${x.httpVersion}`)).toStrictEqual([
              'OPTIONS HTTP/1.1',
              'POST HTTP/1.1',
            ])
            const body = https1.seen[1]?.bytes ?? 0
            expect(outcome.progress).toStrictEqual([{ loaded: body, total: body }])
          } finally {
            await https1.close()
          }
        })

        it('sends a content-length and never calls back without onProgress', async () => {
          const h2 = proxy()
          const from = h2.seen.length
          const outcome = await inPage({
            config: { uploadBaseUrl: h2.url },
            file: { kind: 'blob', size: 1000 },
            request: { fileName: 'plain.bin', useUniqueFileName: false, ...auth() },
          })
          expect(outcome).toMatchObject({
            result: { _tag: 'Right', right: { name: 'plain.bin', size: 1000 } },
          })
          const post = h2.seen.slice(from).find((s) => s.method === 'POST')
          expect(post?.bytes).toBeGreaterThan(1000)
          expect([post?.httpVersion, post?.contentLength]).toStrictEqual(['2.0', String(post?.bytes)])
          expect(outcome.progress).toStrictEqual([])
        })
      },
    )
  },
)
