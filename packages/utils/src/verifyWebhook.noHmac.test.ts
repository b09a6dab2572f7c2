import { afterEach, describe, expect, it, vi } from 'vitest'
import { encodeBase64 } from '@imagekit-fp/internal'

// Where the Node build runs without `process.getBuiltinModule` (Node < 20.16, or a runtime
// that takes the `node` export condition without it) there is no HMAC. verifyWebhook used to get empty bytes,
// which matched an empty `v1,` signature: a forged event was accepted. It must fail closed.
vi.mock('./internal/hmacEngine', () => import('./internal/hmacEngine.node'))

const p = globalThis.process as { getBuiltinModule?: unknown }
const original = p.getBuiltinModule
afterEach(() => {
  p.getBuiltinModule = original
})

describe('verifyWebhook in a Node build without process.getBuiltinModule', () => {
  it.each([
    ['an empty v1, signature', 'v1,'],
    ['a signature of empty base64', `v1,${encodeBase64(new Uint8Array(0))}`],
    ['a 32-byte zero signature', `v1,${encodeBase64(new Uint8Array(32))}`],
  ])('refuses a forged event with %s (fails closed)', async (_name, signature) => {
    const { verifyWebhook } = await import('./verifyWebhook')
    p.getBuiltinModule = undefined
    const body = '{"type":"file.deleted","data":{"fileId":"f1"}}'
    const result = verifyWebhook(
      { webhookSecret: 'whsec_test', now: () => 1_735_689_600_000 },
      {
        body,
        headers: { 'webhook-id': 'msg_1', 'webhook-timestamp': '1735689600', 'webhook-signature': signature },
      },
    )
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'ValidationError',
        path: 'runtime',
        message:
          'this runtime offers no HMAC-SHA256: the Node build needs process.getBuiltinModule (Node 20.16 or later)',
      },
    })
  })
})
