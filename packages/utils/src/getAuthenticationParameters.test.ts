import { afterEach, describe, expect, it, vi } from 'vitest'
import { validationError } from './errors'
import { getAuthenticationParameters } from './getAuthenticationParameters'
import { hmacSha1Hex as hmacSha1HexEither } from './hmac'

/** The expected signature: hmacSha1Hex's Right (it returns an Either). */
const hmacSha1Hex = (key: string, message: string): string => {
  const r = hmacSha1HexEither(key, message)
  return r._tag === 'Right' ? r.right : 'no HMAC'
}

const NOW_MS = 1582268649_123 // 1582268649 s, 600 s before the vector's expire
const NOW_S = 1582268649
const config = { privateKey: 'private_key_test', now: () => NOW_MS }
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('getAuthenticationParameters', () => {
  it('signs token + expire with HMAC-SHA1 of the private key (the classic SDK vector)', () => {
    expect(getAuthenticationParameters(config, { token: 'your_token', expire: 1582269249 })).toStrictEqual({
      _tag: 'Right',
      right: {
        token: 'your_token',
        expire: 1582269249,
        signature: 'e71bcd6031016b060d349d212e23e85c791decdd',
      },
    })
  })

  it('defaults expire to floor(now / 1000) + 1800', () => {
    const r = getAuthenticationParameters(config, { token: 'your_token' })
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        token: 'your_token',
        expire: NOW_S + 1800,
        signature: hmacSha1Hex('private_key_test', `your_token${NOW_S + 1800}`),
      },
    })
  })

  it('defaults the token to a fresh random UUID v4 and signs it', () => {
    const a = getAuthenticationParameters(config)
    const b = getAuthenticationParameters(config, {})
    if (a._tag === 'Left' || b._tag === 'Left') throw new Error('expected Right')
    expect(a.right.token).toMatch(UUID_V4)
    expect(b.right.token).toMatch(UUID_V4)
    expect(a.right.token).not.toBe(b.right.token)
    expect(a.right.signature).toBe(hmacSha1Hex('private_key_test', a.right.token + String(NOW_S + 1800)))
  })

  it('uses Date.now when no clock is given', () => {
    const before = Math.floor(Date.now() / 1000)
    const r = getAuthenticationParameters({ privateKey: 'k' }, { token: 't' })
    const after = Math.floor(Date.now() / 1000)
    if (r._tag === 'Left') throw new Error('expected Right')
    expect(r.right.expire).toBeGreaterThanOrEqual(before + 1800)
    expect(r.right.expire).toBeLessThanOrEqual(after + 1800)
  })

  it.each([
    ['now + 1', NOW_S + 1],
    ['now + 3600', NOW_S + 3600],
  ])('accepts expire = %s', (_, expire) => {
    const r = getAuthenticationParameters(config, { token: 't', expire })
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: { token: 't', expire, signature: hmacSha1Hex('private_key_test', `t${expire}`) },
    })
  })

  it.each([
    [
      'an expire in the past',
      { expire: NOW_S - 1 },
      validationError('options.expire', `must be in the future (it is ${NOW_S - 1}, now is ${NOW_S})`),
    ],
    [
      'an expire equal to now (upload refuses it too: one rule)',
      { expire: NOW_S },
      validationError('options.expire', `must be in the future (it is ${NOW_S}, now is ${NOW_S})`),
    ],
    [
      'an expire more than an hour ahead',
      { expire: NOW_S + 3601 },
      validationError(
        'options.expire',
        `must be at most 3600 s after now (it is ${NOW_S + 3601}, now is ${NOW_S}); ImageKit rejects it`,
      ),
    ],
    [
      'an expire in milliseconds',
      { expire: NOW_MS },
      validationError(
        'options.expire',
        `must be at most 3600 s after now (it is ${NOW_MS}, now is ${NOW_S}); ImageKit rejects it`,
      ),
    ],
    [
      'a fractional expire',
      { expire: NOW_S + 0.5 },
      validationError('options.expire', 'must be an integer Unix time in seconds'),
    ],
    [
      'a NaN expire',
      { expire: NaN },
      validationError('options.expire', 'must be an integer Unix time in seconds'),
    ],
    [
      'a string expire',
      { expire: String(NOW_S) },
      validationError('options.expire', 'must be an integer Unix time in seconds'),
    ],
    [
      'a null expire',
      { expire: null },
      validationError('options.expire', 'must be an integer Unix time in seconds'),
    ],
    ['an empty token', { token: '' }, validationError('options.token', 'must be a non-empty string')],
    ['a number token', { token: 42 }, validationError('options.token', 'must be a non-empty string')],
    ['options that are not an object', 'token', validationError('options', 'must be an object')],
    ['options that are null', null, validationError('options', 'must be an object')],
  ])('rejects %s', (_, options, error) => {
    expect(getAuthenticationParameters(config, options as never)).toStrictEqual({ _tag: 'Left', left: error })
  })

  it.each([
    ['no config', undefined, validationError('config', 'must be an object')],
    ['a string config', 'private_key_test', validationError('config', 'must be an object')],
    ['no privateKey', {}, validationError('config.privateKey', 'is required')],
    [
      'an empty privateKey',
      { privateKey: '' },
      validationError('config.privateKey', 'must be a non-empty string'),
    ],
    [
      'a Uint8Array privateKey',
      { privateKey: new Uint8Array(3) },
      validationError('config.privateKey', 'must be a non-empty string'),
    ],
    [
      'a now that is not a function',
      { privateKey: 'k', now: 5 },
      validationError('config.now', 'must be a function returning milliseconds'),
    ],
    [
      'a now that throws',
      {
        privateKey: 'k',
        now: () => {
          throw new Error('clock broke')
        },
      },
      validationError('config.now', 'threw instead of returning milliseconds'),
    ],
    [
      'a now that returns NaN',
      { privateKey: 'k', now: () => NaN },
      validationError('config.now', 'must return a time in milliseconds since the Unix epoch'),
    ],
    [
      'a now beyond the Date range',
      { privateKey: 'k', now: () => 1e300 },
      validationError('config.now', 'must return a time in milliseconds since the Unix epoch'),
    ],
    [
      'a now that returns a Date',
      { privateKey: 'k', now: () => new Date() },
      validationError('config.now', 'must return a time in milliseconds since the Unix epoch'),
    ],
    [
      'a privateKey getter that throws',
      Object.defineProperty({}, 'privateKey', {
        get: () => {
          throw new Error('boom')
        },
      }),
      validationError('config.privateKey', 'could not be read'),
    ],
  ])('rejects %s', (_, cfg, error) => {
    expect(getAuthenticationParameters(cfg as never, { token: 't' })).toStrictEqual({
      _tag: 'Left',
      left: error,
    })
  })

  it('returns a ValidationError at config when there is no secure random source and no token', () => {
    vi.stubGlobal('crypto', undefined)
    expect(getAuthenticationParameters(config)).toStrictEqual({
      _tag: 'Left',
      left: validationError(
        'config',
        'no secure random source (globalThis.crypto.getRandomValues) to generate a token; pass options.token',
      ),
    })
  })

  it('still works without a random source when the token is given', () => {
    vi.stubGlobal('crypto', undefined)
    expect(getAuthenticationParameters(config, { token: 'your_token', expire: 1582269249 })).toStrictEqual({
      _tag: 'Right',
      right: {
        token: 'your_token',
        expire: 1582269249,
        signature: 'e71bcd6031016b060d349d212e23e85c791decdd',
      },
    })
  })

  it('builds the UUID from getRandomValues when randomUUID is missing', () => {
    vi.stubGlobal('crypto', { getRandomValues: (b: Uint8Array) => b.fill(0xff) })
    const r = getAuthenticationParameters(config, { expire: NOW_S + 60 })
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        token: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
        expire: NOW_S + 60,
        signature: hmacSha1Hex('private_key_test', `ffffffff-ffff-4fff-bfff-ffffffffffff${NOW_S + 60}`),
      },
    })
  })

  it('never puts the private key in an error', () => {
    const privateKey = 'private_SECRET_key_0123456789'
    const bad: readonly unknown[] = [
      { token: '' },
      { expire: 1 },
      { expire: NOW_S + 99999 },
      { expire: 'x' },
      { token: privateKey.length },
      'options',
    ]
    for (const options of bad) {
      const r = getAuthenticationParameters({ privateKey, now: () => NOW_MS }, options as never)
      expect(r._tag).toBe('Left')
      expect(JSON.stringify(r)).not.toContain(privateKey)
      expect(JSON.stringify(r)).not.toContain('SECRET')
    }
    vi.stubGlobal('crypto', undefined)
    const r = getAuthenticationParameters({ privateKey, now: () => NOW_MS })
    expect(r._tag).toBe('Left')
    expect(JSON.stringify(r)).not.toContain('SECRET')
  })
})
