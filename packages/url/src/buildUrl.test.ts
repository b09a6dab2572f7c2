import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { serializeTransformation } from './internal/serializeTransformation'
import { buildUrl, type BuildUrlOptions } from './buildUrl'
import type { UrlConfig } from './model/UrlConfig'

const E = 'https://ik.imagekit.io/your_imagekit_id/endpoint/'
const D = 'https://ik.imagekit.io/demo'
const right = (url: string) => ({ _tag: 'Right', right: url })
const left = (path: string, message: string) => ({ _tag: 'Left', left: validationError(path, message) })
// The serializer's own error, passed through unchanged (its messages belong to buildTransformationString).
const trError = (t: unknown) => serializeTransformation(t, 'options.transformation')

type Case = readonly [title: string, config: UrlConfig, options: BuildUrlOptions, expected: string]

describe('buildUrl', () => {
  describe('classic README examples', () => {
    const src = 'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg'
    const cases: readonly Case[] = [
      [
        'puts the transformation in the path for a path',
        { urlEndpoint: E },
        { path: '/default-image.jpg', transformation: [{ height: '300', width: '400' }] },
        'https://ik.imagekit.io/your_imagekit_id/endpoint/tr:h-300,w-400/default-image.jpg',
      ],
      [
        'puts the transformation in the query for a src',
        { urlEndpoint: E },
        { src, transformation: [{ height: '300', width: '400' }] },
        'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=h-300%2Cw-400',
      ],
      [
        'form-encodes chained steps in the query position',
        { urlEndpoint: E },
        {
          path: '/default-image.jpg',
          transformationPosition: 'query',
          transformation: [{ height: '300', width: '400' }, { rotation: 90 }],
        },
        'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=h-300%2Cw-400%3Art-90',
      ],
      [
        'maps the classic effect names',
        { urlEndpoint: E },
        {
          src,
          transformation: [{ format: 'jpg', progressive: 'true', effectSharpen: '-', effectContrast: '1' }],
        },
        'https://ik.imagekit.io/your_imagekit_id/endpoint/default-image.jpg?tr=f-jpg%2Cpr-true%2Ce-sharpen%2Ce-contrast-1',
      ],
    ]
    it.each(cases)('%s', (_, config, options, expected) => {
      expect(buildUrl(config, options)).toStrictEqual(right(expected))
    })
  })

  describe('path joining and encoding', () => {
    const cases: readonly Case[] = [
      ['adds the slash between endpoint and path', { urlEndpoint: D }, { path: 'a.jpg' }, `${D}/a.jpg`],
      [
        'does not double the slash of an endpoint ending in /',
        { urlEndpoint: E },
        { path: '/a.jpg' },
        `${E}a.jpg`,
      ],
      [
        'collapses duplicate slashes in the path',
        { urlEndpoint: D },
        { path: '///a//b.jpg' },
        `${D}/a/b.jpg`,
      ],
      [
        'collapses duplicate slashes in the endpoint',
        { urlEndpoint: 'https://ik.imagekit.io//demo//' },
        { path: '/a.jpg' },
        `${D}/a.jpg`,
      ],
      [
        'joins a root endpoint',
        { urlEndpoint: 'https://ik.imagekit.io' },
        { path: '/a.jpg' },
        'https://ik.imagekit.io/a.jpg',
      ],
      ['keeps a path of /', { urlEndpoint: D }, { path: '/' }, `${D}/`],
      ['keeps a trailing slash', { urlEndpoint: D }, { path: '/folder/' }, `${D}/folder/`],
      [
        "encodes space, # and non-ASCII but keeps ' and existing escapes",
        { urlEndpoint: D },
        { path: "/my folder/it's #1/é%20x.jpg" },
        `${D}/my%20folder/it's%20%231/%C3%A9%20x.jpg`,
      ],
      [
        'encodes the characters a WHATWG pathname encodes',
        { urlEndpoint: D },
        { path: '/a"<>{}`.jpg' },
        `${D}/a%22%3C%3E%7B%7D%60.jpg`,
      ],
      [
        'resolves dot segments like a WHATWG pathname',
        { urlEndpoint: D },
        { path: '/a/./b/../c.jpg' },
        `${D}/a/c.jpg`,
      ],
      [
        'resolves encoded dot segments',
        { urlEndpoint: D },
        { path: '/%2e%2E/a.jpg' },
        'https://ik.imagekit.io/a.jpg',
      ],
      [
        'keeps a file name starting with a dot',
        { urlEndpoint: D },
        { path: '/.well/a.jpg' },
        `${D}/.well/a.jpg`,
      ],
      ['reads a backslash as a slash', { urlEndpoint: D }, { path: '/a\\b.jpg' }, `${D}/a/b.jpg`],
      [
        'encodes a lone surrogate as U+FFFD',
        { urlEndpoint: D },
        { path: '/a\uD800.jpg' },
        `${D}/a%EF%BF%BD.jpg`,
      ],
      [
        'encodes the transformation string in the path',
        { urlEndpoint: D },
        { path: '/a.jpg', transformation: [{ overlay: { type: 'text', text: 'Hi there' } }, { raw: 'a b' }] },
        `${D}/tr:l-text,i-Hi%20there,l-end:a%20b/a.jpg`,
      ],
      [
        'drops the transformation segment when nothing is emitted',
        { urlEndpoint: D },
        { path: '/a.jpg', transformation: [{}, { width: null }] },
        `${D}/a.jpg`,
      ],
      [
        'accepts a null transformation',
        { urlEndpoint: D },
        { path: '/a.jpg', transformation: null as never },
        `${D}/a.jpg`,
      ],
      [
        'drops empty steps of a chain',
        { urlEndpoint: D },
        { path: '/a.jpg', transformation: [{}, { width: 1 }] },
        `${D}/tr:w-1/a.jpg`,
      ],
      [
        'emits the bare code for a true flag',
        { urlEndpoint: D },
        {
          path: '/a.jpg',
          transformation: [{ grayscale: true, aspect_ratio: '4-3', defaultImage: '/f/d.jpg' } as never],
        },
        `${D}/tr:e-grayscale,ar-4-3,di-f@@d.jpg/a.jpg`,
      ],
    ]
    it.each(cases)('%s', (_, config, options, expected) => {
      expect(buildUrl(config, options)).toStrictEqual(right(expected))
    })
  })

  describe('queries', () => {
    const cases: readonly Case[] = [
      [
        'makes a ? in the path a real query',
        { urlEndpoint: D },
        { path: '/a.jpg?client=123' },
        `${D}/a.jpg?client=123`,
      ],
      [
        'keeps the path query before queryParameters and tr',
        { urlEndpoint: D },
        {
          path: '/a.jpg?client=123',
          transformation: [{ width: 100 }],
          transformationPosition: 'query',
          queryParameters: { v: 1 },
        },
        `${D}/a.jpg?client=123&v=1&tr=w-100`,
      ],
      [
        'keeps the path query after a path transformation',
        { urlEndpoint: D },
        { path: '/a.jpg?client=123', transformation: [{ width: 100 }] },
        `${D}/tr:w-100/a.jpg?client=123`,
      ],
      [
        'encodes the path query as a WHATWG query',
        { urlEndpoint: D },
        { path: `/a.jpg?q=a b&x="y"#z'é` },
        `${D}/a.jpg?q=a%20b&x=%22y%22%23z%27%C3%A9`,
      ],
      ['drops an empty path query', { urlEndpoint: D }, { path: '/a.jpg?' }, `${D}/a.jpg`],
      [
        'form-encodes queryParameters and skips null and undefined',
        { urlEndpoint: D },
        {
          path: '/a.jpg',
          queryParameters: {
            q: 'a b&c',
            n: 1,
            t: true,
            skip: null,
            u: undefined,
            'k y': 'é',
            s: "!'()~*-._",
          },
        },
        `${D}/a.jpg?q=a+b%26c&n=1&t=true&k+y=%C3%A9&s=%21%27%28%29%7E*-._`,
      ],
      [
        'keeps a %XX escape in the query tr but encodes a bare %',
        { urlEndpoint: D },
        {
          path: '/a.jpg',
          transformationPosition: 'query',
          transformation: [{ overlay: { type: 'text', text: 'Hi there' } }, { raw: '50%' }],
        },
        `${D}/a.jpg?tr=l-text%2Ci-Hi%20there%2Cl-end%3A50%25`,
      ],
      [
        'puts tr after a queryParameters entry named tr',
        { urlEndpoint: D },
        {
          path: '/a.jpg',
          transformation: [{ width: 1 }],
          transformationPosition: 'query',
          queryParameters: { tr: 'x' },
        },
        `${D}/a.jpg?tr=x&tr=w-1`,
      ],
      [
        'keeps the endpoint query first',
        { urlEndpoint: `${D}?v=1` },
        {
          path: '/a.jpg',
          queryParameters: { b: 2 },
          transformation: [{ width: 1 }],
          transformationPosition: 'query',
        },
        `${D}/a.jpg?v=1&b=2&tr=w-1`,
      ],
    ]
    it.each(cases)('%s', (_, config, options, expected) => {
      expect(buildUrl(config, options)).toStrictEqual(right(expected))
    })
  })

  describe('src', () => {
    const cases: readonly Case[] = [
      [
        'keeps the src query, then queryParameters, then tr',
        { urlEndpoint: D },
        { src: `${D}/a.jpg?a=1`, transformation: [{ width: 100 }], queryParameters: { b: 2 } },
        `${D}/a.jpg?a=1&b=2&tr=w-100`,
      ],
      [
        'puts tr in the query even when the position is path',
        { urlEndpoint: D, transformationPosition: 'path' },
        { src: `${D}/a.jpg`, transformation: [{ width: 100 }], transformationPosition: 'path' },
        `${D}/a.jpg?tr=w-100`,
      ],
      [
        'normalises the src like a WHATWG URL',
        { urlEndpoint: D },
        { src: 'HTTPS://IK.imagekit.io:443/demo/a b.jpg' },
        `${D}/a%20b.jpg`,
      ],
      [
        'accepts a src on another host',
        { urlEndpoint: D },
        { src: 'http://cdn.example.com/a.jpg' },
        'http://cdn.example.com/a.jpg',
      ],
      [
        'keeps a src query as it is written',
        { urlEndpoint: D },
        { src: `${D}/a.jpg?flag&x=a%20b`, queryParameters: { y: 'a b' } },
        `${D}/a.jpg?flag&x=a%20b&y=a+b`,
      ],
      [
        'treats a src that is not absolute as a path',
        { urlEndpoint: D },
        { src: '/a.jpg?x=1', transformation: [{ width: 100 }] },
        `${D}/tr:w-100/a.jpg?x=1`,
      ],
      [
        'prefers path over src',
        { urlEndpoint: D },
        { path: '/p.jpg', src: 'https://x.io/s.jpg' },
        `${D}/p.jpg`,
      ],
      [
        'uses src when path is empty',
        { urlEndpoint: D },
        { path: '', src: 'https://x.io/s.jpg' },
        'https://x.io/s.jpg',
      ],
    ]
    it.each(cases)('%s', (_, config, options, expected) => {
      expect(buildUrl(config, options)).toStrictEqual(right(expected))
    })
  })

  describe('endpoint and overrides', () => {
    const cases: readonly Case[] = [
      [
        'lets options.transformationPosition override the config',
        { urlEndpoint: D, transformationPosition: 'query' },
        { path: '/a.jpg', transformationPosition: 'path', transformation: [{ width: 1 }] },
        `${D}/tr:w-1/a.jpg`,
      ],
      [
        'uses config.transformationPosition',
        { urlEndpoint: D, transformationPosition: 'query' },
        { path: '/a.jpg', transformation: [{ width: 1 }] },
        `${D}/a.jpg?tr=w-1`,
      ],
      [
        'lets options.urlEndpoint override the config',
        { urlEndpoint: D },
        { path: '/a.jpg', urlEndpoint: 'https://cdn.example.com/img/' },
        'https://cdn.example.com/img/a.jpg',
      ],
      [
        'normalises scheme, host and default port of the endpoint',
        { urlEndpoint: 'HTTPS://IK.ImageKit.io:443/Demo' },
        { path: '/a.jpg' },
        'https://ik.imagekit.io/Demo/a.jpg',
      ],
      [
        'keeps a non-default port',
        { urlEndpoint: 'http://localhost:8080/x' },
        { path: '/a.jpg' },
        'http://localhost:8080/x/a.jpg',
      ],
      [
        'writes an IDN host as punycode',
        { urlEndpoint: 'https://bücher.example/' },
        { path: '/a.jpg' },
        'https://xn--bcher-kva.example/a.jpg',
      ],
      [
        'accepts an IPv4 endpoint',
        { urlEndpoint: 'http://127.0.0.1:3000' },
        { path: '/a.jpg' },
        'http://127.0.0.1:3000/a.jpg',
      ],
      [
        'encodes the endpoint path',
        { urlEndpoint: 'https://ik.imagekit.io/my demo' },
        { path: '/a.jpg' },
        'https://ik.imagekit.io/my%20demo/a.jpg',
      ],
      [
        'accepts signed: false and expireSeconds: 0',
        { urlEndpoint: D },
        { path: '/a.jpg', signed: false, expireSeconds: 0 } as BuildUrlOptions,
        `${D}/a.jpg`,
      ],
    ]
    it.each(cases)('%s', (_, config, options, expected) => {
      expect(buildUrl(config, options)).toStrictEqual(right(expected))
    })
  })

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
