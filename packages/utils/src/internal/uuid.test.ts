import { describe, expect, it } from 'vitest'
import { randomUuidV4 } from './uuid'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('randomUuidV4', () => {
  it('uses crypto.randomUUID when it exists', () => {
    expect(randomUuidV4({ randomUUID: () => '11111111-2222-4333-8444-555555555555' })).toBe(
      '11111111-2222-4333-8444-555555555555',
    )
  })

  it('sets the version and variant bits on getRandomValues bytes', () => {
    expect(randomUuidV4({ getRandomValues: (b: Uint8Array) => b.fill(0) })).toBe(
      '00000000-0000-4000-8000-000000000000',
    )
    expect(randomUuidV4({ getRandomValues: (b: Uint8Array) => b.fill(0xff) })).toBe(
      'ffffffff-ffff-4fff-bfff-ffffffffffff',
    )
  })

  it('falls back to getRandomValues when randomUUID throws (insecure browser context)', () => {
    const crypto = {
      randomUUID: () => {
        throw new Error('not in a secure context')
      },
      getRandomValues: (b: Uint8Array) => b.fill(0x12),
    }
    expect(randomUuidV4(crypto)).toBe('12121212-1212-4212-9212-121212121212')
  })

  it('produces valid, distinct v4 UUIDs from the real Web Crypto getRandomValues', () => {
    const c = { getRandomValues: (b: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(b) }
    const a = randomUuidV4(c)
    expect(a).toMatch(UUID_V4)
    expect(randomUuidV4(c)).not.toBe(a)
  })

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty object', {}],
    [
      'a getRandomValues that throws',
      {
        getRandomValues: () => {
          throw new Error('no entropy')
        },
      },
    ],
    ['a randomUUID returning a number', { randomUUID: () => 5 }],
  ])('returns undefined for %s', (_, crypto) => {
    expect(randomUuidV4(crypto)).toBeUndefined()
  })
})
