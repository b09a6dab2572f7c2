// Total validation on hostile sizes (lengths and hostile values): every case is a Left, refused by its length (no element
// read) or in a pass that ends (test/support/bounds.ts: no wall-clock thresholds).
import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { buildUrl } from './buildUrl'
import { getResponsiveImageAttributes } from './getResponsiveImageAttributes'
import { signUrl } from './signUrl'
import type { Transformation } from './model/Transformation'
import { finishes, untouchable } from '../../../test/support/bounds'

const D = 'https://ik.imagekit.io/demo'
const tooMany = (path: string) => ({
  _tag: 'Left',
  left: validationError(path, 'must have at most 1000 steps (it has 4294967295)'),
})
/** Runs `run` with a sparse transformation list of length 2^32 - 1, and checks that no step of it was read. */
const withHuge = <A>(run: (huge: Transformation[]) => A): A => {
  const huge = untouchable<Transformation>()
  const out = run(huge.array)
  expect(huge.touched()).toBe(0)
  return out
}

describe('bounded input', () => {
  it.each([
    [
      'buildUrl',
      (huge: Transformation[]) => buildUrl({ urlEndpoint: D }, { path: '/a.jpg', transformation: huge }),
    ],
    [
      'signUrl',
      (huge: Transformation[]) =>
        signUrl({ urlEndpoint: D, privateKey: 'k' }, { path: '/a.jpg', transformation: huge }),
    ],
    [
      'getResponsiveImageAttributes',
      (huge: Transformation[]) =>
        getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a.jpg', transformation: huge }),
    ],
  ])('%s refuses a sparse transformation of length 2^32 - 1 at once (no step read)', (_name, run) =>
    expect(withHuge(run as (huge: Transformation[]) => unknown)).toStrictEqual(
      tooMany('options.transformation'),
    ),
  )

  it('refuses a sparse overlay transformation and streamingResolutions list the same way', () => {
    expect(
      withHuge((huge) =>
        buildUrl(
          { urlEndpoint: D },
          {
            path: '/a',
            transformation: [{ overlay: { type: 'image', input: 'o.png', transformation: huge } }],
          },
        ),
      ),
    ).toStrictEqual(tooMany('options.transformation[0].overlay.transformation'))
    const sr = untouchable<number>()
    expect(
      buildUrl({ urlEndpoint: D }, { path: '/a', transformation: [{ streamingResolutions: sr.array }] }),
    ).toStrictEqual({
      _tag: 'Left',
      left: validationError(
        'options.transformation[0].streamingResolutions',
        'must have at most 1000 items (it has 4294967295)',
      ),
    })
    expect(sr.touched()).toBe(0)
  })

  it('getResponsiveImageAttributes takes a sizes with 200,000 vw values (no Math.min(...list) RangeError)', () => {
    const sizes = Array.from({ length: 200_000 }, (_, i) => `(min-width: ${i}px) ${(i % 90) + 10}vw`).join(
      ', ',
    )
    const r = finishes(() =>
      getResponsiveImageAttributes(
        { urlEndpoint: D },
        { path: '/a.jpg', sizes, deviceBreakpoints: [1000], imageBreakpoints: [50, 100, 200] },
      ),
    )
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        src: `${D}/tr:w-1000,c-at_max/a.jpg`,
        srcSet: `${D}/tr:w-100,c-at_max/a.jpg 100w, ${D}/tr:w-200,c-at_max/a.jpg 200w, ${D}/tr:w-1000,c-at_max/a.jpg 1000w`,
        sizes,
      },
    })
  })

  it('getResponsiveImageAttributes refuses 100,000 breakpoints at once (none read), and sorts 1000', () => {
    const many = untouchable<number>(100_000)
    expect(
      getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a', deviceBreakpoints: many.array }),
    ).toStrictEqual({
      _tag: 'Left',
      left: validationError('options.deviceBreakpoints', 'must have at most 1000 widths (it has 100000)'),
    })
    expect(many.touched()).toBe(0)
    const thousand = Array.from({ length: 1000 }, (_, i) => 1000 - (i % 500))
    const r = finishes(() =>
      getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a', deviceBreakpoints: thousand }),
    )
    expect(r._tag === 'Right' && r.right.srcSet.split(', ').length).toBe(500)
  })
})
