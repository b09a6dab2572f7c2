import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { concatBytes, constantTimeEqual, isUint8Array, isWellFormedUnicode, utf8 } from './bytes'
import { readHeader } from './headers'
import { bytesToHex, hexDigit, hexToBytes } from './hex'

describe('hexToBytes / bytesToHex / hexDigit', () => {
  it('round-trip any bytes and accept uppercase', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const hex = Buffer.from(bytes).toString('hex')
        expect(bytesToHex(bytes)).toBe(hex)
        expect(hexToBytes(hex)).toStrictEqual(new Uint8Array(bytes))
        expect(hexToBytes(hex.toUpperCase())).toStrictEqual(new Uint8Array(bytes))
      }),
    )
  })

  it.each([['abc'], ['zz'], ['0x'], [' 0']])('rejects %j', (s) => {
    expect(hexToBytes(s)).toBeUndefined()
  })

  it('maps every char code to its digit value or -1', () => {
    for (let c = 0; c < 128; c++) {
      const ch = String.fromCharCode(c)
      expect(hexDigit(c)).toBe(/[0-9a-f]/i.test(ch) ? parseInt(ch, 16) : -1)
    }
  })
})

describe('constantTimeEqual', () => {
  it('is true exactly for equal byte arrays', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)))
        expect(constantTimeEqual(a, Uint8Array.from(a))).toBe(true)
      }),
    )
  })

  it('is false for a prefix', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false)
  })
})

describe('bytes helpers', () => {
  it('concatenates in order', () => {
    expect(concatBytes(utf8('ab'), new Uint8Array([0]), utf8('é'))).toStrictEqual(
      new Uint8Array([97, 98, 0, 0xc3, 0xa9]),
    )
  })

  it('recognises Uint8Array and Buffer but not other views', () => {
    expect(isUint8Array(new Uint8Array(1))).toBe(true)
    expect(isUint8Array(Buffer.from('a'))).toBe(true)
    expect(isUint8Array(new Uint16Array(1))).toBe(false)
    expect(isUint8Array(new ArrayBuffer(1))).toBe(false)
    expect(isUint8Array({ length: 0 })).toBe(false)
  })
})

describe('readHeader', () => {
  it('reads records case-insensitively and joins arrays', () => {
    expect(readHeader({ 'X-A': 'v' }, 'x-a', ',')).toStrictEqual({ _tag: 'Present', value: 'v' })
    expect(readHeader({ 'x-a': ['1', '2'] }, 'x-a', ' ')).toStrictEqual({ _tag: 'Present', value: '1 2' })
    expect(readHeader({ 'x-a': [] }, 'x-a', ' ')).toStrictEqual({ _tag: 'Absent' })
    expect(readHeader({ 'x-a': [1] }, 'x-a', ' ')).toStrictEqual({ _tag: 'Malformed' })
    expect(readHeader({}, 'x-a', ',')).toStrictEqual({ _tag: 'Absent' })
  })

  it('reads Headers objects and survives getters that throw', () => {
    expect(readHeader(new Headers({ 'X-A': 'v' }), 'x-a', ',')).toStrictEqual({ _tag: 'Present', value: 'v' })
    expect(readHeader(new Headers(), 'x-a', ',')).toStrictEqual({ _tag: 'Absent' })
    const repeated = new Headers([
      ['x-a', '1'],
      ['x-a', '2'],
    ])
    expect(readHeader(repeated, 'x-a', ' ')).toStrictEqual({ _tag: 'Present', value: '1 2' })
    const evil = Object.defineProperty({}, 'x-a', {
      enumerable: true,
      get: () => {
        throw new Error('boom')
      },
    })
    expect(readHeader(evil, 'x-a', ',')).toStrictEqual({ _tag: 'Malformed' })
  })
})

describe('isWellFormedUnicode', () => {
  // Code units around the surrogate range, so that lone and paired surrogates are common.
  const text = fc
    .array(fc.oneof(fc.integer({ min: 0xd7fe, max: 0xe001 }), fc.constantFrom(0x41, 0x22)), { maxLength: 12 })
    .map((units) => String.fromCharCode(...units))
  const wellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s

  it('is false exactly where a lone surrogate makes the UTF-8 bytes spell another string', () => {
    fc.assert(
      fc.property(text, (s) => isWellFormedUnicode(s) === wellFormed(s)),
      { numRuns: 2000 },
    )
  })

  it('gives the same answers without String.prototype.isWellFormed (the fallback for older runtimes)', () => {
    const proto = String.prototype as { isWellFormed?: unknown }
    const native = Object.getOwnPropertyDescriptor(proto, 'isWellFormed')
    expect(native).toBeDefined()
    delete proto.isWellFormed
    try {
      expect(proto.isWellFormed).toBeUndefined()
      fc.assert(
        fc.property(text, (s) => isWellFormedUnicode(s) === wellFormed(s)),
        { numRuns: 2000 },
      )
      for (const s of [
        '\uD800',
        '\uDC00',
        'a\uDC00',
        '\uDC00\uD800',
        '\uD83D\uD83D\uDE00',
        '\uD83D\uDE00\uDE00',
      ])
        expect(isWellFormedUnicode(s)).toBe(false)
      for (const s of ['', 'abc', '\uD83D\uDE00', '\uFFFD', '\uD83D\uDE00\uD83D\uDE00'])
        expect(isWellFormedUnicode(s)).toBe(true)
    } finally {
      if (native) Object.defineProperty(proto, 'isWellFormed', native)
    }
  })
})
