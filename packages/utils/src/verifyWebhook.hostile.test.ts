// verifyWebhook and the error guards on hostile values: a Left (or false), never a throw.
import { describe, expect, it } from 'vitest'
import { isDecodeError, isHttpError, isNetworkError, isValidationError, isWebhookError } from './errors'
import { createHmac } from 'node:crypto'
import { verifyWebhook, type VerifyWebhookRequest } from './verifyWebhook'

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {})
  revoke()
  return proxy
}
const trap = () => {
  throw new Error('trap')
}
const trapping = () => new Proxy({}, { get: trap, has: trap, ownKeys: trap, getPrototypeOf: trap })
const T = 1_735_689_600_000
const BODY = '{"id":"e1","type":"file.deleted","created_at":"2025-01-01T00:00:00Z","data":{"fileId":"f1"}}'
const config = { webhookSecret: 'whsec_test', now: () => T }
const headers = {
  'x-ik-signature': `t=${T},v1=${createHmac('sha256', 'whsec_test').update(`${T}.${BODY}`).digest('hex')}`,
}
const verify = (request: unknown) => verifyWebhook(config, request as VerifyWebhookRequest)
const invalid = (path: string, message: string) => ({
  _tag: 'Left',
  left: { _tag: 'ValidationError', path, message },
})

describe('verifyWebhook on hostile values', () => {
  it('refuses a detached buffer body as a ValidationError', () => {
    const body = new TextEncoder().encode(BODY)
    structuredClone(body.buffer, { transfer: [body.buffer] })
    expect(verify({ body, headers })).toStrictEqual(
      invalid('request.body', 'could not be read (a detached buffer?)'),
    )
  })

  it('refuses a revoked proxy as the body, the request or the headers', () => {
    const bodyError = invalid('request.body', 'body must be the raw request body as a string or a Uint8Array')
    expect(verify({ body: revoked(), headers })).toStrictEqual(bodyError)
    expect(verify(revoked())).toStrictEqual(bodyError)
    expect(verify({ body: BODY, headers: revoked() })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'WebhookError',
        reason: 'MalformedHeader',
        message: 'the webhook-id header is not a string',
      },
    })
  })

  it('refuses a revoked proxy as the config', () => {
    expect(verifyWebhook(revoked() as typeof config, { body: BODY, headers })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'WebhookError',
        reason: 'InvalidSecret',
        message: 'webhookSecret must be a non-empty string (copy it from the ImageKit dashboard)',
      },
    })
  })

  it('still verifies the bytes of a live buffer (copied once)', () => {
    const r = verify({ body: new TextEncoder().encode(BODY), headers })
    expect(r._tag === 'Right' && r.right.timestamp).toBe(T)
  })
})

describe('error guards on hostile values', () => {
  const guards = [isValidationError, isHttpError, isNetworkError, isDecodeError, isWebhookError]
  it.each([
    ['a revoked proxy', revoked],
    ['a proxy whose traps throw', trapping],
  ])('answer false for %s', (_title, make) => {
    for (const guard of guards) expect(guard(make())).toBe(false)
  })
})
