import { describe, expect, it } from 'vitest'
import { buildUrl, type BuildUrlOptions } from './buildUrl'
import type { UrlConfig } from './model/UrlConfig'
import { D, left, trError } from './test-support/urlCases'

describe('buildUrl', () => {
  describe('validation errors', () => {
    const throwing = Object.defineProperty({}, 'path', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    const throwingConfig = Object.defineProperty({}, 'urlEndpoint', {
      get() {
        throw new Error('boom')
      },
    })
    const unreadable = 'could not be read'
    const cases: readonly (readonly [string, unknown, unknown, unknown])[] = [
      ['a null config', null, { path: '/a.jpg' }, left('config', 'must be an object')],
      ['a string options', { urlEndpoint: D }, 'x', left('options', 'must be an object')],
      ['a missing endpoint', {}, { path: '/a.jpg' }, left('config.urlEndpoint', 'is required')],
      [
        'a number endpoint',
        { urlEndpoint: 42 },
        { path: '/a.jpg' },
        left('config.urlEndpoint', 'must be a string'),
      ],
      [
        'a relative endpoint',
        { urlEndpoint: 'ik.imagekit.io/demo' },
        { path: '/a.jpg' },
        left('config.urlEndpoint', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'an empty endpoint',
        { urlEndpoint: '' },
        { path: '/a.jpg' },
        left('config.urlEndpoint', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'an ftp endpoint',
        { urlEndpoint: 'ftp://x.io/a' },
        { path: '/a.jpg' },
        left('config.urlEndpoint', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'an endpoint with credentials',
        { urlEndpoint: 'https://u:p@x.io/' },
        { path: '/a.jpg' },
        left('config.urlEndpoint', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'an endpoint with a fragment',
        { urlEndpoint: 'https://x.io/a#' },
        { path: '/a.jpg' },
        left('config.urlEndpoint', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'a bad options.urlEndpoint',
        { urlEndpoint: D },
        { path: '/a.jpg', urlEndpoint: 'nope' },
        left('options.urlEndpoint', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'an unknown config position',
        { urlEndpoint: D, transformationPosition: 'middle' },
        { path: '/a.jpg' },
        left('config.transformationPosition', "must be 'path' or 'query'"),
      ],
      [
        'an unknown options position',
        { urlEndpoint: D },
        { path: '/a.jpg', transformationPosition: 'QUERY' },
        left('options.transformationPosition', "must be 'path' or 'query'"),
      ],
      [
        'neither path nor src',
        { urlEndpoint: D },
        {},
        left('options.path', 'either path or src is required'),
      ],
      [
        'an empty path and src',
        { urlEndpoint: D },
        { path: '', src: '' },
        left('options.path', 'either path or src is required'),
      ],
      ['a number path', { urlEndpoint: D }, { path: 5 }, left('options.path', 'must be a string')],
      ['an object src', { urlEndpoint: D }, { src: {} }, left('options.src', 'must be a string')],
      [
        'an unparsable src',
        { urlEndpoint: D },
        { src: 'https://' },
        left('options.src', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'a src with credentials',
        { urlEndpoint: D },
        { src: 'https://u:p@x.io/a.jpg' },
        left('options.src', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'a src with a fragment',
        { urlEndpoint: D },
        { src: `${D}/a.jpg#x` },
        left('options.src', 'must be an http(s) URL without credentials or fragment'),
      ],
      [
        'an array of queryParameters',
        { urlEndpoint: D },
        { path: '/a', queryParameters: [] },
        left('options.queryParameters', 'must be an object'),
      ],
      [
        'an object query value',
        { urlEndpoint: D },
        { path: '/a', queryParameters: { a: {} } },
        left('options.queryParameters.a', 'must be a string, number or boolean'),
      ],
      [
        'a string transformation',
        { urlEndpoint: D },
        { path: '/a', transformation: 'w-100' },
        trError('w-100'),
      ],
      [
        'an object transformation value',
        { urlEndpoint: D },
        { path: '/a', transformation: [{ width: {} }] },
        trError([{ width: {} }]),
      ],
      [
        'signed: true',
        { urlEndpoint: D },
        { path: '/a', signed: true },
        left('options.signed', 'is only accepted by signUrl'),
      ],
      [
        'expireSeconds',
        { urlEndpoint: D },
        { path: '/a', expireSeconds: 300 },
        left('options.expireSeconds', 'is only accepted by signUrl'),
      ],
      ['a throwing options getter', { urlEndpoint: D }, throwing, left('options', unreadable)],
      ['a throwing config getter', throwingConfig, { path: '/a' }, left('config', unreadable)],
    ]
    it.each(cases)('returns a ValidationError for %s', (_, config, options, expected) => {
      expect(expected).toMatchObject({ _tag: 'Left', left: { _tag: 'ValidationError' } })
      expect(buildUrl(config as UrlConfig, options as BuildUrlOptions)).toStrictEqual(expected)
    })
  })
})
