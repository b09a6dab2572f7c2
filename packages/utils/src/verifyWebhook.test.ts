import ImageKitNode from '@imagekit/nodejs'
import fc from 'fast-check'
import ImageKitV6 from 'imagekit'
import { createHmac } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { createRequire } from 'node:module'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { validationError, webhookError } from './errors'
import { hmacSha256 as hmacSha256Either, hmacSha256Hex as hmacSha256HexEither } from './hmac'
import type { HmacInput } from './hmac'
import { encodeBase64 } from '@imagekit-fp/internal'
import { concatBytes, utf8 } from './internal/bytes'
import { verifyWebhook, type WebhookHeaders } from './verifyWebhook'

// standardwebhooks is what @imagekit/nodejs verifies with; load the copy it depends on.
const requireFromSdk = createRequire(createRequire(import.meta.url).resolve('@imagekit/nodejs'))
const { Webhook } = requireFromSdk('standardwebhooks') as {
  Webhook: new (secret: string) => { sign: (id: string, at: Date, body: string) => string }
}

const SECRET = 'whsec_dGVzdF9zZWNyZXRfMTIzNDU2Nzg5MA=='
const NOW_S = 1735689600
const NOW_MS = NOW_S * 1000 + 250
const config = { webhookSecret: SECRET, now: () => NOW_MS }
const EVENT = {
  id: '7f1c0c3e-2b4d-4c7a-9a57-0a5b1d9c9f00',
  type: 'file.deleted',
  created_at: '2025-01-01T00:00:00.000Z',
  data: { fileId: '598821f949c0a938d57563bd' },
}
const BODY = JSON.stringify(EVENT)
const MSG_ID = 'msg_2b4d4c7a9a57'

// The HMAC functions return an Either since issue 7; these tests sign with their Right.
const unwrap = <A>(r: { _tag: 'Left' } | { _tag: 'Right'; right: A }): A => {
  if (r._tag === 'Left') throw new Error('no HMAC')
  return r.right
}
const hmacSha256 = (k: HmacInput, m: HmacInput) => unwrap(hmacSha256Either(k, m))
const hmacSha256Hex = (k: HmacInput, m: HmacInput) => unwrap(hmacSha256HexEither(k, m))

const bytesOf = (body: string | Uint8Array) => (typeof body === 'string' ? utf8(body) : body)

/** Standard Webhooks `v1,<base64>` signed with our own HMAC and base64. */
const signStandard = (secret: string, id: string, ts: number, body: string | Uint8Array) =>
  `v1,${encodeBase64(hmacSha256(secret, concatBytes(utf8(`${id}.${ts}.`), bytesOf(body))))}`

/** Legacy `t=<ms>,v1=<hex>` signed with our own HMAC. */
const signLegacy = (secret: string, tMs: number, body: string | Uint8Array) =>
  `t=${tMs},v1=${hmacSha256Hex(secret, concatBytes(utf8(`${tMs}.`), bytesOf(body)))}`

const standardHeaders = (ts = NOW_S, body: string | Uint8Array = BODY, secret = SECRET) => ({
  'webhook-id': MSG_ID,
  'webhook-timestamp': String(ts),
  'webhook-signature': signStandard(secret, MSG_ID, ts, body),
})

const right = (timestamp: number, event: unknown = EVENT) => ({ _tag: 'Right', right: { timestamp, event } })
const wl = (reason: Parameters<typeof webhookError>[0], message: string) => ({
  _tag: 'Left',
  left: webhookError(reason, message),
})

describe('verifyWebhook', () => {
  describe('Standard Webhooks headers', () => {
    it('returns the event and the timestamp in milliseconds', () => {
      expect(verifyWebhook(config, { body: BODY, headers: standardHeaders() })).toStrictEqual(
        right(NOW_S * 1000),
      )
    })

    it('hashes a byte body exactly as received (a leading BOM included)', () => {
      const body = concatBytes(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(BODY))
      expect(verifyWebhook(config, { body, headers: standardHeaders(NOW_S, body) })).toStrictEqual(
        right(NOW_S * 1000),
      )
      // The same JSON without the BOM does not carry that signature.
      expect(verifyWebhook(config, { body: BODY, headers: standardHeaders(NOW_S, body) })).toStrictEqual(
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      )
    })

    it('accepts a Node Buffer body', () => {
      const body = Buffer.from(BODY, 'utf8')
      expect(verifyWebhook(config, { body, headers: standardHeaders() })).toStrictEqual(right(NOW_S * 1000))
    })

    it('reads a Fetch Headers object', () => {
      const headers = new Headers(standardHeaders())
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(right(NOW_S * 1000))
    })

    it('takes Node req.headers and Fetch Headers as they are typed', () => {
      expectTypeOf<IncomingHttpHeaders>().toExtend<WebhookHeaders>()
      expectTypeOf<Headers>().toExtend<WebhookHeaders>()
      const nodeHeaders: IncomingHttpHeaders = { ...standardHeaders(), 'set-cookie': ['a=1', 'b=2'] }
      expect(verifyWebhook(config, { body: BODY, headers: nodeHeaders })).toStrictEqual(right(NOW_S * 1000))
    })

    it('looks header names up case-insensitively', () => {
      const h = standardHeaders()
      const headers = {
        'Webhook-Id': h['webhook-id'],
        'WEBHOOK-TIMESTAMP': h['webhook-timestamp'],
        'Webhook-Signature': h['webhook-signature'],
      }
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(right(NOW_S * 1000))
    })

    it('passes when any one of several space-separated signatures matches', () => {
      const h = standardHeaders()
      const headers = {
        ...h,
        'webhook-signature': `v1,${encodeBase64(new Uint8Array(32))} v1a,abc ${h['webhook-signature']}`,
      }
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(right(NOW_S * 1000))
    })

    it('passes when the signature header is repeated (array in a record, or joined by Headers)', () => {
      const h = standardHeaders()
      const wrong = `v1,${encodeBase64(new Uint8Array(32).fill(1))}`
      const record = { ...h, 'webhook-signature': [wrong, h['webhook-signature']] }
      expect(verifyWebhook(config, { body: BODY, headers: record })).toStrictEqual(right(NOW_S * 1000))
      const headers = new Headers({
        'webhook-id': h['webhook-id'],
        'webhook-timestamp': h['webhook-timestamp'],
      })
      headers.append('webhook-signature', h['webhook-signature'])
      headers.append('webhook-signature', wrong)
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(right(NOW_S * 1000))
    })

    it('prefers the Standard Webhooks headers when the legacy header is also present', () => {
      const headers = { ...standardHeaders(), 'x-ik-signature': 't=1,v1=00' }
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(right(NOW_S * 1000))
    })

    it('uses the whole secret string, whsec_ prefix included, as the key (not its base64 payload)', () => {
      const payloadKey = Buffer.from(SECRET.slice('whsec_'.length), 'base64')
      const ts = NOW_S
      const sig = createHmac('sha256', payloadKey).update(`${MSG_ID}.${ts}.${BODY}`).digest('base64')
      const headers = {
        'webhook-id': MSG_ID,
        'webhook-timestamp': String(ts),
        'webhook-signature': `v1,${sig}`,
      }
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      )
    })

    it.each([
      ['300 s in the past', NOW_S - 300],
      ['300 s in the future', NOW_S + 300],
    ])('accepts a timestamp %s', (_, ts) => {
      expect(verifyWebhook(config, { body: BODY, headers: standardHeaders(ts) })).toStrictEqual(
        right(ts * 1000),
      )
    })
  })

  describe('legacy x-ik-signature header', () => {
    it('returns the event and the header timestamp in milliseconds', () => {
      const headers = { 'x-ik-signature': signLegacy(SECRET, NOW_MS, BODY) }
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(right(NOW_MS))
    })

    it('accepts an uppercase hex signature, spaces after commas and a Headers object', () => {
      const [t, v1] = signLegacy(SECRET, NOW_MS - 1000, BODY).split(',')
      const headers = new Headers({ 'X-IK-Signature': `${t}, ${v1!.toUpperCase().replace('V1=', 'v1=')}` })
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(right(NOW_MS - 1000))
    })

    it('hashes byte bodies as received', () => {
      const body = utf8(BODY)
      const headers = { 'x-ik-signature': signLegacy(SECRET, NOW_MS, body) }
      expect(verifyWebhook(config, { body, headers })).toStrictEqual(right(NOW_MS))
    })
  })

  describe('errors', () => {
    const legacy = (header: string) => ({ body: BODY, headers: { 'x-ik-signature': header } })
    const std = (over: Record<string, string | undefined>) => ({
      body: BODY,
      headers: { ...standardHeaders(), ...over },
    })
    it.each([
      [
        'no signature header at all',
        { body: BODY, headers: {} },
        wl('MissingHeader', 'neither a webhook-signature nor an x-ik-signature header is present'),
      ],
      [
        'an undefined header value',
        { body: BODY, headers: { 'x-ik-signature': undefined } },
        wl('MissingHeader', 'neither a webhook-signature nor an x-ik-signature header is present'),
      ],
      [
        'no webhook-id',
        std({ 'webhook-id': undefined }),
        wl('MissingHeader', 'the webhook-id header is missing'),
      ],
      [
        'no webhook-timestamp',
        std({ 'webhook-timestamp': undefined }),
        wl('MissingHeader', 'the webhook-timestamp header is missing'),
      ],
      [
        'no webhook-signature',
        std({ 'webhook-signature': undefined }),
        wl('MissingHeader', 'the webhook-signature header is missing'),
      ],
      [
        'an empty webhook-id',
        std({ 'webhook-id': ' ' }),
        wl('MalformedHeader', 'the webhook-id header is empty'),
      ],
      [
        'a non-numeric webhook-timestamp',
        std({ 'webhook-timestamp': 'yesterday' }),
        wl('MalformedHeader', 'the webhook-timestamp header must be a Unix time in seconds'),
      ],
      [
        'a negative webhook-timestamp',
        std({ 'webhook-timestamp': '-1' }),
        wl('MalformedHeader', 'the webhook-timestamp header must be a Unix time in seconds'),
      ],
      [
        'a fractional webhook-timestamp',
        std({ 'webhook-timestamp': `${NOW_S}.5` }),
        wl('MalformedHeader', 'the webhook-timestamp header must be a Unix time in seconds'),
      ],
      [
        'an empty webhook-signature',
        std({ 'webhook-signature': '  ' }),
        wl('MalformedHeader', 'the webhook-signature header is empty'),
      ],
      [
        'a numeric header value',
        { body: BODY, headers: { ...standardHeaders(), 'webhook-id': 5 } },
        wl('MalformedHeader', 'the webhook-id header is not a string'),
      ],
      [
        'a legacy header that is not a string',
        { body: BODY, headers: { 'x-ik-signature': {} } },
        wl('MalformedHeader', 'the x-ik-signature header is not a string'),
      ],
      [
        'a Headers whose get throws',
        {
          body: BODY,
          headers: {
            get: () => {
              throw new Error('x')
            },
          },
        },
        wl('MalformedHeader', 'the webhook-id header is not a string'),
      ],
      [
        'a legacy header without t=',
        legacy('v1=00'),
        wl('MalformedHeader', 'the x-ik-signature header has no t= timestamp'),
      ],
      [
        'a legacy t= that is not a number',
        legacy('t=abc,v1=00'),
        wl('MalformedHeader', 'the x-ik-signature t= value must be a Unix time in milliseconds'),
      ],
      [
        'a legacy header without v1=',
        legacy(`t=${NOW_MS}`),
        wl('MalformedHeader', 'the x-ik-signature header has no v1= signature'),
      ],
      [
        'a legacy v1= that is not 64 hex digits',
        legacy(`t=${NOW_MS},v1=abc`),
        wl('MalformedHeader', 'the x-ik-signature v1= value must be 64 hex digits'),
      ],
      [
        'a standard timestamp 301 s old',
        { body: BODY, headers: standardHeaders(NOW_S - 301) },
        wl(
          'TimestampOutOfRange',
          'the webhook timestamp is more than 300 s away from now; it may be a replay or the clocks disagree',
        ),
      ],
      [
        'a standard timestamp 301 s ahead',
        { body: BODY, headers: standardHeaders(NOW_S + 301) },
        wl(
          'TimestampOutOfRange',
          'the webhook timestamp is more than 300 s away from now; it may be a replay or the clocks disagree',
        ),
      ],
      [
        'a legacy timestamp 300.001 s old',
        legacy(signLegacy(SECRET, NOW_MS - 300_001, BODY)),
        wl(
          'TimestampOutOfRange',
          'the webhook timestamp is more than 300 s away from now; it may be a replay or the clocks disagree',
        ),
      ],
      [
        'a wrong secret',
        { body: BODY, headers: standardHeaders(NOW_S, BODY, 'whsec_other') },
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      ],
      [
        'a tampered body',
        { body: BODY.replace('598821', '598822'), headers: standardHeaders() },
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      ],
      [
        'a signature for another message id',
        std({ 'webhook-id': 'msg_other' }),
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      ],
      [
        'only non-v1 signatures',
        std({ 'webhook-signature': 'v1a,AAAA v2,BBBB' }),
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      ],
      [
        'a v1 signature that is not base64',
        std({ 'webhook-signature': 'v1,@@@@' }),
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      ],
      [
        'a wrong legacy signature',
        legacy(`t=${NOW_MS},v1=${'0'.repeat(64)}`),
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      ],
      [
        'a legacy signature over another timestamp',
        legacy(`t=${NOW_MS - 1},${signLegacy(SECRET, NOW_MS, BODY).split(',')[1]}`),
        wl('InvalidSignature', 'no signature in the request matches the body and the secret'),
      ],
    ])('returns a WebhookError for %s', (_, request, expected) => {
      expect(verifyWebhook(config, request as never)).toStrictEqual(expected)
    })

    it.each([
      ['a body that is not JSON', 'not json'],
      ['a JSON array', '[]'],
      ['JSON null', 'null'],
      ['an object without a type', '{"id":"x"}'],
      ['an object with a numeric type', '{"type":5}'],
    ])('returns MalformedBody for a correctly signed %s', (_, body) => {
      const expected =
        body === 'not json'
          ? wl('MalformedBody', 'the webhook body is not UTF-8 JSON')
          : wl('MalformedBody', 'the webhook body is not an event object with a string type')
      expect(verifyWebhook(config, { body, headers: standardHeaders(NOW_S, body) })).toStrictEqual(expected)
    })

    it('returns MalformedBody for correctly signed bytes that are not UTF-8', () => {
      const body = new Uint8Array([0x7b, 0xff, 0x7d])
      expect(verifyWebhook(config, { body, headers: standardHeaders(NOW_S, body) })).toStrictEqual(
        wl('MalformedBody', 'the webhook body is not UTF-8 JSON'),
      )
    })

    it.each([
      ['no secret', {}],
      ['an empty secret', { webhookSecret: '' }],
      ['a non-string secret', { webhookSecret: 42 }],
    ])('returns InvalidSecret for %s', (_, cfg) => {
      expect(verifyWebhook(cfg as never, { body: BODY, headers: standardHeaders() })).toStrictEqual(
        wl('InvalidSecret', 'webhookSecret must be a non-empty string (copy it from the ImageKit dashboard)'),
      )
    })

    const ok = { body: BODY, headers: standardHeaders() }
    it.each([
      ['a null config', null, ok, validationError('config', 'config must be an object with a webhookSecret')],
      [
        'a now that is not a function',
        { webhookSecret: SECRET, now: 1 },
        ok,
        validationError('config.now', 'must be a function returning milliseconds'),
      ],
      [
        'a now that throws',
        {
          webhookSecret: SECRET,
          now: () => {
            throw new Error('x')
          },
        },
        ok,
        validationError('config.now', 'threw instead of returning milliseconds'),
      ],
      [
        'a now returning a string',
        { webhookSecret: SECRET, now: () => '1' },
        ok,
        validationError('config.now', 'must return a time in milliseconds since the Unix epoch'),
      ],
      [
        'a negative tolerance',
        { ...config, toleranceSeconds: -1 },
        ok,
        validationError('config.toleranceSeconds', 'toleranceSeconds must be a number of seconds, 0 or more'),
      ],
      [
        'a NaN tolerance',
        { ...config, toleranceSeconds: NaN },
        ok,
        validationError('config.toleranceSeconds', 'toleranceSeconds must be a number of seconds, 0 or more'),
      ],
      [
        'a string tolerance',
        { ...config, toleranceSeconds: '300' },
        ok,
        validationError('config.toleranceSeconds', 'toleranceSeconds must be a number of seconds, 0 or more'),
      ],
      [
        'no request',
        config,
        undefined,
        validationError('request', 'request must be an object with body and headers'),
      ],
      [
        'a parsed-JSON body',
        config,
        { body: EVENT, headers: standardHeaders() },
        validationError('request.body', 'body must be the raw request body as a string or a Uint8Array'),
      ],
      [
        'an ArrayBuffer body',
        config,
        { body: new ArrayBuffer(2), headers: standardHeaders() },
        validationError('request.body', 'body must be the raw request body as a string or a Uint8Array'),
      ],
      [
        'no headers',
        config,
        { body: BODY },
        validationError('request.headers', 'headers must be a Headers object or a record of header values'),
      ],
    ])('returns a ValidationError for %s', (_, cfg, request, error) => {
      expect(verifyWebhook(cfg as never, request as never)).toStrictEqual({ _tag: 'Left', left: error })
    })

    it('never puts the secret in an error', () => {
      const webhookSecret = 'whsec_SECRETSECRET'
      const cases: readonly unknown[] = [
        { body: BODY, headers: {} },
        { body: BODY, headers: standardHeaders(NOW_S) },
        { body: 'x', headers: standardHeaders(NOW_S, 'x', webhookSecret) },
        { body: BODY, headers: standardHeaders(0, BODY, webhookSecret) },
      ]
      for (const request of cases) {
        const r = verifyWebhook({ webhookSecret, now: () => NOW_MS }, request as never)
        expect(r._tag).toBe('Left')
        expect(JSON.stringify(r)).not.toContain('SECRET')
      }
    })
  })

  describe('tolerance', () => {
    it('honours a custom toleranceSeconds', () => {
      const c = { ...config, toleranceSeconds: 10 }
      expect(verifyWebhook(c, { body: BODY, headers: standardHeaders(NOW_S - 10) })).toStrictEqual(
        right((NOW_S - 10) * 1000),
      )
      expect(verifyWebhook(c, { body: BODY, headers: standardHeaders(NOW_S - 11) })).toStrictEqual(
        wl(
          'TimestampOutOfRange',
          'the webhook timestamp is more than 10 s away from now; it may be a replay or the clocks disagree',
        ),
      )
    })

    it('turns the window off with Infinity', () => {
      const c = { ...config, toleranceSeconds: Infinity }
      expect(verifyWebhook(c, { body: BODY, headers: standardHeaders(1) })).toStrictEqual(right(1000))
    })
  })

  describe('agrees with the official SDKs', () => {
    const event = fc.record({
      id: fc.uuid(),
      type: fc.constantFrom(
        'file.created',
        'video.transformation.ready',
        'upload.post-transform.error',
        'new.type',
      ),
      created_at: fc.constant('2025-01-01T00:00:00.000Z'),
      data: fc.dictionary(fc.string(), fc.jsonValue()),
    })
    const secret = fc.oneof(
      fc.string({ minLength: 1, unit: 'binary' }),
      fc.base64String({ minLength: 4 }).map((s) => `whsec_${s}`),
    )
    const msgId = fc.stringMatching(/^msg_[A-Za-z0-9]{1,24}$/)

    it('@imagekit/nodejs webhooks.unwrap accepts what our signing produces, and returns the same event', () => {
      fc.assert(
        fc.property(event, secret, msgId, (ev, webhookSecret, id) => {
          const body = JSON.stringify(ev)
          const ts = Math.floor(Date.now() / 1000)
          const headers = {
            'webhook-id': id,
            'webhook-timestamp': String(ts),
            'webhook-signature': signStandard(webhookSecret, id, ts, body),
          }
          const client = new ImageKitNode({ privateKey: 'private_x', webhookSecret })
          const theirs = client.webhooks.unwrap(body, { headers })
          const ours = verifyWebhook({ webhookSecret }, { body, headers })
          expect(ours).toStrictEqual(right(ts * 1000, theirs))
          expect(theirs).toStrictEqual(JSON.parse(body))
        }),
        { numRuns: 200 },
      )
    })

    it('@imagekit/nodejs rejects what we reject for a wrong secret', () => {
      const ts = Math.floor(Date.now() / 1000)
      const headers = standardHeaders(ts, BODY, 'whsec_a')
      const client = new ImageKitNode({ privateKey: 'private_x', webhookSecret: 'whsec_b' })
      expect(() => client.webhooks.unwrap(BODY, { headers })).toThrow('No matching signature found')
      expect(verifyWebhook({ webhookSecret: 'whsec_b' }, { body: BODY, headers })._tag).toBe('Left')
    })

    it('we accept what standardwebhooks (as @imagekit/nodejs keys it) signs', () => {
      fc.assert(
        fc.property(event, secret, msgId, (ev, webhookSecret, id) => {
          const body = JSON.stringify(ev)
          const ts = Math.floor(Date.now() / 1000)
          const signature = new Webhook(Buffer.from(webhookSecret, 'utf8').toString('base64')).sign(
            id,
            new Date(ts * 1000),
            body,
          )
          const headers = new Headers({
            'webhook-id': id,
            'webhook-timestamp': String(ts),
            'webhook-signature': signature,
          })
          expect(verifyWebhook({ webhookSecret }, { body, headers })).toStrictEqual(
            right(ts * 1000, JSON.parse(body)),
          )
        }),
        { numRuns: 200 },
      )
    })

    it('imagekit@6 verifyWebhookEvent accepts our legacy signatures, and we accept node:crypto ones', () => {
      const v6 = new ImageKitV6({
        publicKey: 'public_x',
        privateKey: 'private_x',
        urlEndpoint: 'https://ik.imagekit.io/demo',
      })
      fc.assert(
        fc.property(event, secret, fc.integer({ min: 0, max: 600_000 }), (ev, webhookSecret, skew) => {
          const body = JSON.stringify(ev)
          const t = NOW_MS - 300_000 + skew
          const header = signLegacy(webhookSecret, t, body)
          expect(v6.verifyWebhookEvent(body, header, webhookSecret)).toStrictEqual({
            timestamp: t,
            event: JSON.parse(body),
          })
          const theirs = `t=${t},v1=${createHmac('sha256', webhookSecret).update(`${t}.${body}`).digest('hex')}`
          expect(
            verifyWebhook(
              { webhookSecret, now: () => NOW_MS },
              { body, headers: { 'x-ik-signature': theirs } },
            ),
          ).toStrictEqual(right(t, JSON.parse(body)))
        }),
        { numRuns: 200 },
      )
    })
  })
})
