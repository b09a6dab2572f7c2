// onProgress and request streams in Firefox ESR, observed (see packages/upload/README.md "Progress, per
// platform"). Firefox keeps no ReadableStream in a Request: `new Request(…, { body: stream, duplex: 'half' })`
// turns the stream into the text "[object ReadableStream]" with a text/plain content type. The transport sees
// that (keepsStreamBodies) and never streams, so onProgress is never called and every upload goes as one
// plain POST. A ReadableStream FILE is read into a Blob first (sent as a stream it would go out as that text).
// The pure functions and the plain uploads run in Firefox too: pure.test.ts and upload.test.ts.
import { describe, expect, it } from 'vitest'
import { firefox } from './support/firefox'
import { useStand } from './support/stand'

const status = firefox.status()

describe.skipIf(status.path === undefined)(
  `onProgress in Firefox: never called, the body is never streamed (${status.reason ?? status.path ?? ''})`,
  () => {
    const { certificateReason, stand, clientAuth, observe } = useStand(firefox)

    it('turns a ReadableStream request body into the text "[object ReadableStream]" (text/plain), so the transport does not stream', async () => {
      const { h } = stand()
      expect(
        await h.inPage(async () => {
          const init = { method: 'POST', body: new ReadableStream(), duplex: 'half' }
          const r = new Request('https://a.invalid', init as RequestInit)
          return [r.headers.get('content-type'), await r.text()]
        }, null),
      ).toStrictEqual(['text/plain;charset=UTF-8', '[object ReadableStream]'])
    })

    describe('over HTTP/1.1 (loopback http)', () => {
      it('never calls onProgress and uploads a 5 MB Blob with one fetch call: one plain POST with content-length, no preflight', async () => {
        const { http1 } = stand()
        const size = 5_000_000
        const o = await observe(http1, {
          config: { uploadBaseUrl: http1.url },
          file: { kind: 'blob', size },
          request: { fileName: 'big.bin', useUniqueFileName: false, ...clientAuth() },
          progress: true,
        })
        expect(o.outcome).toMatchObject({ result: { _tag: 'Right', right: { name: 'big.bin', size } } })
        expect(o.outcome.progress).toStrictEqual([])
        expect(o.fetches).toStrictEqual([{ method: 'POST', outcome: 'status 200' }])
        expect(o.wire).toStrictEqual([['POST', '1.1', String(o.postBytes)]])
        expect(o.postBytes).toBeGreaterThan(size)
        expect(o.pageLog).toStrictEqual([])
      })

      it('never calls onProgress for a tiny Uint8Array, nor server-side (where Basic auth brings a preflight)', async () => {
        const { http1, fake } = stand()
        const tiny = await observe(http1, {
          config: { uploadBaseUrl: http1.url },
          file: { kind: 'bytes', size: 3 },
          request: { fileName: 'tiny.bin', useUniqueFileName: false, ...clientAuth() },
          progress: true,
        })
        expect(tiny.outcome).toMatchObject({
          result: { _tag: 'Right', right: { name: 'tiny.bin', size: 3 } },
          progress: [],
        })
        expect([tiny.fetches.length, tiny.wire]).toStrictEqual([1, [['POST', '1.1', String(tiny.postBytes)]]])
        const server = await observe(http1, {
          config: { uploadBaseUrl: http1.url, privateKey: fake.privateKey },
          file: { kind: 'blob', size: 10 },
          request: { fileName: 'server.bin', useUniqueFileName: false },
          progress: true,
        })
        expect(server.outcome).toMatchObject({
          result: { _tag: 'Right', right: { name: 'server.bin', size: 10 } },
          progress: [],
        })
        expect([server.fetches.length, server.wire]).toStrictEqual([
          1,
          [
            ['OPTIONS', '1.1', undefined],
            ['POST', '1.1', String(server.postBytes)],
          ],
        ])
      })

      it('reads a ReadableStream file into a Blob first and uploads it in one POST with content-length, with or without onProgress', async () => {
        const { http1 } = stand()
        for (const progress of [true, false]) {
          const o = await observe(http1, {
            config: { uploadBaseUrl: http1.url },
            file: { kind: 'stream', size: 100_000 },
            request: { fileName: 'stream.bin', useUniqueFileName: false, ...clientAuth() },
            progress,
          })
          expect(o.outcome).toMatchObject({
            result: { _tag: 'Right', right: { name: 'stream.bin', size: 100_000 } },
            progress: [],
          })
          expect(o.fetches).toStrictEqual([{ method: 'POST', outcome: 'status 200' }])
          expect(o.wire).toStrictEqual([['POST', '1.1', String(o.postBytes)]])
          expect(o.postBytes).toBeGreaterThan(100_000)
          expect(o.stored).toBe(1)
        }
      })
    })

    describe.skipIf(certificateReason !== undefined)(
      `over https with HTTP/2, self-signed certificate accepted (${certificateReason ?? 'openssl found'})`,
      () => {
        it('never calls onProgress over HTTP/2 either: one fetch call, one POST with content-length', async () => {
          const http2 = stand().http2!
          const size = 1_000_000
          const o = await observe(http2, {
            config: { uploadBaseUrl: http2.url },
            file: { kind: 'blob', size },
            request: { fileName: 'h2.bin', useUniqueFileName: false, ...clientAuth() },
            progress: true,
          })
          expect(o.outcome).toMatchObject({
            result: { _tag: 'Right', right: { name: 'h2.bin', size } },
            progress: [],
          })
          expect(o.fetches).toStrictEqual([{ method: 'POST', outcome: 'status 200' }])
          expect(o.wire).toStrictEqual([['POST', '2.0', String(o.postBytes)]])
          expect(o.pageLog).toStrictEqual([])
        })

        it('reads a ReadableStream file into a Blob over HTTP/2 too: one POST with content-length', async () => {
          const http2 = stand().http2!
          const o = await observe(http2, {
            config: { uploadBaseUrl: http2.url },
            file: { kind: 'stream', size: 1000 },
            request: { fileName: 'stream.bin', useUniqueFileName: false, ...clientAuth() },
            progress: true,
          })
          expect(o.outcome).toMatchObject({
            result: { _tag: 'Right', right: { name: 'stream.bin', size: 1000 } },
            progress: [],
          })
          expect([o.wire, o.stored]).toStrictEqual([[['POST', '2.0', String(o.postBytes)]], 1])
        })
      },
    )
  },
)
