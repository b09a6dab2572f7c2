import { describe, expect, it } from 'vitest'
import { decodeError, httpError, networkError, validationError, webhookError, type SdkError } from './errors'
import { formatError } from './formatError'

const url = 'https://upload.imagekit.io/api/v1/files/upload'
const row = (title: string, error: SdkError, line: string) => ({ title, error, line })

const cases = [
  row(
    'a ValidationError gives the field path and the message',
    validationError('options.fileName', 'fileName is required'),
    'ValidationError at options.fileName: fileName is required',
  ),
  row(
    'an HttpError gives the status, the message, the help and the request id',
    httpError({
      status: 400,
      message: 'Your request contains invalid fileName parameter.',
      help: 'For support kindly contact us at support@imagekit.io .',
      body: { message: 'Your request contains invalid fileName parameter.' },
      url,
      requestId: 'f0e5e4c7-1f3b-4a2e-9e7d-0c3a1b2d4e5f',
    }),
    'HttpError 400: Your request contains invalid fileName parameter. (help: For support kindly contact us at support@imagekit.io .) [request f0e5e4c7-1f3b-4a2e-9e7d-0c3a1b2d4e5f]',
  ),
  row(
    'an HttpError without help or request id gives the status and the message only',
    httpError({ status: 502, message: 'Bad Gateway', body: '<html>…</html>', url }),
    'HttpError 502: Bad Gateway',
  ),
  row(
    'an HttpError with an empty help and request id leaves both out',
    httpError({ status: 404, message: 'Not found', help: '', requestId: '', body: {}, url }),
    'HttpError 404: Not found',
  ),
  row(
    'a NetworkError gives the reason and the message',
    networkError('Timeout', 'no reply within 60000 ms', undefined),
    'NetworkError (Timeout): no reply within 60000 ms',
  ),
  row(
    'a Transport NetworkError names its reason',
    networkError('Transport', 'fetch failed', new TypeError('fetch failed')),
    'NetworkError (Transport): fetch failed',
  ),
  row(
    'an Aborted NetworkError names its reason',
    networkError('Aborted', 'the request was aborted', undefined),
    'NetworkError (Aborted): the request was aborted',
  ),
  row(
    'a DecodeError gives the message',
    decodeError([], 'fileId: expected string, got 42'),
    'DecodeError: fileId: expected string, got 42',
  ),
  row(
    'a WebhookError gives the reason and the message',
    webhookError('InvalidSignature', 'no signature in the request matches the body and the secret'),
    'WebhookError (InvalidSignature): no signature in the request matches the body and the secret',
  ),
  row(
    'a multi-line message becomes one line',
    httpError({ status: 503, message: 'Service\n  Unavailable\r\n', help: 'try\tagain', body: '', url }),
    'HttpError 503: Service Unavailable (help: try again)',
  ),
]

describe('formatError', () => {
  it.each(cases)('$title', ({ error, line }) => {
    expect(formatError(error)).toStrictEqual(line)
  })

  it('renders an error with an unknown tag (from JavaScript) as tag and message, without throwing', () => {
    const other = { _tag: 'FutureError', message: 'something new' } as unknown as SdkError
    expect(formatError(other)).toStrictEqual('FutureError: something new')
  })

  it('renders a tagged error of your own and an UploadAccepted as tag and message', () => {
    const own = { _tag: 'NotAnImage', message: 'a.txt is not an image' }
    const accepted = { _tag: 'UploadAccepted', message: 'Your request has been accepted.' }
    expect([formatError(own), formatError(accepted)]).toStrictEqual([
      'NotAnImage: a.txt is not an image',
      'UploadAccepted: Your request has been accepted.',
    ])
  })

  it('prints neither the body nor the cause of an error', () => {
    const e = httpError({ status: 401, message: 'Unauthorized', body: { secret: 'private_body' }, url })
    const n = networkError('Transport', 'fetch failed', new Error('private_cause'))
    expect([formatError(e), formatError(n)]).toStrictEqual([
      'HttpError 401: Unauthorized',
      'NetworkError (Transport): fetch failed',
    ])
  })
})
