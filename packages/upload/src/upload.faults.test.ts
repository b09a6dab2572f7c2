// Fault tests: upload against a scripted loopback server, with the platform fetch and with nodeFetch.
// Each fault is the right Left or a retried success: never a throw, never a hung promise (vitest's timeout).
import { afterEach, describe, expect, it } from 'vitest'
import { upload, type ServerUploadRequest, type UploadConfig } from '@imagekit-fp/upload'
import { nodeFetch } from '@imagekit-fp/upload/node'
import {
  startLoopbackServer,
  type LoopbackServer,
  type Script,
} from '../../utils/src/http/test-support/loopbackServer'
import { expectNoSecret } from '../../utils/src/http/test-support/secrets'
import { UploadResult } from './model/UploadResult'
import { RESULT, UPLOADED } from './test-support/capture'
import { drifts, listen, stored, uploadDecodeError } from './test-support/drift'

const KEY = 'private_fault_key_0123456789'
const FAST_RETRY = { limit: 3, maxDelay: 20 }
const IK_401 = {
  message: 'Your account cannot be authenticated.',
  help: 'For support kindly contact us at support@imagekit.io .',
}
const IK_403 = {
  message: 'Your request is not allowed.',
  help: 'For support kindly contact us at support@imagekit.io .',
}
const HTML_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>'

let server: LoopbackServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const fetches: readonly (readonly [string, typeof fetch | undefined])[] = [
  ['platform fetch', undefined],
  ['nodeFetch', nodeFetch],
]

describe.each(fetches)('upload faults (%s)', (_name, customFetch) => {
  const run = async (
    script: Script,
    config: Partial<UploadConfig> = {},
    request: Partial<ServerUploadRequest> = {},
  ) => {
    server = await startLoopbackServer(script)
    const result = await upload(
      {
        privateKey: KEY,
        uploadBaseUrl: server.url,
        timeout: 60_000, // an outer bound: a reply that comes never times out (timeout tests set their own)
        retry: FAST_RETRY,
        ...(customFetch === undefined ? {} : { fetch: customFetch }),
        ...config,
      },
      { file: new TextEncoder().encode('file bytes'), fileName: 'a.jpg', ...request },
    )()
    expectNoSecret(result, KEY)
    return { result, requests: server.requests }
  }

  it.each([500, 502, 503])('is an HttpError %i after one attempt without retryUploads', async (status) => {
    const { result, requests } = await run([
      { status, json: { message: `status ${status}` } },
      { json: RESULT },
    ])
    expect(result._tag === 'Left' && result.left).toMatchObject({
      _tag: 'HttpError',
      status,
      message: `status ${status}`,
    })
    expect(requests).toHaveLength(1)
  })

  it('retries 500, 502 and 503 to success with retryUploads', async () => {
    const script: Script = [
      { status: 500, json: {} },
      { status: 502, json: {} },
      { status: 503, json: {} },
      { json: RESULT },
    ]
    const { result, requests } = await run(script, { retryUploads: true })
    expect(result).toStrictEqual({ _tag: 'Right', right: UPLOADED })
    expect(requests).toHaveLength(4)
    // Every attempt sent the same complete body.
    expect(new Set(requests.map((r) => r.body.length)).size).toBe(1)
  })

  it('gives up with the last HttpError when retries run out', async () => {
    const script: Script = [
      { status: 503, json: {} },
      { status: 503, json: {} },
      { status: 503, json: {} },
      { status: 503, json: { message: 'still busy' } },
    ]
    const { result, requests } = await run(script, { retryUploads: true })
    expect(result._tag === 'Left' && result.left).toMatchObject({
      _tag: 'HttpError',
      status: 503,
      message: 'still busy',
    })
    expect(requests).toHaveLength(4)
  })

  it('never retries a streamed upload, even with retryUploads', async () => {
    const { result, requests } = await run(
      [{ status: 503, json: {} }, { json: RESULT }],
      { retryUploads: true },
      { file: new Blob(['streamed']).stream() },
    )
    expect(result._tag === 'Left' && result.left._tag).toBe('HttpError')
    expect(requests).toHaveLength(1)
  })

  it('is an HttpError 429 with the rate-limit headers without retryUploads', async () => {
    const headers = {
      'retry-after': '1',
      'x-ratelimit-limit': '100',
      'x-ratelimit-reset': '1000',
      'x-ratelimit-interval': '60000',
      'x-request-id': 'rid-429',
    }
    const { result, requests } = await run([{ status: 429, headers, json: { message: 'Too many requests' } }])
    expect(result._tag === 'Left' && result.left).toMatchObject({
      _tag: 'HttpError',
      status: 429,
      message: 'Too many requests',
      requestId: 'rid-429',
      rateLimit: { limit: 100, reset: 1000, interval: 60000 },
    })
    expect(requests).toHaveLength(1)
  })

  it('waits for Retry-After on 429 and succeeds with retryUploads', async () => {
    const { result, requests } = await run(
      [{ status: 429, headers: { 'retry-after': '0' }, json: { message: 'slow down' } }, { json: RESULT }],
      { retryUploads: true },
    )
    expect(result).toStrictEqual({ _tag: 'Right', right: UPLOADED })
    expect(requests).toHaveLength(2)
  })

  it('is a NetworkError Timeout when the server hangs past the timeout', async () => {
    const { result } = await run([{ hang: true }], { timeout: 300 })
    expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
      'Timeout',
    )
  })

  it('is a NetworkError Timeout when the body stalls past the timeout', async () => {
    const { result } = await run([{ json: RESULT, stallAfterBytes: 5 }], { timeout: 300 })
    expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
      'Timeout',
    )
  })

  it('is a NetworkError Transport when the connection is reset mid-body', async () => {
    const { result } = await run([{ json: RESULT, resetAfterBytes: 10 }])
    expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
      'Transport',
    )
  })

  it('is a NetworkError Transport when the body is shorter than its Content-Length', async () => {
    const { result } = await run([{ json: RESULT, truncateAfterBytes: 10 }])
    expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
      'Transport',
    )
  })

  /** The DecodeError of a 2xx reply whose text is not JSON: the file is stored, the reply unreadable. */
  const notJson = (text: string, reason: string) => ({
    _tag: 'Left',
    left: {
      _tag: 'DecodeError',
      errors: [
        {
          value: text,
          context: [{ key: '', type: UploadResult, actual: text }],
          message: `not valid JSON (${reason})`,
        },
      ],
      message: `${stored()}the response to POST ${server!.url}/api/v1/files/upload is not valid JSON: ${reason}`,
    },
  })

  it('is a DecodeError saying the file is stored for a complete but truncated JSON body', async () => {
    const text = '{"fileId":"abc","name":'
    const { result } = await run([{ body: text, headers: { 'content-type': 'application/json' } }])
    expect(result).toStrictEqual(notJson(text, 'Unexpected end of JSON input'))
  })

  it('is a DecodeError saying the file is stored for malformed JSON', async () => {
    const { result } = await run([{ body: 'OK', headers: { 'content-type': 'application/json' } }])
    expect(result).toStrictEqual(notJson('OK', `Unexpected token 'O', "OK" is not valid JSON`))
  })

  it('reads JSON with a number fileId as an upload result, reporting it with the request id', async () => {
    const { onDrift, heard } = listen()
    const { result, requests } = await run(
      [{ json: { fileId: 42 }, headers: { 'x-request-id': 'rid-drift' } }, { json: RESULT }],
      { onDrift, retryUploads: true },
    )
    expect(result).toStrictEqual({ _tag: 'Right', right: { fileId: '42', _tag: 'UploadResult' } })
    expect(heard).toStrictEqual(
      drifts('POST /api/v1/files/upload', [['fileId', 'coerced', 'string', 42, '42']], 'rid-drift'),
    )
    expect(requests).toHaveLength(1)
  })

  it('is a DecodeError saying the file is stored for JSON with a number fileId with strictResponses', async () => {
    const body = { fileId: 42 }
    const { result, requests } = await run([{ json: body }, { json: RESULT }], {
      strictResponses: true,
      retryUploads: true,
    })
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: uploadDecodeError({
        codec: UploadResult,
        url: `${server!.url}/api/v1/files/upload`,
        body,
        fileId: '42',
        found: [['fileId', 'coerced', 'string', 42, '42']],
        strict: true,
      }),
    })
    expect(requests).toHaveLength(1)
  })

  it.each([false, true])(
    'is a DecodeError saying the file is stored for JSON without a fileId (strictResponses: %s)',
    async (strictResponses) => {
      const body = { name: 'a.jpg' }
      const { onDrift, heard } = listen()
      const { result, requests } = await run([{ json: body }, { json: RESULT }], {
        strictResponses,
        onDrift,
        retryUploads: true,
      })
      expect(result).toStrictEqual({
        _tag: 'Left',
        left: uploadDecodeError({
          codec: UploadResult,
          url: `${server!.url}/api/v1/files/upload`,
          body,
          found: [
            [
              'fileId',
              undefined,
              'expected string, got undefined: the object cannot be identified without it',
            ],
          ],
          strict: false,
        }),
      })
      expect(heard).toStrictEqual([])
      expect(requests).toHaveLength(1)
    },
  )

  it('is a clean HttpError 502 for an HTML page from a proxy', async () => {
    const { result } = await run([{ status: 502, body: HTML_502, headers: { 'content-type': 'text/html' } }])
    expect(result._tag === 'Left' && result.left).toMatchObject({ _tag: 'HttpError', status: 502 })
    expect(result._tag === 'Left' && result.left.message).toContain('502 Bad Gateway')
  })

  it.each([
    [401, IK_401],
    [403, IK_403],
  ] as const)("is an HttpError %i with ImageKit's message and help", async (status, body) => {
    const { result, requests } = await run([{ status, json: body }], { retryUploads: true })
    expect(result._tag === 'Left' && result.left).toMatchObject({
      _tag: 'HttpError',
      status,
      message: body.message,
      help: body.help,
      body,
    })
    expect(requests).toHaveLength(1)
  })

  it('is a NetworkError Aborted when the signal aborts during the upload', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const { result } = await run([{ hang: true }], {}, { signal: controller.signal })
    expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
      'Aborted',
    )
  })

  it('is a NetworkError Transport when nothing listens', async () => {
    const result = await upload(
      {
        privateKey: KEY,
        uploadBaseUrl: 'http://127.0.0.1:1',
        ...(customFetch === undefined ? {} : { fetch: customFetch }),
      },
      { file: 'https://example.com/a.jpg', fileName: 'a.jpg' },
    )()
    expect(result._tag === 'Left' && result.left._tag === 'NetworkError' && result.left.reason).toBe(
      'Transport',
    )
    expectNoSecret(result, KEY)
  })
})
