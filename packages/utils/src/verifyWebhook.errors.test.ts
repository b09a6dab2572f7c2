import { describe, expect, it } from 'vitest'
import type { webhookError } from './errors'
import { utf8 } from './internal/bytes'
import { verifyWebhook } from './verifyWebhook'
import { BODY, config, NOW_MS, NOW_S, SECRET, signLegacy, standardHeaders, wl } from './test-support/webhook'

type Reason = Parameters<typeof webhookError>[0]

const NONE = 'neither a webhook-signature nor an x-ik-signature header is present'
const UNIX_S = 'the webhook-timestamp header must be a Unix time in seconds'
const AWAY =
  'the webhook timestamp is more than 300 s away from now; it may be a replay or the clocks disagree'
const NO_MATCH = 'no signature in the request matches the body and the secret'

/** A request with `BODY` and these headers. */
const req = (headers: unknown) => ({ body: BODY, headers })
const legacy = (header: string) => ({ body: BODY, headers: { 'x-ik-signature': header } })
const std = (over: Record<string, string | undefined>) => ({
  body: BODY,
  headers: { ...standardHeaders(), ...over },
})
const throwingGet = {
  get: () => {
    throw new Error('x')
  },
}
const [M, H, T, S] = ['MissingHeader', 'MalformedHeader', 'TimestampOutOfRange', 'InvalidSignature'] as const
const IK = 'the x-ik-signature'

/** One table row: the case, the request, and the WebhookError's reason and message. */
const row = (title: string, request: unknown, reason: Reason, message: string) =>
  [title, request, wl(reason, message)] as const

describe('verifyWebhook', () => {
  describe('header errors', () => {
    it.each([
      row('no signature header at all', req({}), M, NONE),
      row('an undefined header value', req({ 'x-ik-signature': undefined }), M, NONE),
      row('no webhook-id', std({ 'webhook-id': undefined }), M, 'the webhook-id header is missing'),
      row(
        'no webhook-timestamp',
        std({ 'webhook-timestamp': undefined }),
        M,
        'the webhook-timestamp header is missing',
      ),
      row(
        'no webhook-signature',
        std({ 'webhook-signature': undefined }),
        M,
        'the webhook-signature header is missing',
      ),
      row('an empty webhook-id', std({ 'webhook-id': ' ' }), H, 'the webhook-id header is empty'),
      row('a non-numeric webhook-timestamp', std({ 'webhook-timestamp': 'yesterday' }), H, UNIX_S),
      row('a negative webhook-timestamp', std({ 'webhook-timestamp': '-1' }), H, UNIX_S),
      row('a fractional webhook-timestamp', std({ 'webhook-timestamp': `${NOW_S}.5` }), H, UNIX_S),
      row(
        'an empty webhook-signature',
        std({ 'webhook-signature': '  ' }),
        H,
        'the webhook-signature header is empty',
      ),
      row(
        'a numeric header value',
        req({ ...standardHeaders(), 'webhook-id': 5 }),
        H,
        'the webhook-id header is not a string',
      ),
      row(
        'a legacy header that is not a string',
        req({ 'x-ik-signature': {} }),
        H,
        `${IK} header is not a string`,
      ),
      row('a Headers whose get throws', req(throwingGet), H, 'the webhook-id header is not a string'),
      row('a legacy header without t=', legacy('v1=00'), H, `${IK} header has no t= timestamp`),
      row(
        'a legacy t= that is not a number',
        legacy('t=abc,v1=00'),
        H,
        `${IK} t= value must be a Unix time in milliseconds`,
      ),
      row('a legacy header without v1=', legacy(`t=${NOW_MS}`), H, `${IK} header has no v1= signature`),
      row(
        'a legacy v1= that is not 64 hex digits',
        legacy(`t=${NOW_MS},v1=abc`),
        H,
        `${IK} v1= value must be 64 hex digits`,
      ),
    ])('returns a WebhookError for %s', (_, request, expected) => {
      expect(verifyWebhook(config, request as never)).toStrictEqual(expected)
    })
  })

  describe('timestamp and signature errors', () => {
    it.each([
      row('a standard timestamp 301 s old', req(standardHeaders(NOW_S - 301)), T, AWAY),
      row('a standard timestamp 301 s ahead', req(standardHeaders(NOW_S + 301)), T, AWAY),
      row('a legacy timestamp 300.001 s old', legacy(signLegacy(SECRET, NOW_MS - 300_001, BODY)), T, AWAY),
      row('a wrong secret', req(standardHeaders(NOW_S, BODY, 'whsec_other')), S, NO_MATCH),
      row(
        'a tampered body',
        { body: BODY.replace('598821', '598822'), headers: standardHeaders() },
        S,
        NO_MATCH,
      ),
      row('a signature for another message id', std({ 'webhook-id': 'msg_other' }), S, NO_MATCH),
      row('only non-v1 signatures', std({ 'webhook-signature': 'v1a,AAAA v2,BBBB' }), S, NO_MATCH),
      row('a v1 signature that is not base64', std({ 'webhook-signature': 'v1,@@@@' }), S, NO_MATCH),
      row('a wrong legacy signature', legacy(`t=${NOW_MS},v1=${'0'.repeat(64)}`), S, NO_MATCH),
      row(
        'a legacy signature over another timestamp',
        legacy(`t=${NOW_MS - 1},${signLegacy(SECRET, NOW_MS, BODY).split(',')[1]}`),
        S,
        NO_MATCH,
      ),
    ])('returns a WebhookError for %s', (_, request, expected) => {
      expect(verifyWebhook(config, request as never)).toStrictEqual(expected)
    })
  })

  describe('body errors', () => {
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

    it.each([
      ['a lone high surrogate', `{"id":"e1","type":"file.deleted","data":{"fileId":"\uD800"}}`],
      ['a lone low surrogate', `{"id":"e1","type":"file.deleted","data":{"fileId":"\uDC00x"}}`],
      ['a surrogate pair written low then high', `{"id":"e1","type":"file.deleted","x":"\uDC00\uD800"}`],
      ['a high surrogate before a pair', `{"id":"e1","type":"file.deleted","x":"\uD83D\uD83D\uDE00"}`],
    ])('refuses a string body with %s, though it carries the signature of its U+FFFD spelling', (_, body) => {
      // Signed over the UTF-8 bytes, where each lone surrogate became U+FFFD.
      const headers = standardHeaders(NOW_S, body)
      expect(verifyWebhook(config, { body, headers })).toStrictEqual(
        wl(
          'MalformedBody',
          'the webhook body string is not well-formed Unicode (it has a lone surrogate), so it is not the text that was signed; pass the raw bytes as received',
        ),
      )
      expect(verifyWebhook(config, { body: utf8(body), headers })._tag).toBe('Right')
    })

    it('returns MalformedBody for correctly signed bytes that are not UTF-8', () => {
      const body = new Uint8Array([0x7b, 0xff, 0x7d])
      expect(verifyWebhook(config, { body, headers: standardHeaders(NOW_S, body) })).toStrictEqual(
        wl('MalformedBody', 'the webhook body is not UTF-8 JSON'),
      )
    })
  })
})
