// Total validation on hostile sizes (issue 8 §3.3, §3.4): every case is a Left within milliseconds.
import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { buildUrl } from './buildUrl'
import { getResponsiveImageAttributes } from './getResponsiveImageAttributes'
import { signUrl } from './signUrl'
import type { Transformation } from './model/Transformation'

const D = 'https://ik.imagekit.io/demo'
const huge = () => new Array(2 ** 32 - 1) as Transformation[]
const tooMany = (path: string) => ({
  _tag: 'Left',
  left: validationError(path, 'must have at most 1000 steps (it has 4294967295)'),
})
const fast = <A>(run: () => A): A => {
  const started = performance.now()
  const out = run()
  expect(performance.now() - started).toBeLessThan(500)
  return out
}

describe('bounded input', () => {
  it.each([
    ['buildUrl', () => buildUrl({ urlEndpoint: D }, { path: '/a.jpg', transformation: huge() })],
    [
      'signUrl',
      () => signUrl({ urlEndpoint: D, privateKey: 'k' }, { path: '/a.jpg', transformation: huge() }),
    ],
    [
      'getResponsiveImageAttributes',
      () => getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a.jpg', transformation: huge() }),
    ],
  ])('%s refuses a sparse transformation of length 2^32 - 1 at once', (_name, run) =>
    expect(fast(run as () => unknown)).toStrictEqual(tooMany('options.transformation')),
  )

  it('refuses a sparse overlay transformation and streamingResolutions list the same way', () => {
    const overlay = { type: 'image' as const, input: 'o.png', transformation: huge() }
    expect(
      fast(() => buildUrl({ urlEndpoint: D }, { path: '/a', transformation: [{ overlay }] })),
    ).toStrictEqual(tooMany('options.transformation[0].overlay.transformation'))
    const sr = new Array(2 ** 32 - 1) as number[]
    expect(
      fast(() =>
        buildUrl({ urlEndpoint: D }, { path: '/a', transformation: [{ streamingResolutions: sr }] }),
      ),
    ).toStrictEqual({
      _tag: 'Left',
      left: validationError(
        'options.transformation[0].streamingResolutions',
        'must have at most 1000 items (it has 4294967295)',
      ),
    })
  })

  it('getResponsiveImageAttributes takes a sizes with 200,000 vw values (no Math.min(...list) RangeError)', () => {
    const sizes = Array.from({ length: 200_000 }, (_, i) => `(min-width: ${i}px) ${(i % 90) + 10}vw`).join(
      ', ',
    )
    const r = fast(() =>
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

  it('getResponsiveImageAttributes refuses 100,000 breakpoints at once, and sorts 1000 in linearithmic time', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => i + 1)
    expect(
      fast(() => getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a', deviceBreakpoints: many })),
    ).toStrictEqual({
      _tag: 'Left',
      left: validationError('options.deviceBreakpoints', 'must have at most 1000 widths (it has 100000)'),
    })
    const thousand = Array.from({ length: 1000 }, (_, i) => 1000 - (i % 500))
    const r = fast(() =>
      getResponsiveImageAttributes({ urlEndpoint: D }, { path: '/a', deviceBreakpoints: thousand }),
    )
    expect(r._tag === 'Right' && r.right.srcSet.split(', ').length).toBe(500)
  })
})
