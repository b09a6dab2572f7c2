import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { serializeTransformation } from './internal/serializeTransformation'
import { signUrl, type SignUrlConfig, type SignUrlOptions } from './signUrl'

const D = 'https://ik.imagekit.io/demo'
const KEY = 'dummy-key'
const hmac = (msg: string, key = KEY) => createHmac('sha1', key).update(msg).digest('hex')
const right = (url: string) => ({ _tag: 'Right', right: url })
const left = (path: string, message: string) => ({ _tag: 'Left', left: validationError(path, message) })
const now = () => 1_700_000_000_000
// The serializer's own error, passed through unchanged (its messages belong to buildTransformationString).
const trError = (t: unknown) => serializeTransformation(t, 'options.transformation')

describe('signUrl', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('signs the classic README example with an expiry (clock fixed, HMAC from node:crypto)', () => {
    const clock = () => 1_600_000_000_123
    const r = signUrl(
      { urlEndpoint: 'https://ik.imagekit.io/your_imagekit_id', privateKey: KEY, now: clock },
      {
        path: '/default-image.jpg',
        queryParameters: { v: '123' },
        transformation: [{ height: '300', width: '400' }],
        signed: true,
        expireSeconds: 300,
      },
    )
    const t = 1_600_000_000 + 300
    const sig = hmac(`tr:h-300,w-400/default-image.jpg?v=123${t}`)
    expect(r).toStrictEqual(
      right(
        `https://ik.imagekit.io/your_imagekit_id/tr:h-300,w-400/default-image.jpg?v=123&ik-t=${t}&ik-s=${sig}`,
      ),
    )
    expect(sig).toMatch(/^[0-9a-f]{40}$/)
  })

  it('matches the official vector without expiry', () => {
    expect(
      signUrl(
        { urlEndpoint: D, privateKey: KEY },
        {
          path: '/sdk-testing-files/future-search.png',
          transformation: [{ width: 300, height: 200 }],
          queryParameters: { version: '2.0' },
          signed: true,
        },
      ),
    ).toStrictEqual(
      right(
        `${D}/tr:w-300,h-200/sdk-testing-files/future-search.png?version=2.0&ik-s=dd1ee8f83d019bc59fd57a5fc4674a11eb8a3496`,
      ),
    )
  })

  it('matches the official vector with an expiry', () => {
    expect(
      signUrl(
        { urlEndpoint: D, privateKey: KEY, now },
        { path: '/sdk-testing-files/future-search.png', expireSeconds: 3600 },
      ),
    ).toStrictEqual(
      right(
        `${D}/sdk-testing-files/future-search.png?ik-t=1700003600&ik-s=02b18bdf67868ccda662ddedda61defd75e97e49`,
      ),
    )
  })

  it('uses Date.now when no clock is given', () => {
    vi.useFakeTimers()
    vi.setSystemTime(1_700_000_000_999)
    expect(
      signUrl(
        { urlEndpoint: D, privateKey: KEY },
        { path: '/sdk-testing-files/future-search.png', expireSeconds: 3600 },
      ),
    ).toStrictEqual(
      right(
        `${D}/sdk-testing-files/future-search.png?ik-t=1700003600&ik-s=02b18bdf67868ccda662ddedda61defd75e97e49`,
      ),
    )
  })

  type Case = readonly [
    title: string,
    config: SignUrlConfig,
    options: SignUrlOptions,
    unsigned: string,
    message: string,
  ]
  const cases: readonly Case[] = [
    [
      'signs even without signed: true',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a.jpg' },
      `${D}/a.jpg`,
      'a.jpg9999999999',
    ],
    [
      'signs with signed: false too',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a.jpg', signed: false },
      `${D}/a.jpg`,
      'a.jpg9999999999',
    ],
    [
      'signs the query tr as emitted',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a.jpg', transformation: [{ width: 1, height: 2 }], transformationPosition: 'query' },
      `${D}/a.jpg?tr=w-1%2Ch-2`,
      'a.jpg?tr=w-1%2Ch-29999999999',
    ],
    [
      'strips an endpoint with a trailing slash once',
      { urlEndpoint: `${D}/`, privateKey: KEY },
      { path: '/a.jpg' },
      `${D}/a.jpg`,
      'a.jpg9999999999',
    ],
    [
      'matches an uppercase-host endpoint by its normalised form',
      { urlEndpoint: 'https://IK.imagekit.io:443/demo', privateKey: KEY },
      { path: '/a.jpg' },
      `${D}/a.jpg`,
      'a.jpg9999999999',
    ],
    [
      'signs a src under the endpoint',
      { urlEndpoint: D, privateKey: KEY },
      { src: 'https://IK.imagekit.io/demo/f/a b.jpg?x=1', transformation: [{ width: 1 }] },
      `${D}/f/a%20b.jpg?x=1&tr=w-1`,
      'f/a%20b.jpg?x=1&tr=w-19999999999',
    ],
    [
      'signs the percent-encoded form of a Unicode path',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/हिन्दी.png' },
      `${D}/%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80.png`,
      '%E0%A4%B9%E0%A4%BF%E0%A4%A8%E0%A5%8D%E0%A4%A6%E0%A5%80.png9999999999',
    ],
    [
      'signs the endpoint path with the image when the endpoint is the root',
      { urlEndpoint: 'https://ik.imagekit.io', privateKey: KEY },
      { path: '/demo/a.jpg' },
      `${D}/a.jpg`,
      'demo/a.jpg9999999999',
    ],
    [
      'signs the endpoint query as part of the URL',
      { urlEndpoint: `${D}?v=1`, privateKey: KEY },
      { path: '/a.jpg' },
      `${D}/a.jpg?v=1`,
      'a.jpg?v=19999999999',
    ],
    [
      'lets options.urlEndpoint decide the prefix',
      { urlEndpoint: 'https://other.example.com', privateKey: KEY },
      { path: '/a.jpg', urlEndpoint: D },
      `${D}/a.jpg`,
      'a.jpg9999999999',
    ],
  ]
  it.each(cases)('%s', (_, config, options, unsigned, message) => {
    const sep = unsigned.includes('?') ? '&' : '?'
    expect(signUrl(config, options)).toStrictEqual(right(`${unsigned}${sep}ik-s=${hmac(message)}`))
  })

  it('puts ik-t then ik-s after every other query parameter', () => {
    const r = signUrl(
      { urlEndpoint: D, privateKey: KEY, now },
      {
        path: '/a.jpg?x=1',
        queryParameters: { y: 2 },
        transformation: [{ width: 1 }],
        transformationPosition: 'query',
        expireSeconds: 10,
      },
    )
    expect(r).toStrictEqual(
      right(`${D}/a.jpg?x=1&y=2&tr=w-1&ik-t=1700000010&ik-s=${hmac('a.jpg?x=1&y=2&tr=w-11700000010')}`),
    )
  })

  it('floors the clock to whole seconds', () => {
    const r = signUrl(
      { urlEndpoint: D, privateKey: KEY, now: () => 1999.999 },
      { path: '/a.jpg', expireSeconds: 1 },
    )
    expect(r).toStrictEqual(right(`${D}/a.jpg?ik-t=2&ik-s=${hmac('a.jpg2')}`))
  })

  it('signs with a Unicode private key as UTF-8', () => {
    expect(signUrl({ urlEndpoint: D, privateKey: 'clé' }, { path: '/a.jpg' })).toStrictEqual(
      right(`${D}/a.jpg?ik-s=${hmac('a.jpg9999999999', 'clé')}`),
    )
  })

  const throwingClock = () => {
    throw new Error(KEY)
  }
  const errors: readonly (readonly [string, unknown, unknown, unknown])[] = [
    [
      'a missing private key',
      { urlEndpoint: D },
      { path: '/a.jpg' },
      left('config.privateKey', 'is required to sign a URL'),
    ],
    [
      'an empty private key',
      { urlEndpoint: D, privateKey: '' },
      { path: '/a.jpg' },
      left('config.privateKey', 'is required to sign a URL'),
    ],
    [
      'a number private key',
      { urlEndpoint: D, privateKey: 1 },
      { path: '/a.jpg' },
      left('config.privateKey', 'must be a string'),
    ],
    [
      'a src on another host',
      { urlEndpoint: D, privateKey: KEY },
      { src: 'https://x.io/demo/a.jpg' },
      left('options.src', `is not under the URL endpoint ${D}/`),
    ],
    [
      'a src beside the endpoint path',
      { urlEndpoint: D, privateKey: KEY },
      { src: 'https://ik.imagekit.io/demo2/a.jpg' },
      left('options.src', `is not under the URL endpoint ${D}/`),
    ],
    [
      'a path climbing out of the endpoint',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/../a.jpg' },
      left('options.path', `is not under the URL endpoint ${D}/`),
    ],
    [
      'a relative src climbing out of the endpoint',
      { urlEndpoint: D, privateKey: KEY },
      { src: '../a.jpg' },
      left('options.src', `is not under the URL endpoint ${D}/`),
    ],
    [
      'a negative expireSeconds',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a', expireSeconds: -1 },
      left('options.expireSeconds', 'must be a whole number of seconds, 0 or more'),
    ],
    [
      'a fractional expireSeconds',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a', expireSeconds: 1.5 },
      left('options.expireSeconds', 'must be a whole number of seconds, 0 or more'),
    ],
    [
      'a string expireSeconds',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a', expireSeconds: '300' },
      left('options.expireSeconds', 'must be a whole number of seconds, 0 or more'),
    ],
    [
      'a NaN expireSeconds',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a', expireSeconds: NaN },
      left('options.expireSeconds', 'must be a whole number of seconds, 0 or more'),
    ],
    [
      'a string signed',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a', signed: 'yes' },
      left('options.signed', 'must be a boolean'),
    ],
    [
      'a clock that is not a function',
      { urlEndpoint: D, privateKey: KEY, now: 5 },
      { path: '/a' },
      left('config.now', 'must be a function returning milliseconds'),
    ],
    [
      'a clock that throws',
      { urlEndpoint: D, privateKey: KEY, now: throwingClock },
      { path: '/a', expireSeconds: 1 },
      left('config.now', 'threw instead of returning milliseconds'),
    ],
    [
      'a clock returning NaN',
      { urlEndpoint: D, privateKey: KEY, now: () => NaN },
      { path: '/a', expireSeconds: 1 },
      left('config.now', 'must return a time in milliseconds since the Unix epoch'),
    ],
    ['a missing endpoint', { privateKey: KEY }, { path: '/a' }, left('config.urlEndpoint', 'is required')],
    [
      'neither path nor src',
      { urlEndpoint: D, privateKey: KEY },
      {},
      left('options.path', 'either path or src is required'),
    ],
    [
      'a bad transformation',
      { urlEndpoint: D, privateKey: KEY },
      { path: '/a', transformation: [1] },
      trError([1]),
    ],
  ]
  it('returns a ValidationError when reading the private key throws', () => {
    const config = Object.defineProperty({ urlEndpoint: D }, 'privateKey', {
      get() {
        throw new Error(KEY)
      },
    })
    expect(signUrl(config as SignUrlConfig, { path: '/a.jpg' })).toStrictEqual(
      left('config', 'could not be read'),
    )
  })

  it('returns a ValidationError when reading expireSeconds throws', () => {
    const options = Object.defineProperty({ path: '/a.jpg' }, 'expireSeconds', {
      get() {
        throw new Error(KEY)
      },
    })
    expect(signUrl({ urlEndpoint: D, privateKey: KEY }, options)).toStrictEqual(
      left('options', 'could not be read'),
    )
  })

  it('accepts a null expireSeconds as no expiry', () => {
    expect(
      signUrl({ urlEndpoint: D, privateKey: KEY }, { path: '/a.jpg', expireSeconds: null as never }),
    ).toStrictEqual(right(`${D}/a.jpg?ik-s=${hmac('a.jpg9999999999')}`))
  })

  it.each(errors)('returns a ValidationError for %s', (_, config, options, expected) => {
    expect(expected).toMatchObject({ _tag: 'Left', left: { _tag: 'ValidationError' } })
    const r = signUrl(config as SignUrlConfig, options as SignUrlOptions)
    expect(r).toStrictEqual(expected)
  })

  it('never puts the private key in a URL or an error', () => {
    const key = 'private_SECRET_key/é'
    const inputs: readonly (readonly [unknown, unknown])[] = [
      [
        { urlEndpoint: D, privateKey: key },
        { path: '/a.jpg', expireSeconds: 5 },
      ],
      [{ urlEndpoint: D, privateKey: key }, { src: 'https://x.io/a.jpg' }],
      [
        { urlEndpoint: D, privateKey: key },
        { path: '/a', expireSeconds: -1 },
      ],
      [
        { urlEndpoint: D, privateKey: key, now: throwingClock },
        { path: '/a', expireSeconds: 1 },
      ],
      [{ urlEndpoint: 'bad', privateKey: key }, { path: '/a' }],
      [{ urlEndpoint: D, privateKey: [key] }, { path: '/a' }],
    ]
    for (const [config, options] of inputs) {
      const out = JSON.stringify(signUrl(config as SignUrlConfig, options as SignUrlOptions))
      expect(out).not.toContain('SECRET')
      expect(out).not.toContain(encodeURIComponent(key))
    }
  })
})
