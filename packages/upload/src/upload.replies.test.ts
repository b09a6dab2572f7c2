import { describe, expect, it } from 'vitest'
import { AcceptedReply } from './internal/sendUpload'
import { UploadResult } from './model/UploadResult'
import { captureFetch, RESULT } from './test-support/capture'
import { drifts, listen, uploadDecodeError, type Found } from './test-support/drift'
import { KEY, bytes, send, server } from './test-support/uploadCases'

const URL_V1 = 'https://upload.imagekit.io/api/v1/files/upload'
const OPERATION = 'POST /api/v1/files/upload'

/** Uploads one byte to a stub answering `body` with `status`, lax (hearing drift) or strict. */
const reply = async (status: number, body: unknown, strictResponses = false) => {
  const { fetch, calls } = captureFetch(() => Response.json(body, { status }))
  const { onDrift, heard } = listen()
  const result = await send(
    { ...server(fetch), onDrift, strictResponses },
    { file: bytes('a'), fileName: 'a' },
  )
  return { result, heard, calls }
}

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
    it('reads a 202 body without a message as an UploadAccepted and reports the missing message', async () => {
      const body = { queued: true }
      const { result, heard } = await reply(202, body)
      expect(result).toStrictEqual({ _tag: 'Right', right: { queued: true, _tag: 'UploadAccepted' } })
      expect(heard).toStrictEqual(
        drifts(OPERATION, [['message', 'missing', 'string', undefined, 'undefined']]),
      )
    })

    it('is a DecodeError for a 202 body without a message with strictResponses', async () => {
      const body = { queued: true }
      const { result, heard } = await reply(202, body, true)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: uploadDecodeError({
          codec: AcceptedReply,
          url: URL_V1,
          body,
          found: [['message', 'missing', 'string', undefined, 'undefined']],
          strict: true,
        }),
      })
      expect(heard).toStrictEqual([])
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

    it('reads a 202 body with a message and a number fileId as an UploadResult, the fileId as text', async () => {
      const { result, heard } = await reply(202, { message: 'queued', fileId: 7 })
      expect(result).toStrictEqual({
        _tag: 'Right',
        right: { message: 'queued', fileId: '7', _tag: 'UploadResult' },
      })
      expect(heard).toStrictEqual(drifts(OPERATION, [['fileId', 'coerced', 'string', 7, '7']]))
    })

    it('is a DecodeError for a 202 body with a number fileId with strictResponses', async () => {
      const body = { message: 'queued', fileId: 7 }
      const { result } = await reply(202, body, true)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: uploadDecodeError({
          codec: AcceptedReply,
          url: URL_V1,
          body,
          fileId: '7',
          found: [['fileId', 'coerced', 'string', 7, '7']],
          strict: true,
        }),
      })
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

    const wrongTypes = { ...RESULT, tags: ['a', 2], AITags: [{ confidence: 'high' }], versionInfo: { id: 7 } }
    const wrongTypesFound: readonly Found[] = [
      ['tags[1]', 'coerced', 'string', 2, '2'],
      ['AITags[0].confidence', 'dropped', 'number', 'high', '"high"'],
      ['versionInfo.id', 'coerced', 'string', 7, '7'],
    ]

    it('reads a 2xx body with wrong types leniently, reporting every field it coerced or left out', async () => {
      const { result, heard } = await reply(200, wrongTypes)
      expect(result).toStrictEqual({
        _tag: 'Right',
        right: { ...RESULT, tags: ['a', '2'], AITags: [{}], versionInfo: { id: '7' }, _tag: 'UploadResult' },
      })
      expect(heard).toStrictEqual(drifts(OPERATION, wrongTypesFound))
    })

    it('is a DecodeError naming every drifting field with strictResponses', async () => {
      const { result } = await reply(200, wrongTypes, true)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: uploadDecodeError({
          codec: UploadResult,
          url: URL_V1,
          body: wrongTypes,
          fileId: RESULT.fileId,
          found: wrongTypesFound,
          strict: true,
        }),
      })
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

  describe('an upload never hides that it happened', () => {
    const FAULT = 'expected string, got undefined: the object cannot be identified without it'
    /** A 2xx reply that no reading can type: title, status, body, the codec that read it, the fault. */
    const unreadable: readonly (readonly [string, number, unknown, unknown, string, unknown, string])[] = [
      ['a 200 body without a fileId', 200, { name: 'a.jpg' }, UploadResult, 'fileId', undefined, FAULT],
      [
        'a 200 body with a null fileId',
        200,
        { ...RESULT, fileId: null },
        UploadResult,
        'fileId',
        null,
        'expected string, got null: the object cannot be identified without it',
      ],
      [
        'a 200 array',
        200,
        [RESULT],
        UploadResult,
        '(root)',
        [RESULT],
        'expected UploadResult, got [{"fileId":"6673f88237b244ef54d60180","name":"test-image.jp…: the object cannot be identified without it',
      ],
      [
        'a 202 array',
        202,
        [],
        AcceptedReply,
        '(root)',
        [],
        'expected UploadResult | UploadAccepted, got []: the object cannot be identified without it',
      ],
    ]
    it.each(
      unreadable.flatMap(([title, ...row]) => [
        [`${title}, lax`, ...row, false] as const,
        [`${title}, strict`, ...row, true] as const,
      ]),
    )(
      'is the same DecodeError, saying the file is stored, for %s',
      async (_title, status, body, codec, path, got, text, strict) => {
        const { result, heard, calls } = await reply(status, body, strict)
        expect(result).toStrictEqual({
          _tag: 'Left',
          left: uploadDecodeError({ codec, url: URL_V1, body, found: [[path, got, text]], strict: false }),
        })
        expect(heard).toStrictEqual([])
        expect(calls).toHaveLength(1)
      },
    )

    it('says in so many words that the file is stored when the reply has no fileId', async () => {
      const { result } = await reply(200, { name: 'a.jpg' })
      expect(result._tag === 'Left' && result.left.message).toBe(
        'ImageKit stored the file, but its reply could not be read (do not upload it again; look it up with ' +
          'getFileDetails or listFiles): the response to POST https://upload.imagekit.io/api/v1/files/upload ' +
          'does not match UploadResult: fileId: expected string, got undefined: the object cannot be identified ' +
          'without it',
      )
      expect(result._tag === 'Left' && result.left._tag === 'DecodeError' && result.left.body).toStrictEqual({
        name: 'a.jpg',
      })
    })

    it('names the fileId when strictResponses refuses a drifting reply that has one', async () => {
      const body = { ...RESULT, size: '117079' }
      const { result } = await reply(200, body, true)
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          errors: expect.any(Array),
          message:
            'ImageKit stored the file as fileId 6673f88237b244ef54d60180, but its reply could not be read (do not ' +
            'upload it again; look it up with getFileDetails or listFiles): the response to POST ' +
            'https://upload.imagekit.io/api/v1/files/upload does not match UploadResult (strictResponses): ' +
            'size: expected number, got "117079" (coerced)',
          body,
        },
      })
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: uploadDecodeError({
          codec: UploadResult,
          url: URL_V1,
          body,
          fileId: RESULT.fileId,
          found: [['size', 'coerced', 'number', '117079', '"117079"']],
          strict: true,
        }),
      })
    })

    it('says the file is stored when a 2xx body is not JSON (and has no body to show)', async () => {
      const { fetch } = captureFetch(() => new Response('OK', { status: 200 }))
      const result = await send(server(fetch), { file: bytes('a'), fileName: 'a' })
      const reason = `Unexpected token 'O', "OK" is not valid JSON`
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: {
          _tag: 'DecodeError',
          errors: [
            {
              value: 'OK',
              context: [{ key: '', type: UploadResult, actual: 'OK' }],
              message: `not valid JSON (${reason})`,
            },
          ],
          message:
            'ImageKit stored the file, but its reply could not be read (do not upload it again; look it up with ' +
            `getFileDetails or listFiles): the response to POST ${URL_V1} is not valid JSON: ${reason}`,
        },
      })
    })

    /** A stub answering each request with the next reply of `replies`. */
    const scripted = (...replies: (() => Response)[]) => {
      let n = 0
      return captureFetch(() => (replies[n++] ?? (() => Response.json({}, { status: 599 })))())
    }
    const RETRYING = { retryUploads: true, retry: { limit: 3, maxDelay: 20 } } as const

    it('retries a 503 with retryUploads (the setting the next tests rely on)', async () => {
      const { fetch, calls } = scripted(
        () => Response.json({ message: 'busy' }, { status: 503 }),
        () => Response.json(RESULT),
      )
      const result = await send({ ...server(fetch), ...RETRYING }, { file: bytes('a'), fileName: 'a' })
      expect(result).toStrictEqual({ _tag: 'Right', right: { ...RESULT, _tag: 'UploadResult' } })
      expect(calls).toHaveLength(2)
    })

    it.each([
      ['a 200 body without a fileId', false, () => Response.json({ name: 'a.jpg' })],
      ['a 202 array', false, () => Response.json([], { status: 202 })],
      ['a 200 body that is not JSON', false, () => new Response('OK')],
      ['a drifting 200 body with strictResponses', true, () => Response.json({ ...RESULT, size: '1' })],
    ] as const)(
      'never sends again after a 2xx, even with retryUploads: %s is one request',
      async (_title, strictResponses, first) => {
        const { fetch, calls } = scripted(first, () => Response.json(RESULT))
        const result = await send(
          { ...server(fetch), ...RETRYING, strictResponses },
          { file: bytes('a'), fileName: 'a' },
        )
        expect(result._tag === 'Left' && result.left._tag).toBe('DecodeError')
        expect(result._tag === 'Left' && result.left.message.startsWith('ImageKit stored the file')).toBe(
          true,
        )
        expect(calls).toHaveLength(1)
      },
    )
  })
})
