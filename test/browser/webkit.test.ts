// onProgress and request streams in WebKitGTK (the engine Safari uses), observed (see
// packages/upload/README.md "Progress, per platform"). WebKit keeps a ReadableStream in a Request (no content
// type added), so the transport streams the body when onProgress is given, but WebKit's fetch rejects any
// streamed request body at once ("NotSupportedError: ReadableStream uploading is not supported"), before a
// byte or even a CORS preflight goes out, over HTTP/1.1 and HTTP/2 alike. Nothing was read from the stream, so
// the transport sends the same body again, not streamed, and reports progress once, at the end. A
// ReadableStream FILE, which always goes as a stream, is refused the same way, then read into a Blob (nothing
// of it was read yet) and sent once more, with or without onProgress.
// The pure functions and the plain uploads run in WebKit too: pure.test.ts and upload.test.ts.
import { describe, expect, it } from 'vitest'
import type { UploadCase } from './support/entry'
import type { RecordingProxy } from './support/servers'
import { useStand } from './support/stand'
import { webkit } from './support/webkit'

const status = webkit.status()
const REFUSED = { name: 'NotSupportedError', message: 'ReadableStream uploading is not supported' }
const refused = { method: 'POST', outcome: `${REFUSED.name}: ${REFUSED.message}` }

describe.skipIf(status.path === undefined)(
  `onProgress in WebKit: the streamed body is refused, the upload goes again unstreamed, one progress call at the end (${status.reason ?? status.path ?? ''})`,
  () => {
    const { certificateReason, stand, clientAuth, observe } = useStand(webkit)

    it('keeps a ReadableStream request body as a stream (no content type), so the transport tries to stream', async () => {
      const { h } = stand()
      expect(
        await h.inPage(() => {
          const init = { method: 'POST', body: new ReadableStream(), duplex: 'half' }
          const r = new Request('https://a.invalid', init as RequestInit)
          return [r.headers.get('content-type'), r.body instanceof ReadableStream]
        }, null),
      ).toStrictEqual([null, true])
    })

    /** The streamed attempt is refused, the resend is one plain POST, progress is reported once at the end. */
    const resent = async (proxy: RecordingProxy, version: string, size: number) => {
      const o = await observe(proxy, {
        config: { uploadBaseUrl: proxy.url },
        file: { kind: 'blob', size },
        request: { fileName: 'big.bin', useUniqueFileName: false, ...clientAuth() },
        progress: true,
      })
      expect(o.outcome).toMatchObject({ result: { _tag: 'Right', right: { name: 'big.bin', size } } })
      expect(o.fetches).toStrictEqual([refused, { method: 'POST', outcome: 'status 200' }])
      // No preflight: the refused attempt never reached the network; the resent Blob body is a simple request.
      expect(o.wire).toStrictEqual([['POST', version, String(o.postBytes)]])
      expect(o.postBytes).toBeGreaterThan(size)
      expect(o.outcome.progress).toStrictEqual([{ loaded: o.postBytes, total: o.postBytes }])
      expect(o.pageLog).toStrictEqual([])
    }

    /** A ReadableStream file: refused, then read into a Blob and sent in one plain POST. */
    const streamResent = async (proxy: RecordingProxy, version: string) => {
      for (const progress of [true, false]) {
        const c: UploadCase = {
          config: { uploadBaseUrl: proxy.url },
          file: { kind: 'stream', size: 100_000 },
          request: { fileName: 'stream.bin', useUniqueFileName: false, ...clientAuth() },
          progress,
        }
        const o = await observe(proxy, c)
        expect(o.outcome).toStrictEqual({
          result: expect.objectContaining({
            _tag: 'Right',
            right: expect.objectContaining({ name: 'stream.bin', size: 100_000 }),
          }),
          // A stream has no known total: one call at the end, with the bytes sent.
          progress: progress ? [{ loaded: o.postBytes }] : [],
        })
        expect([o.fetches, o.wire, o.stored]).toStrictEqual([
          [refused, { method: 'POST', outcome: 'status 200' }],
          [['POST', version, String(o.postBytes)]],
          1,
        ])
      }
    }

    describe('over HTTP/1.1 (loopback http)', () => {
      it('refuses the streamed 5 MB Blob before anything is sent, then uploads it unstreamed in one POST (no preflight): one progress call, loaded === total', async () => {
        await resent(stand().http1, '1.1', 5_000_000)
      })

      it('does the same for a tiny Uint8Array, and server-side (the preflight belongs to the resent POST)', async () => {
        const { http1, fake } = stand()
        const tiny = await observe(http1, {
          config: { uploadBaseUrl: http1.url },
          file: { kind: 'bytes', size: 3 },
          request: { fileName: 'tiny.bin', useUniqueFileName: false, ...clientAuth() },
          progress: true,
        })
        expect(tiny.outcome).toStrictEqual({
          result: expect.objectContaining({ _tag: 'Right', right: expect.objectContaining({ size: 3 }) }),
          progress: [{ loaded: tiny.postBytes, total: tiny.postBytes }],
        })
        expect([tiny.fetches, tiny.wire]).toStrictEqual([
          [refused, { method: 'POST', outcome: 'status 200' }],
          [['POST', '1.1', String(tiny.postBytes)]],
        ])
        const server = await observe(http1, {
          config: { uploadBaseUrl: http1.url, privateKey: fake.privateKey },
          file: { kind: 'blob', size: 10 },
          request: { fileName: 'server.bin', useUniqueFileName: false },
          progress: true,
        })
        expect(server.outcome).toStrictEqual({
          result: expect.objectContaining({ _tag: 'Right', right: expect.objectContaining({ size: 10 }) }),
          progress: [{ loaded: server.postBytes, total: server.postBytes }],
        })
        expect([server.fetches, server.wire]).toStrictEqual([
          [refused, { method: 'POST', outcome: 'status 200' }],
          [
            ['OPTIONS', '1.1', undefined],
            ['POST', '1.1', String(server.postBytes)],
          ],
        ])
      })

      it('makes a single fetch call and no progress call without onProgress', async () => {
        const { http1 } = stand()
        const o = await observe(http1, {
          config: { uploadBaseUrl: http1.url },
          file: { kind: 'blob', size: 1000 },
          request: { fileName: 'plain.bin', useUniqueFileName: false, ...clientAuth() },
        })
        expect(o.outcome).toMatchObject({ result: { _tag: 'Right', right: { size: 1000 } }, progress: [] })
        expect([o.fetches, o.wire]).toStrictEqual([
          [{ method: 'POST', outcome: 'status 200' }],
          [['POST', '1.1', String(o.postBytes)]],
        ])
      })

      it('uploads a ReadableStream file after the refusal: read into a Blob, one plain POST, with or without onProgress', async () => {
        await streamResent(stand().http1, '1.1')
      })
    })

    describe.skipIf(certificateReason !== undefined)(
      `over https with HTTP/2, self-signed certificate accepted (${certificateReason ?? 'openssl found'})`,
      () => {
        it('refuses the streamed body over HTTP/2 too, then uploads it unstreamed in one POST: one progress call, loaded === total', async () => {
          await resent(stand().http2!, '2.0', 1_000_000)
        })

        it('uploads a ReadableStream file over HTTP/2 the same way (refused, read into a Blob, one POST)', async () => {
          await streamResent(stand().http2!, '2.0')
        })
      },
    )
  },
)
