import { describe, expect, it } from 'vitest'
import { captureFetch, RESULT } from './test-support/capture'
import { KEY, bytes, send, server } from './test-support/uploadCases'

describe('upload', () => {
  describe('progress and abort', () => {
    it('reports progress up to the whole body', async () => {
      const { fetch, calls } = captureFetch()
      const seen: { loaded: number; total?: number }[] = []
      await send(server(fetch), {
        file: new Uint8Array(100_000),
        fileName: 'a',
        onUploadProgress: (p) => seen.push(p),
      })
      const last = seen.at(-1)
      expect(last).toStrictEqual({ loaded: calls[0]!.body.length, total: calls[0]!.body.length })
    })

    it('ignores a progress callback that throws', async () => {
      const { fetch } = captureFetch()
      const result = await send(server(fetch), {
        file: bytes('a'),
        fileName: 'a',
        onUploadProgress: () => {
          throw new Error('ui gone')
        },
      })
      expect(result._tag).toBe('Right')
    })

    it('is a NetworkError Aborted when the signal is already aborted', async () => {
      const { fetch, calls } = captureFetch()
      const controller = new AbortController()
      controller.abort()
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a', signal: controller.signal })
      expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
        'Aborted',
      )
      expect(calls).toHaveLength(0)
    })
  })

  describe('replies', () => {
    it('is a DecodeError when a 2xx body is not an upload result', async () => {
      const { fetch } = captureFetch(() => new Response(JSON.stringify({ queued: true }), { status: 202 }))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left._tag).toBe('DecodeError')
    })

    it('is an UploadAccepted (no fileId) when ImageKit queued a video pre-transformation (202)', async () => {
      const body = { message: 'Your request has been accepted. It will be processed shortly.' }
      const { fetch } = captureFetch(() => new Response(JSON.stringify(body), { status: 202 }))
      const result = await send(server(fetch), {
        file: bytes('a'),
        fileName: 'a.mp4',
        transformation: { pre: 'w-300' },
      })
      expect(result).toStrictEqual({ _tag: 'Right', right: { ...body, _tag: 'UploadAccepted' } })
      const accepted =
        result._tag === 'Right' && !('fileId' in result.right) ? result.right.message : undefined
      expect(accepted).toBe(body.message)
      const tagged =
        result._tag === 'Right' && result.right._tag === 'UploadAccepted' ? result.right.message : undefined
      expect(tagged).toBe(body.message)
    })

    it('is a DecodeError when a body has a message and a fileId but is no upload result', async () => {
      const { fetch } = captureFetch(() => Response.json({ message: 'queued', fileId: 7 }, { status: 202 }))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left._tag === 'DecodeError' && result.left.message).toBe(
        'the response to POST https://upload.imagekit.io/api/v1/files/upload does not match UploadResult: ' +
          'fileId: expected string, got 7; name: expected string, got undefined; ' +
          'filePath: expected string, got undefined; url: expected string, got undefined',
      )
    })

    it("sets its own _tag over one ImageKit's body has (200 and 202)", async () => {
      const stored = captureFetch(() => Response.json({ ...RESULT, _tag: 'UploadAccepted' }))
      expect(await send(server(stored.fetch), { file: bytes('a'), fileName: 'a' })).toStrictEqual({
        _tag: 'Right',
        right: { ...RESULT, _tag: 'UploadResult' },
      })
      const queued = captureFetch(() =>
        Response.json({ message: 'later', _tag: 'UploadResult' }, { status: 202 }),
      )
      expect(await send(server(queued.fetch), { file: bytes('a'), fileName: 'a' })).toStrictEqual({
        _tag: 'Right',
        right: { message: 'later', _tag: 'UploadAccepted' },
      })
    })

    it('keeps an upload result that also carries a message as an UploadResult', async () => {
      const body = { ...RESULT, message: 'ok' }
      const { fetch } = captureFetch(() => Response.json(body))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result).toStrictEqual({ _tag: 'Right', right: { ...body, _tag: 'UploadResult' } })
      expect(result._tag === 'Right' && 'fileId' in result.right && result.right.url).toBe(RESULT.url)
    })

    it('is a DecodeError naming every failing field when a 2xx body has wrong types', async () => {
      const body = { ...RESULT, tags: ['a', 2], AITags: [{ confidence: 'high' }], versionInfo: { id: 7 } }
      const { fetch } = captureFetch(() => Response.json(body))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left._tag === 'DecodeError' && result.left.message).toBe(
        'the response to POST https://upload.imagekit.io/api/v1/files/upload does not match UploadResult: ' +
          'tags[1]: expected string, got 2; AITags[0].confidence: expected number, got "high"; ' +
          'versionInfo.id: expected string, got 7',
      )
    })

    it("is an HttpError carrying ImageKit's message and help", async () => {
      const { fetch } = captureFetch(
        () =>
          new Response(
            JSON.stringify({ message: 'Your account cannot be authenticated.', help: 'For support…' }),
            {
              status: 401,
              headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
            },
          ),
      )
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left).toMatchObject({
        _tag: 'HttpError',
        status: 401,
        message: 'Your account cannot be authenticated.',
        help: 'For support…',
        requestId: 'req-1',
      })
      expect(JSON.stringify(result)).not.toContain(KEY)
    })

    it('is a NetworkError Transport when fetch rejects', async () => {
      const failing = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch
      const result = await send(server(failing), { file: bytes('a'), fileName: 'a' })
      expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
        'Transport',
      )
    })

    it('never rejects, even when fetch throws synchronously', async () => {
      const throwing = (() => {
        throw new Error('sync')
      }) as unknown as typeof fetch
      const result = await send(server(throwing), { file: bytes('a'), fileName: 'a' })
      expect(result._tag).toBe('Left')
    })
  })
})
