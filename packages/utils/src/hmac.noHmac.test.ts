import { afterEach, describe, expect, it, vi } from 'vitest'

// The public HMAC functions over the Node build's engine, in a runtime without `process.getBuiltinModule`:
// the engine's Left comes through unchanged (path `runtime`), never an empty or undefined digest.
vi.mock('./internal/hmacEngine', () => import('./internal/hmacEngine.node'))

const p = globalThis.process as { getBuiltinModule?: unknown }
const original = p.getBuiltinModule
afterEach(() => {
  p.getBuiltinModule = original
})

const noHash = (name: string) => ({
  _tag: 'Left',
  left: {
    _tag: 'ValidationError',
    path: 'runtime',
    message: `this runtime offers no ${name}: the Node build needs process.getBuiltinModule (Node 20.16 or later)`,
  },
})

describe('the Node build engine without process.getBuiltinModule', () => {
  it('gives a Left naming the runtime problem, never an empty digest', async () => {
    const node = await import('./internal/hmacEngine.node')
    p.getBuiltinModule = undefined
    expect([node.hmacSha1HexOf('k', 'm'), node.hmacSha256Of('k', 'm')]).toStrictEqual([
      noHash('HMAC-SHA1'),
      noHash('HMAC-SHA256'),
    ])
  })
})

describe('hmacSha1Hex / hmacSha256 / hmacSha256Hex in a Node build without process.getBuiltinModule', () => {
  it('give the Left naming the runtime', async () => {
    const { hmacSha1Hex, hmacSha256, hmacSha256Hex } = await import('./hmac')
    p.getBuiltinModule = undefined
    expect([hmacSha1Hex('k', 'm'), hmacSha256('k', 'm'), hmacSha256Hex('k', 'm')]).toStrictEqual([
      noHash('HMAC-SHA1'),
      noHash('HMAC-SHA256'),
      noHash('HMAC-SHA256'),
    ])
  })

  it('still check the key and message first', async () => {
    const { hmacSha1Hex } = await import('./hmac')
    p.getBuiltinModule = undefined
    expect(hmacSha1Hex(undefined as never, 'm')).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'ValidationError', path: 'key', message: 'must be a string or a Uint8Array' },
    })
  })

  it('give the Node digest where the runtime has one', async () => {
    const { hmacSha1Hex } = await import('./hmac')
    expect(hmacSha1Hex('private_key_test', 'your_token1582269249')).toStrictEqual({
      _tag: 'Right',
      right: 'e71bcd6031016b060d349d212e23e85c791decdd',
    })
  })
})
