import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { serializeTransformation } from './internal/serializeTransformation'
import {
  getResponsiveImageAttributes,
  type GetResponsiveImageAttributesOptions,
  type GetResponsiveImageAttributesResult,
} from './getResponsiveImageAttributes'
import type { UrlConfig } from './model/UrlConfig'

const D = 'https://ik.imagekit.io/demo'
const config: UrlConfig = { urlEndpoint: D }
// The candidate URL for width `w` in the path position.
const u = (w: number, before = '') => `${D}/tr:${before}w-${w},c-at_max/a.jpg`
const wSet = (ws: readonly number[], before = '') => ws.map((w) => `${u(w, before)} ${w}w`).join(', ')
const right = (a: GetResponsiveImageAttributesResult) => ({ _tag: 'Right', right: a })
const left = (path: string, message: string) => ({ _tag: 'Left', left: validationError(path, message) })
// The serializer's own error, passed through unchanged (its messages belong to buildTransformationString).
const trError = (t: unknown) => serializeTransformation(t, 'options.transformation')

const DEVICE = [640, 750, 828, 1080, 1200, 1920, 2048, 3840]
const IMAGE = [16, 32, 48, 64, 96, 128, 256, 384]

type Case = readonly [
  title: string,
  options: GetResponsiveImageAttributesOptions,
  expected: GetResponsiveImageAttributesResult,
]

describe('getResponsiveImageAttributes', () => {
  const cases: readonly Case[] = [
    [
      'uses the device breakpoints with sizes 100vw by default',
      { path: '/a.jpg' },
      { src: u(3840), srcSet: wSet(DEVICE), sizes: '100vw' },
    ],
    [
      'gives 1x and 2x for a width',
      { path: '/a.jpg', width: 400 },
      { src: u(828), srcSet: `${u(640)} 1x, ${u(828)} 2x`, width: 400 },
    ],
    [
      'uses the image breakpoints for a small width',
      { path: '/a.jpg', width: 30 },
      { src: u(64), srcSet: `${u(32)} 1x, ${u(64)} 2x`, width: 30 },
    ],
    [
      'gives one candidate when 1x and 2x meet',
      { path: '/a.jpg', width: 5000 },
      { src: u(3840), srcSet: `${u(3840)} 1x`, width: 5000 },
    ],
    [
      'drops candidates below the smallest vw share of the smallest device',
      { path: '/a.jpg', sizes: '(min-width: 768px) 50vw, 33vw' },
      { src: u(3840), srcSet: wSet([256, 384, ...DEVICE]), sizes: '(min-width: 768px) 50vw, 33vw' },
    ],
    [
      'keeps every breakpoint for sizes without vw',
      { path: '/a.jpg', sizes: '(min-width: 768px) 600px' },
      { src: u(3840), srcSet: wSet([...IMAGE, ...DEVICE]), sizes: '(min-width: 768px) 600px' },
    ],
    [
      'prefers sizes over width but returns both',
      { path: '/a.jpg', sizes: '100vw', width: 400 },
      { src: u(3840), srcSet: wSet(DEVICE), sizes: '100vw', width: 400 },
    ],
    [
      'ignores vw that is not a separate token',
      { path: '/a.jpg', sizes: 'calc(10vw + 5px)' },
      { src: u(3840), srcSet: wSet([...IMAGE, ...DEVICE]), sizes: 'calc(10vw + 5px)' },
    ],
    [
      'keeps the widest candidate when a vw share above 100 leaves none',
      { path: '/a.jpg', sizes: '150vw', deviceBreakpoints: [640] },
      { src: u(640), srcSet: wSet([640]), sizes: '150vw' },
    ],
    [
      'sorts and de-duplicates custom breakpoints',
      { path: '/a.jpg', width: 100, deviceBreakpoints: [200, 100, 200], imageBreakpoints: [50, 50] },
      { src: u(200), srcSet: `${u(100)} 1x, ${u(200)} 2x`, width: 100 },
    ],
    [
      'accepts empty image breakpoints',
      { path: '/a.jpg', sizes: '1vw', deviceBreakpoints: [300], imageBreakpoints: [] },
      { src: u(300), srcSet: wSet([300]), sizes: '1vw' },
    ],
    [
      'appends the width step after the transformation',
      { path: '/a.jpg', width: 400, transformation: [{ height: 300 }, { rotation: 90 }] },
      {
        src: u(828, 'h-300:rt-90:'),
        srcSet: `${u(640, 'h-300:rt-90:')} 1x, ${u(828, 'h-300:rt-90:')} 2x`,
        width: 400,
      },
    ],
    [
      'omits sizes when sizes is empty and width gives x descriptors',
      { path: '/a.jpg', sizes: '', width: 400 },
      { src: u(828), srcSet: `${u(640)} 1x, ${u(828)} 2x`, width: 400 },
    ],
    [
      'builds query-position candidates',
      { path: '/a.jpg?v=1', width: 400, transformationPosition: 'query', queryParameters: { q: 'x' } },
      {
        src: `${D}/a.jpg?v=1&q=x&tr=w-828%2Cc-at_max`,
        srcSet: `${D}/a.jpg?v=1&q=x&tr=w-640%2Cc-at_max 1x, ${D}/a.jpg?v=1&q=x&tr=w-828%2Cc-at_max 2x`,
        width: 400,
      },
    ],
    [
      'builds src candidates in the query',
      { src: `${D}/a.jpg`, width: 400 },
      {
        src: `${D}/a.jpg?tr=w-828%2Cc-at_max`,
        srcSet: `${D}/a.jpg?tr=w-640%2Cc-at_max 1x, ${D}/a.jpg?tr=w-828%2Cc-at_max 2x`,
        width: 400,
      },
    ],
  ]
  it.each(cases)('%s', (_, options, expected) => {
    expect(getResponsiveImageAttributes(config, options)).toStrictEqual(right(expected))
  })

  const errors: readonly (readonly [string, unknown, unknown])[] = [
    ['a number sizes', { path: '/a', sizes: 50 }, left('options.sizes', 'must be a string')],
    ['a zero width', { path: '/a', width: 0 }, left('options.width', 'must be a number above 0')],
    ['a string width', { path: '/a', width: '400' }, left('options.width', 'must be a number above 0')],
    ['an infinite width', { path: '/a', width: Infinity }, left('options.width', 'must be a number above 0')],
    [
      'empty device breakpoints',
      { path: '/a', deviceBreakpoints: [] },
      left('options.deviceBreakpoints', 'must be a non-empty array of widths'),
    ],
    [
      'a fractional device breakpoint',
      { path: '/a', deviceBreakpoints: [640, 1.5] },
      left('options.deviceBreakpoints[1]', 'must be a whole number of pixels above 0'),
    ],
    [
      'a string image breakpoints',
      { path: '/a', imageBreakpoints: '16' },
      left('options.imageBreakpoints', 'must be an array of widths'),
    ],
    [
      'a zero image breakpoint',
      { path: '/a', imageBreakpoints: [0] },
      left('options.imageBreakpoints[0]', 'must be a whole number of pixels above 0'),
    ],
    ['signed: true', { path: '/a', signed: true }, left('options.signed', 'is only accepted by signUrl')],
    ['neither path nor src', {}, left('options.path', 'either path or src is required')],
    ['a bad transformation', { path: '/a', transformation: {} }, trError({})],
  ]
  it.each(errors)('returns a ValidationError for %s', (_, options, expected) => {
    expect(expected).toMatchObject({ _tag: 'Left', left: { _tag: 'ValidationError' } })
    expect(
      getResponsiveImageAttributes(config, options as GetResponsiveImageAttributesOptions),
    ).toStrictEqual(expected)
  })

  it('returns a ValidationError when reading the breakpoints throws', () => {
    const options = Object.defineProperty({ path: '/a' }, 'deviceBreakpoints', {
      get() {
        throw new Error('boom')
      },
    })
    expect(getResponsiveImageAttributes(config, options)).toStrictEqual(left('options', 'could not be read'))
  })
})
