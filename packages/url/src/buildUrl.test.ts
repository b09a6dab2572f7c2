import { describe, expect, it } from 'vitest'
import { buildUrl } from './buildUrl'
import { type Case, D, E, right } from './test-support/urlCases'

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
})
