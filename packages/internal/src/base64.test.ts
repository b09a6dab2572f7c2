import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { base64Utf8, decodeBase64, encodeBase64, isBase64 } from './base64'
import { finishes } from '../../../test/support/bounds'

describe('encodeBase64 / decodeBase64', () => {
  it('agree with Buffer on any bytes, padded and unpadded', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString('base64')
        expect(encodeBase64(bytes)).toBe(b64)
        expect(decodeBase64(b64)).toStrictEqual(new Uint8Array(bytes))
        expect(decodeBase64(b64.replace(/=+$/, ''))).toStrictEqual(new Uint8Array(bytes))
      }),
    )
  })

  it.each([['a'], ['abcde'], ['ab=c'], ['a==='], ['ab c'], ['ab-_'], ['QR=='], ['QUJ='], ['===='], ['é']])(
    'rejects %j',
    (s) => {
      expect(decodeBase64(s)).toBeUndefined()
    },
  )

  it('decodes the empty string to no bytes', () => {
    expect(decodeBase64('')).toStrictEqual(new Uint8Array(0))
  })
})

describe('base64Utf8', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['हिन्दी', '4KS54KS/4KSo4KWN4KSm4KWA'],
  ])('encodes %j', (s, expected) => expect(base64Utf8(s)).toStrictEqual(expected))

  it('agrees with Buffer for any string', () =>
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(base64Utf8(s)).toStrictEqual(Buffer.from(s, 'utf8').toString('base64'))
      }),
      { numRuns: 500 },
    ))
})

describe('isBase64', () => {
  it.each([
    ['aGVsbG8=', true],
    ['aGVsbA==', true],
    ['aGVs', true],
    ['aGVs\naGVs', true],
    ['aGVs\r\naGVsbA==\r\n', true],
    ['+/+/', true],
    ['', false],
    ['/srv/img/cat', true], // syntactically base64: upload tells paths apart itself
    ['photos/cat', false],
    ['my holiday photo', false],
    ['aGVsbG8', false],
    ['aGVs bG8=', false],
    ['aG=s', false],
    ['aGVsb===', false],
    ['aGVs-_8=', false],
    ['a===', false],
  ])('%j is %s', (s, expected) => expect(isBase64(s)).toBe(expected))

  it('answers for 10 MB of spaces and a bang (no backtracking, which would run for hours)', () => {
    const input = ' '.repeat(10_000_000) + '!'
    expect(finishes(() => isBase64(input))).toBe(false)
  })

  it('accepts what Buffer encodes, with MIME line breaks every 76 characters', () =>
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (bytes) => {
        const b64 = Buffer.from(bytes).toString('base64')
        expect(isBase64(b64)).toBe(true)
        expect(isBase64(b64.replace(/(.{76})/g, '$1\r\n'))).toBe(true)
      }),
    ))
})
