import { describe, expect, it } from 'vitest'
import { buildUrl, type BuildUrlOptions } from './buildUrl'
import { type Case, D, right } from './test-support/urlCases'

describe('buildUrl', () => {
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
})
