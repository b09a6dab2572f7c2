import { describe, expect, it, vi } from 'vitest'

// A runtime that resolves the `node` build but has no `process.getBuiltinModule` gets a Left from the HMAC
// functions: getAuthenticationParameters must refuse rather than hand out an empty signature.
vi.mock('./hmac', () => ({
  hmacSha1Hex: () => ({
    _tag: 'Left',
    left: { _tag: 'ValidationError', path: 'runtime', message: 'no HMAC' },
  }),
}))

const { getAuthenticationParameters } = await import('./getAuthenticationParameters')

describe('getAuthenticationParameters without an HMAC in the runtime', () => {
  it('returns a ValidationError instead of an empty signature', () => {
    expect(
      getAuthenticationParameters(
        { privateKey: 'private_key_test', now: () => 1582269249_000 - 60_000 },
        { token: 'your_token', expire: 1582269249 },
      ),
    ).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'ValidationError',
        path: 'config',
        message: 'this runtime offers no HMAC-SHA1 (process.getBuiltinModule)',
      },
    })
  })
})
