import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHmac } from 'node:crypto'
import { hmac } from '@noble/hashes/hmac'
import { sha1 } from '@noble/hashes/legacy'
import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex } from '@noble/hashes/utils'
import { hmacSha1Hex, hmacSha256Hex } from './hmac'

describe('hmacSha1Hex', () => {
  it('gives the classic authentication-parameter vector', () => {
    expect(hmacSha1Hex('private_key_test', 'your_token1582269249')).toBe(
      'e71bcd6031016b060d349d212e23e85c791decdd',
    )
  })

  it('gives the same bytes on the native path (Node crypto) as the portable @noble/hashes path', () => {
    const utf8 = new TextEncoder()
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (key, message) => {
        const portable = bytesToHex(hmac(sha1, utf8.encode(key), utf8.encode(message)))
        expect(hmacSha1Hex(key, message)).toBe(portable)
      }),
    )
    fc.assert(
      fc.property(fc.uint8Array(), fc.uint8Array({ maxLength: 300 }), (key, message) => {
        expect(hmacSha1Hex(key, message)).toBe(bytesToHex(hmac(sha1, key, message)))
      }),
    )
  })
})

describe('hmacSha256Hex', () => {
  it('agrees with node:crypto', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, message) => {
        expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', key).update(message).digest('hex'))
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
          expect(node.hmacSha1HexOf(key, message)).toBe(
            bytesToHex(hmac(sha1, asBytes(key), asBytes(message))),
          )
          expect(node.hmacSha256Of(key, message)).toStrictEqual(hmac(sha256, asBytes(key), asBytes(message)))
        },
      ),
    )
  })
})
