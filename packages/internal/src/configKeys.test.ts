import { describe, expect, it } from 'vitest'
import { CONFIG_KEYS, knownConfigKeys } from './configKeys'
import { attempt } from './fail'

const make = (path: string, message: string) => ({ _tag: 'ValidationError' as const, path, message })
const check = (config: object) => attempt(() => knownConfigKeys(Object.keys(config)), 'config', make)
const refused = (path: string, message: string) => ({ _tag: 'Left', left: make(path, message) })
const ok = { _tag: 'Right', right: undefined }

describe('knownConfigKeys', () => {
  it('accepts a config holding every known key (one config shared by url, upload and media), and {}', () => {
    expect(check(Object.fromEntries(CONFIG_KEYS.map((k) => [k, 1])))).toStrictEqual(ok)
    expect(check({})).toStrictEqual(ok)
  })

  it.each([
    ['baseURL', 'apiBaseUrl'],
    ['base_url', 'apiBaseUrl'],
  ])("names @imagekit/nodejs 7's option %s by our key %s", (key, ours) => {
    expect(check({ privateKey: 'k', [key]: 'x' })).toStrictEqual(
      refused(`config.${key}`, `is not a known key (did you mean ${ours}?)`),
    )
  })

  it.each([
    ['apiBaseURL', 'apiBaseUrl'],
    ['private_key', 'privateKey'],
    ['URL_ENDPOINT', 'urlEndpoint'],
    ['TimeOut', 'timeout'],
    ['strict-responses', 'strictResponses'],
  ])('suggests the key %s equals but for case, _ and - (%s)', (key, ours) => {
    expect(check({ [key]: 1 })).toStrictEqual(
      refused(`config.${key}`, `is not a known key (did you mean ${ours}?)`),
    )
  })

  it.each(['urlEndpont', 'maxRetries', 'uploadEndpoint', 'colour', 'constructor', 'toString', '__proto__'])(
    'refuses %s without a suggestion (no near match is guessed)',
    (key) => {
      const config = JSON.parse(`{"timeout":1,"${key}":2}`) as object
      expect(check(config)).toStrictEqual(refused(`config.${key}`, 'is not a known key'))
    },
  )
})
