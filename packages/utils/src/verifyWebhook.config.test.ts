import { describe, expect, it } from 'vitest'
import { validationError } from './errors'
import { verifyWebhook } from './verifyWebhook'
import { BODY, config, EVENT, NOW_MS, NOW_S, SECRET, standardHeaders, wl } from './test-support/webhook'

describe('verifyWebhook', () => {
  describe('config and request errors', () => {
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
})
