import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHmac } from 'node:crypto'
import { hmac } from '@noble/hashes/hmac'
import { sha1 } from '@noble/hashes/legacy'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'
import { hmacSha1Hex, hmacSha256, hmacSha256Hex } from './hmac'

describe('hmacSha1Hex', () => {
  it('gives the classic authentication-parameter vector', () => {
    expect(hmacSha1Hex('private_key_test', 'your_token1582269249')).toStrictEqual({
      _tag: 'Right',
      right: 'e71bcd6031016b060d349d212e23e85c791decdd',
    })
  })

  it('gives the same bytes on the native path (Node crypto) as the portable @noble/hashes path', () => {
    const utf8 = new TextEncoder()
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (key, message) => {
        const portable = bytesToHex(hmac(sha1, utf8.encode(key), utf8.encode(message)))
        expect(hmacSha1Hex(key, message)).toStrictEqual({ _tag: 'Right', right: portable })
      }),
    )
    fc.assert(
      fc.property(fc.uint8Array(), fc.uint8Array({ maxLength: 300 }), (key, message) => {
        expect(hmacSha1Hex(key, message)).toStrictEqual({
          _tag: 'Right',
          right: bytesToHex(hmac(sha1, key, message)),
        })
      }),
    )
  })
})

describe('hmacSha256Hex', () => {
  it('agrees with node:crypto', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, message) => {
        expect(hmacSha256Hex(key, message)).toStrictEqual({
          _tag: 'Right',
          right: createHmac('sha256', key).update(message).digest('hex'),
        })
      }),
    )
  })
})

describe('the Node build HMAC engine (export condition node)', () => {
  it('gives the same digests as @noble/hashes, for strings (as UTF-8) and bytes', async () => {
    const node = await import('./internal/hmacEngine.node')
    const utf8 = new TextEncoder()
    const asBytes = (x: string | Uint8Array) => (typeof x === 'string' ? utf8.encode(x) : x)
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array()),
        fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array()),
        (key, message) => {
          expect(node.hmacSha1HexOf(key, message)).toStrictEqual({
            _tag: 'Right',
            right: bytesToHex(hmac(sha1, asBytes(key), asBytes(message))),
          })
          expect(node.hmacSha256Of(key, message)).toStrictEqual({
            _tag: 'Right',
            right: hmac(sha256, asBytes(key), asBytes(message)),
          })
        },
      ),
    )
  })
})

describe('non-string keys and messages', () => {
  const invalid = (path: string) => ({
    _tag: 'Left',
    left: { _tag: 'ValidationError', path, message: 'must be a string or a Uint8Array' },
  })
  const throwing = {
    toString: () => {
      throw new Error('no')
    },
  }
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['an object whose toString throws', throwing],
  ])('refuses %s as the key instead of hashing its String() form', (_name, key) => {
    expect(hmacSha1Hex(key as never, 'm')).toStrictEqual(invalid('key'))
    expect(hmacSha256(key as never, 'm')).toStrictEqual(invalid('key'))
    expect(hmacSha256Hex(key as never, 'm')).toStrictEqual(invalid('key'))
  })

  it('refuses a message that is not a string or bytes', () => {
    expect(hmacSha1Hex('k', undefined as never)).toStrictEqual(invalid('message'))
  })
})

describe('the portable HMAC engine (no Node crypto in the runtime)', () => {
  it('gives the digests of node:crypto, for keys shorter and longer than a block (64 bytes)', async () => {
    const portable = await import('./internal/hmacEngine')
    const p = globalThis.process as { getBuiltinModule?: unknown }
    const original = p.getBuiltinModule
    p.getBuiltinModule = undefined
    try {
      fc.assert(
        fc.property(
          fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 })),
          fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 300 })),
          (key, message) => {
            expect(portable.hmacSha1HexOf(key, message)).toStrictEqual({
              _tag: 'Right',
              right: createHmac('sha1', key).update(message).digest('hex'),
            })
            expect(portable.hmacSha256Of(key, message)).toStrictEqual({
              _tag: 'Right',
              right: new Uint8Array(createHmac('sha256', key).update(message).digest()),
            })
          },
        ),
      )
      expect(portable.hmacSha1HexOf('k'.repeat(65), '')).toStrictEqual({
        _tag: 'Right',
        right: createHmac('sha1', 'k'.repeat(65)).update('').digest('hex'),
      })
    } finally {
      p.getBuiltinModule = original
    }
  })
})
