import { describe, expect, it, vi } from 'vitest'
import type * as Utils from '@imagekit-fp/utils'

// A runtime that resolves the `node` build but has no `process.getBuiltinModule` gets a Left from
// hmacSha1Hex: signUrl must refuse rather than emit `ik-s=`. That build swaps in the Node `signature`.
vi.mock('./internal/signature', () => import('./internal/signature.node'))
vi.mock('@imagekit-fp/utils', async (importOriginal) => ({
  ...(await importOriginal<typeof Utils>()),
  hmacSha1Hex: () => ({
    _tag: 'Left',
    left: { _tag: 'ValidationError', path: 'runtime', message: 'no HMAC' },
  }),
}))

const { signUrl } = await import('./signUrl')

describe('signUrl without an HMAC in the runtime', () => {
  it('returns a ValidationError instead of an unsigned ik-s', () => {
    expect(
      signUrl({ urlEndpoint: 'https://ik.imagekit.io/demo', privateKey: 'private_k' }, { path: '/a.jpg' }),
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
