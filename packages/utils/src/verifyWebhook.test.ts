import { createHmac } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { encodeBase64 } from '@imagekit-fp/internal'
import { concatBytes, utf8 } from './internal/bytes'
import { verifyWebhook, type WebhookHeaders } from './verifyWebhook'
import {
  BODY,
  config,
  EVENT,
  legacyRight,
  MSG_ID,
  NOW_MS,
  NOW_S,
  right,
  SECRET,
  signLegacy,
  signStandard,
  standardHeaders,
  wl,
} from './test-support/webhook'

// Errors: verifyWebhook.errors.test.ts (headers, signatures, bodies) and verifyWebhook.config.test.ts (config and
// request); the official SDKs side by side: verifyWebhook.sdks.test.ts.
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
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(legacyRight(NOW_MS))
    })

    it('accepts an uppercase hex signature, spaces after commas and a Headers object', () => {
      const [t, v1] = signLegacy(SECRET, NOW_MS - 1000, BODY).split(',')
      const headers = new Headers({ 'X-IK-Signature': `${t}, ${v1!.toUpperCase().replace('V1=', 'v1=')}` })
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(legacyRight(NOW_MS - 1000))
    })

    it('hashes byte bodies as received', () => {
      const body = utf8(BODY)
      const headers = { 'x-ik-signature': signLegacy(SECRET, NOW_MS, body) }
      expect(verifyWebhook(config, { body, headers })).toStrictEqual(legacyRight(NOW_MS))
    })
  })

  describe('the id to drop a redelivery by', () => {
    it('returns the webhook-id header as it was signed', () => {
      const id = 'msg_custom_42'
      const headers = {
        'webhook-id': id,
        'webhook-timestamp': String(NOW_S),
        'webhook-signature': signStandard(SECRET, id, NOW_S, BODY),
      }
      expect(verifyWebhook(config, { body: BODY, headers })).toStrictEqual(right(NOW_S * 1000, EVENT, id))
    })

    it("returns the event's own id for the legacy header", () => {
      const event = { ...EVENT, id: 'evt_legacy_1' }
      const body = JSON.stringify(event)
      const headers = { 'x-ik-signature': signLegacy(SECRET, NOW_MS, body) }
      expect(verifyWebhook(config, { body, headers })).toStrictEqual(legacyRight(NOW_MS, event))
    })

    it.each([
      ['has no id', { type: 'file.deleted' }],
      ['has a numeric id', { id: 7, type: 'file.deleted' }],
      ['has an empty id', { id: '', type: 'file.deleted' }],
    ])('refuses a legacy event that %s (nothing to drop its redelivery by)', (_, event) => {
      const body = JSON.stringify(event)
      const headers = { 'x-ik-signature': signLegacy(SECRET, NOW_MS, body) }
      expect(verifyWebhook(config, { body, headers })).toStrictEqual(
        wl('MalformedBody', 'the legacy webhook body has no string id to tell a redelivery by'),
      )
    })

    it('verifies the same request again within the window: only the id tells a replay apart', () => {
      const request = { body: BODY, headers: standardHeaders() }
      const later = { ...config, now: () => NOW_MS + 299_000 }
      expect(verifyWebhook(config, request)).toStrictEqual(right(NOW_S * 1000))
      expect(verifyWebhook(later, request)).toStrictEqual(right(NOW_S * 1000))
      const legacy = { body: BODY, headers: { 'x-ik-signature': signLegacy(SECRET, NOW_MS, BODY) } }
      expect(verifyWebhook(config, legacy)).toStrictEqual(legacyRight(NOW_MS))
      expect(verifyWebhook(later, legacy)).toStrictEqual(legacyRight(NOW_MS))
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
})
