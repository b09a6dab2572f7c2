import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeError,
  httpError,
  matchError,
  networkError,
  validationError,
  webhookError,
  type SdkError,
} from './errors'
import { getAuthenticationParameters } from './getAuthenticationParameters'
import { hmacSha1Hex, hmacSha256, hmacSha256Hex } from './hmac'
import { isKnownWebhookEvent } from './isKnownWebhookEvent'
import { phashDistance } from './phashDistance'
import { verifyWebhook } from './verifyWebhook'

const NOW_MS = 1735689600_000

/** Any value: every fast-check extra kind, symbols, functions, huge strings, `__proto__` keys. */
const anything = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withSparseArray: true,
    withUnicodeString: true,
  }),
  fc.constant(Symbol('s')),
  fc.constant(Object(Symbol('boxed'))),
  fc.constant('f'.repeat(1_000_000)),
  fc.constant(
    JSON.parse('{"__proto__":{"privateKey":"k","webhookSecret":"s"},"constructor":{"prototype":1}}'),
  ),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'then'), fc.anything()),
  fc.func(fc.anything()),
)

/** Also hostile values: getters and proxy traps that throw (the stretch goal of the contract). */
const hostile = fc.oneof(
  anything,
  fc.constant(
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('get trap')
        },
        ownKeys: () => {
          throw new Error('ownKeys trap')
        },
      },
    ),
  ),
  fc.constant(
    Object.defineProperty({}, 'privateKey', {
      enumerable: true,
      get: () => {
        throw new Error('getter')
      },
    }),
  ),
)

const clock = fc.oneof(
  fc.constant(() => NOW_MS),
  hostile,
  fc.func(hostile),
)

const ERROR_TAGS = ['ValidationError', 'HttpError', 'NetworkError', 'DecodeError', 'WebhookError']
const WEBHOOK_REASONS = [
  'MissingHeader',
  'MalformedHeader',
  'TimestampOutOfRange',
  'InvalidSignature',
  'MalformedBody',
  'InvalidSecret',
]

/** An Either whose Left is a tagged SDK error with a message (and a non-empty path or a known reason). */
const expectWellFormed = (r: unknown): void => {
  expect(r).toBeTypeOf('object')
  const e = r as { _tag: unknown; left?: unknown }
  expect(['Left', 'Right']).toContain(e._tag)
  if (e._tag !== 'Left') return
  const l = e.left as { _tag: unknown; message: unknown; path?: unknown; reason?: unknown }
  expect(ERROR_TAGS).toContain(l._tag)
  expect(l.message).toBeTypeOf('string')
  expect(l.message).not.toBe('')
  if (l._tag === 'ValidationError') {
    expect(l.path).toBeTypeOf('string')
    expect(l.path).not.toBe('')
  }
  if (l._tag === 'WebhookError') expect(WEBHOOK_REASONS).toContain(l.reason)
}

describe('utils never throw', () => {
  it('getAuthenticationParameters returns a well-formed Either for any input', () => {
    const config = fc.oneof(
      hostile,
      fc.record({ privateKey: fc.oneof(fc.string(), hostile), now: clock }, { requiredKeys: [] }),
    )
    const options = fc.oneof(
      hostile,
      fc.record(
        {
          token: fc.oneof(fc.string(), hostile),
          expire: fc.oneof(
            fc.integer({ min: NOW_MS / 1000 - 10, max: NOW_MS / 1000 + 4000 }),
            fc.double(),
            hostile,
          ),
        },
        { requiredKeys: [] },
      ),
    )
    fc.assert(
      fc.property(config, options, (c, o) => {
        const r = getAuthenticationParameters(c as never, o as never)
        expectWellFormed(r)
        if (r._tag === 'Right') {
          expect(r.right.signature).toMatch(/^[0-9a-f]{40}$/)
          expect(Number.isSafeInteger(r.right.expire)).toBe(true)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('getAuthenticationParameters never mentions the private key in a Left', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 12 }).map((s) => `pk_${s}`),
        hostile,
        (privateKey, options) => {
          const r = getAuthenticationParameters({ privateKey, now: () => NOW_MS }, options as never)
          if (r._tag === 'Left')
            expect(r.left.message.includes(privateKey) || r.left.path.includes(privateKey)).toBe(false)
        },
      ),
    )
  })

  it('phashDistance returns a well-formed Either for any input', () => {
    const hash = fc.oneof(hostile, fc.stringMatching(/^[0-9a-fA-F]{0,20}$/), fc.string())
    fc.assert(
      fc.property(hash, hash, (a, b) => {
        const r = phashDistance(a as never, b as never)
        expectWellFormed(r)
        if (r._tag === 'Right') expect(r.right).toBeGreaterThanOrEqual(0)
      }),
      { numRuns: 300 },
    )
  })

  it('verifyWebhook returns a well-formed Either for any input', () => {
    const config = fc.oneof(
      hostile,
      fc.record(
        {
          webhookSecret: fc.oneof(fc.string(), hostile),
          now: clock,
          toleranceSeconds: fc.oneof(fc.double(), hostile),
        },
        { requiredKeys: [] },
      ),
    )
    const headerValue = fc.oneof(
      fc.string(),
      fc.array(fc.string()),
      fc.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
      hostile,
    )
    const headerName = fc.constantFrom(
      'webhook-id',
      'webhook-timestamp',
      'Webhook-Signature',
      'x-ik-signature',
      'X-IK-SIGNATURE',
      '__proto__',
      'get',
    )
    const request = fc.oneof(
      hostile,
      fc.record(
        {
          body: fc.oneof(fc.string(), fc.uint8Array(), fc.json(), hostile),
          headers: fc.oneof(hostile, fc.dictionary(headerName, headerValue)),
        },
        { requiredKeys: [] },
      ),
    )
    fc.assert(
      fc.property(config, request, (c, r) => {
        expectWellFormed(verifyWebhook(c as never, r as never))
      }),
      { numRuns: 500 },
    )
  })

  it('isKnownWebhookEvent returns a boolean for any input', () => {
    fc.assert(
      fc.property(hostile, (u) => {
        expect(isKnownWebhookEvent(u)).toBeTypeOf('boolean')
      }),
    )
  })

  it('the HMAC helpers return a digest or a ValidationError for any input, and never throw', () => {
    const ok = (u: unknown) => typeof u === 'string' || u instanceof Uint8Array
    fc.assert(
      fc.property(hostile, hostile, (k, m) => {
        const [a, b, c] = [hmacSha1Hex, hmacSha256Hex, hmacSha256].map((f) => f(k as never, m as never))
        if (ok(k) && ok(m)) {
          expect(a?._tag === 'Right' && a.right).toMatch(/^[0-9a-f]{40}$/)
          expect(b?._tag === 'Right' && b.right).toMatch(/^[0-9a-f]{64}$/)
          expect(c?._tag === 'Right' && (c.right as Uint8Array).length).toBe(32)
        } else {
          const path = ok(k) ? 'message' : 'key'
          const error = { _tag: 'ValidationError', path, message: 'must be a string or a Uint8Array' }
          for (const r of [a, b, c]) expect(r).toStrictEqual({ _tag: 'Left', left: error })
        }
      }),
    )
  })

  it('the error constructors and matchError never throw and keep every tag', () => {
    const error: fc.Arbitrary<SdkError> = fc.oneof(
      fc.tuple(anything, anything).map(([p, m]) => validationError(p as never, m as never)),
      anything.map((f) => httpError(f as never)),
      fc.tuple(anything, anything, anything).map(([r, m, c]) => networkError(r as never, m as never, c)),
      fc.tuple(anything, anything).map(([e, m]) => decodeError(e as never, m as never)),
      fc.tuple(anything, anything).map(([r, m]) => webhookError(r as never, m as never)),
    )
    const tagOf = matchError<SdkError, string>({
      ValidationError: (e) => e._tag,
      HttpError: (e) => e._tag,
      NetworkError: (e) => e._tag,
      DecodeError: (e) => e._tag,
      WebhookError: (e) => e._tag,
    })
    fc.assert(
      fc.property(error, (e) => {
        expect(ERROR_TAGS).toContain(e._tag)
        expect(tagOf(e)).toBe(e._tag)
      }),
    )
  })
})
