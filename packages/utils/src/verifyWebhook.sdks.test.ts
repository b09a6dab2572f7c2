import ImageKitNode from '@imagekit/nodejs'
import fc from 'fast-check'
import ImageKitV6 from 'imagekit'
import { createHmac } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { verifyWebhook } from './verifyWebhook'
import {
  BODY,
  legacyRight,
  NOW_MS,
  right,
  signLegacy,
  signStandard,
  standardHeaders,
} from './test-support/webhook'

// standardwebhooks is what @imagekit/nodejs verifies with; load the copy it depends on.
const requireFromSdk = createRequire(createRequire(import.meta.url).resolve('@imagekit/nodejs'))
const { Webhook } = requireFromSdk('standardwebhooks') as {
  Webhook: new (secret: string) => { sign: (id: string, at: Date, body: string) => string }
}

describe('verifyWebhook', () => {
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
          expect(ours).toStrictEqual(right(ts * 1000, theirs, id))
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
            right(ts * 1000, JSON.parse(body), id),
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
          ).toStrictEqual(legacyRight(t, JSON.parse(body)))
        }),
        { numRuns: 200 },
      )
    })
  })
})
