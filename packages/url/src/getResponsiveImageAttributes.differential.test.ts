import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { getResponsiveImageAttributes as j5 } from '@imagekit/javascript'
import { getResponsiveImageAttributes } from './getResponsiveImageAttributes'
import { CLASSIC_KEYS, plainPath, queryParameters, transformation } from './test-support/urlArbitraries'

// Oracle: `@imagekit/javascript` 5.5.1. It writes a query `tr` raw, so ours is compared decoded; its
// breakpoints are not de-duplicated, so the generated lists have distinct widths.

const KEYS = CLASSIC_KEYS.slice(0, 24).filter((k) => k !== 'rotate' && k !== 'defaultImage')
const rawTr = (url: string) =>
  url.replace(/([?&]tr=)([^&\s]*)/g, (_, p: string, v: string) => p + decodeURIComponent(v))
const widths = fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 6 })
const sizes = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('100vw', '(min-width: 768px) 50vw, 33vw', '(max-width: 600px) 600px', 'calc(5vw + 1px)'),
  fc
    .tuple(fc.integer({ min: 1, max: 199 }), fc.integer({ min: 1, max: 199 }))
    .map(([a, b]) => `(min-width: 900px) ${a}vw, ${b}vw`),
)

describe('getResponsiveImageAttributes against @imagekit/javascript', () => {
  it('gives the same src, srcSet, sizes and width', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('https://ik.imagekit.io/demo', 'https://ik.imagekit.io/demo/'),
        plainPath,
        transformation(KEYS, 'abcXYZ019_.', false),
        queryParameters,
        fc.constantFrom('path' as const, 'query' as const),
        sizes,
        fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined }),
        fc.option(
          widths.filter((w) => w.length > 0),
          { nil: undefined },
        ),
        fc.option(widths, { nil: undefined }),
        (urlEndpoint, src, t, q, pos, s, width, device, image) => {
          const common = {
            transformation: t,
            queryParameters: q,
            transformationPosition: pos,
            ...(s === undefined ? {} : { sizes: s }),
            ...(width === undefined ? {} : { width }),
            ...(device === undefined ? {} : { deviceBreakpoints: device }),
            ...(image === undefined ? {} : { imageBreakpoints: image }),
          }
          const theirs = j5({ urlEndpoint, src, ...common } as Parameters<typeof j5>[0])
          // Distinct lists only (J5 repeats a width present in both), and a non-empty srcSet (see below).
          const all = [
            ...(device ?? [640, 750, 828, 1080, 1200, 1920, 2048, 3840]),
            ...(image ?? [16, 32, 48, 64, 96, 128, 256, 384]),
          ]
          fc.pre(new Set(all).size === all.length && theirs.srcSet !== undefined)
          const ours = getResponsiveImageAttributes({ urlEndpoint }, { path: src, ...common })
          expect(ours._tag).toBe('Right')
          if (ours._tag !== 'Right') return
          expect({
            ...ours.right,
            src: rawTr(ours.right.src),
            srcSet: rawTr(ours.right.srcSet),
          }).toStrictEqual(theirs)
        },
      ),
      { numRuns: 300 },
    )
  })

  describe('deliberate differences', () => {
    const D = 'https://ik.imagekit.io/demo'
    it('keeps the widest candidate where a vw share above 100 leaves @imagekit/javascript with no srcSet', () => {
      const opts = { sizes: '150vw', deviceBreakpoints: [640], transformationPosition: 'path' as const }
      expect(getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a.jpg', ...opts })).toStrictEqual({
        _tag: 'Right',
        right: {
          src: `${D}/tr:w-640,c-at_max/a.jpg`,
          srcSet: `${D}/tr:w-640,c-at_max/a.jpg 640w`,
          sizes: '150vw',
        },
      })
      expect(j5({ urlEndpoint: D, src: '/a.jpg', ...opts })).toStrictEqual({
        src: `${D}/tr:c-at_max/a.jpg`,
        srcSet: undefined,
        sizes: '150vw',
      })
    })

    it('de-duplicates breakpoints', () => {
      const opts = {
        deviceBreakpoints: [100, 100],
        imageBreakpoints: [],
        transformationPosition: 'path' as const,
      }
      expect(getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a.jpg', ...opts })).toStrictEqual({
        _tag: 'Right',
        right: {
          src: `${D}/tr:w-100,c-at_max/a.jpg`,
          srcSet: `${D}/tr:w-100,c-at_max/a.jpg 100w`,
          sizes: '100vw',
        },
      })
      expect(j5({ urlEndpoint: D, src: '/a.jpg', ...opts }).srcSet).toBe(
        `${D}/tr:w-100,c-at_max/a.jpg 100w, ${D}/tr:w-100,c-at_max/a.jpg 100w`,
      )
    })

    it('defaults to the path position (@imagekit/javascript defaults to query)', () => {
      const ours = getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a.jpg', width: 2000 })
      expect(ours).toStrictEqual({
        _tag: 'Right',
        right: {
          src: `${D}/tr:w-3840,c-at_max/a.jpg`,
          srcSet: `${D}/tr:w-2048,c-at_max/a.jpg 1x, ${D}/tr:w-3840,c-at_max/a.jpg 2x`,
          width: 2000,
        },
      })
      expect(j5({ urlEndpoint: D, src: '/a.jpg', width: 2000 }).src).toBe(`${D}/a.jpg?tr=w-3840,c-at_max`)
    })
  })
})
