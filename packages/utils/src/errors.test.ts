import type { Errors } from 'io-ts'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  decodeError,
  httpError,
  isDecodeError,
  isHttpError,
  isNetworkError,
  isValidationError,
  isWebhookError,
  matchError,
  networkError,
  validationError,
  webhookError,
  type DecodeError,
  type HttpError,
  type NetworkError,
  type SdkError,
  type ValidationError,
  type WebhookError,
} from './errors'

const noErrors: Errors = []
const cause = new TypeError('fetch failed')

const samples = {
  ValidationError: validationError('options.path', 'either path or src is required'),
  HttpError: httpError({
    status: 404,
    message: 'The requested file does not exist.',
    help: 'For support kindly contact us at support@imagekit.io .',
    body: { message: 'The requested file does not exist.' },
    url: 'https://api.imagekit.io/v1/files/x/details',
    requestId: 'req_1',
    rateLimit: { limit: 10, reset: 1000, interval: 1000 },
  }),
  NetworkError: networkError('Timeout', 'timed out after 60000 ms', cause),
  DecodeError: decodeError(noErrors, 'response did not match FileObject'),
  WebhookError: webhookError('InvalidSignature', 'no signature matches'),
} as const

describe('error constructors', () => {
  it('build plain tagged objects', () => {
    expect(samples.ValidationError).toStrictEqual({
      _tag: 'ValidationError',
      path: 'options.path',
      message: 'either path or src is required',
    })
    expect(samples.HttpError).toStrictEqual({
      _tag: 'HttpError',
      status: 404,
      message: 'The requested file does not exist.',
      help: 'For support kindly contact us at support@imagekit.io .',
      body: { message: 'The requested file does not exist.' },
      url: 'https://api.imagekit.io/v1/files/x/details',
      requestId: 'req_1',
      rateLimit: { limit: 10, reset: 1000, interval: 1000 },
    })
    expect(samples.NetworkError).toStrictEqual({
      _tag: 'NetworkError',
      reason: 'Timeout',
      message: 'timed out after 60000 ms',
      cause,
    })
    expect(samples.DecodeError).toStrictEqual({
      _tag: 'DecodeError',
      errors: [],
      message: 'response did not match FileObject',
    })
    expect(samples.WebhookError).toStrictEqual({
      _tag: 'WebhookError',
      reason: 'InvalidSignature',
      message: 'no signature matches',
    })
  })

  it('builds an HttpError without the optional fields', () => {
    expect(httpError({ status: 500, message: 'x', body: 'oops', url: 'https://a' })).toStrictEqual({
      _tag: 'HttpError',
      status: 500,
      message: 'x',
      body: 'oops',
      url: 'https://a',
    })
  })

  it('produces JSON-serialisable values (apart from cause)', () => {
    expect(JSON.parse(JSON.stringify(samples.ValidationError))).toStrictEqual(samples.ValidationError)
    expect(JSON.parse(JSON.stringify(samples.HttpError))).toStrictEqual(samples.HttpError)
    expect(JSON.parse(JSON.stringify(samples.WebhookError))).toStrictEqual(samples.WebhookError)
  })
})

describe('error guards', () => {
  const guards = {
    ValidationError: isValidationError,
    HttpError: isHttpError,
    NetworkError: isNetworkError,
    DecodeError: isDecodeError,
    WebhookError: isWebhookError,
  } as const

  it.each(Object.keys(guards) as (keyof typeof guards)[])('is%s accepts only its own tag', (tag) => {
    for (const [other, value] of Object.entries(samples)) expect(guards[tag](value)).toBe(other === tag)
  })

  it.each([[null], [undefined], ['ValidationError'], [42], [{}], [{ _tag: 'Other' }], [[]]])(
    'reject %j',
    (u) => {
      for (const guard of Object.values(guards)) expect(guard(u)).toBe(false)
    },
  )

  it('narrows the type', () => {
    const u: unknown = samples.HttpError
    if (isHttpError(u)) expectTypeOf(u).toEqualTypeOf<HttpError>()
    expect(isHttpError(u)).toBe(true)
  })
})

describe('matchError', () => {
  const describeError = matchError<SdkError, string>({
    ValidationError: (e) => `bad ${e.path}`,
    HttpError: (e) => `HTTP ${e.status}`,
    NetworkError: (e) => `network ${e.reason}`,
    DecodeError: (e) => `decode ${e.errors.length}`,
    WebhookError: (e) => `webhook ${e.reason}`,
  })

  it.each([
    ['ValidationError', 'bad options.path'],
    ['HttpError', 'HTTP 404'],
    ['NetworkError', 'network Timeout'],
    ['DecodeError', 'decode 0'],
    ['WebhookError', 'webhook InvalidSignature'],
  ] as const)('calls the %s handler', (tag, expected) => {
    expect(describeError(samples[tag])).toBe(expected)
  })

  it('takes handlers for the narrow union only', () => {
    const m = matchError<ValidationError | WebhookError, number>({
      ValidationError: () => 1,
      WebhookError: () => 2,
    })
    expect(m(samples.WebhookError)).toBe(2)
    expectTypeOf(m).parameter(0).toEqualTypeOf<ValidationError | WebhookError>()
  })

  it('insists on a handler for every tag at compile time', () => {
    const m = matchError<HttpError | NetworkError | DecodeError, string>(
      // @ts-expect-error DecodeError has no handler
      { HttpError: () => 'h', NetworkError: () => 'n' },
    )
    expect(m(samples.HttpError)).toBe('h')
    expectTypeOf<Parameters<typeof matchError<DecodeError, string>>[0]>().toEqualTypeOf<{
      readonly DecodeError: (error: DecodeError) => string
    }>()
  })
})
