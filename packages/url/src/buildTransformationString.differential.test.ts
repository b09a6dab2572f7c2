import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import ImageKit from 'imagekit'
import { buildTransformationString as j5 } from '@imagekit/javascript'
import { validationError } from '@imagekit-fp/utils'
import { buildTransformationString } from './buildTransformationString'
import { left, right } from '@imagekit-fp/internal'
import { TRANSFORMATION_MAP } from './internal/transformationMap'
import type { Transformation } from './model/Transformation'
import { CLASSIC_KEYS } from './test-support/urlArbitraries'

// Oracles: `@imagekit/javascript` 5.5.1 (J5) has a public buildTransformationString; `imagekit` 6 (N6)
// has none, so its string is read back from the `tr` query parameter of `url()`.
const ik = new ImageKit({ publicKey: 'p', privateKey: 'k', urlEndpoint: 'https://ik.imagekit.io/demo' })
const n6 = (transformation: readonly object[]): string =>
  new URL(
    ik.url({ path: '/a.jpg', transformationPosition: 'query', transformation: transformation as never }),
  ).searchParams.get('tr') ?? ''
const j5s = (t: readonly object[]): string => j5(t as never)

const ours = (t: readonly object[]) => buildTransformationString(t as readonly Transformation[])
const expected = (oracle: string) =>
  oracle === '' ? left(validationError('transformation', 'produces an empty string')) : right(oracle)

const J5_FLAGS = [
  'grayscale',
  'contrastStretch',
  'aiRemoveBackground',
  'aiRemoveBackgroundExternal',
  'aiUpscale',
  'aiRetouch',
  'aiVariation',
]
const J5_OPTIONAL = ['sharpen', 'shadow', 'gradient', 'unsharpMask', 'aiDropShadow']
const J5_SPECIAL = [
  ...J5_FLAGS,
  ...J5_OPTIONAL,
  'defaultImage',
  'fontFamily',
  'streamingResolutions',
  'trim',
  'raw',
]
// Keys J5 maps exactly as we do (ours adds color, rotate and the classic effect* names).
const J5_PLAIN = Object.keys(TRANSFORMATION_MAP).filter(
  (k) => !J5_SPECIAL.includes(k) && k !== 'color' && k !== 'rotate' && !k.startsWith('effect'),
)

// Unknown keys: no `_` (snake twins differ on purpose), not a map key in any case, not a code with a
// special rule (`t`, `di`, …: they follow it in J5 and here, not in N6).
const CODES = new Set(Object.values(TRANSFORMATION_MAP))
const unknownKey = fc
  .stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,8}$/)
  .filter(
    (k) =>
      !(k in TRANSFORMATION_MAP) &&
      !(k.toLowerCase() in TRANSFORMATION_MAP) &&
      !CODES.has(k) &&
      k !== 'overlay',
  )

const text = fc.string({ maxLength: 12 })
const plainValue = fc.oneof(
  text.filter((s) => s !== '-'),
  fc.integer({ min: -5000, max: 5000 }),
  fc.double({ noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
)

const j5Param: fc.Arbitrary<readonly [string, unknown]> = fc.oneof(
  fc.tuple(fc.constantFrom(...J5_PLAIN), plainValue),
  fc.tuple(unknownKey, plainValue),
  fc.tuple(fc.constantFrom(...J5_FLAGS), fc.constantFrom(true, 'true', '-', false, 'false', '', ' ', null)),
  fc.tuple(
    fc.constantFrom(...J5_OPTIONAL),
    fc.oneof(
      fc.constantFrom(true, 'true', '', '  '),
      fc.integer({ min: 0, max: 100 }),
      text.filter((s) => s !== '-' && s !== 'false'),
    ),
  ),
  fc.tuple(fc.constantFrom('defaultImage', 'fontFamily'), fc.stringMatching(/^\/?[a-z/]{0,10}\/?$/)),
  fc.tuple(
    fc.constant('streamingResolutions'),
    fc.oneof(fc.array(fc.constantFrom('240', '360', 480, '1080')), fc.constant('240_360')),
  ),
  fc.tuple(fc.constant('trim'), fc.oneof(fc.constantFrom('', ' ', true), fc.integer({ min: 1, max: 99 }))),
  // J5 drops a whitespace-only nested overlay transformation (`raw: ' '`); we keep raw verbatim.
  fc.tuple(
    fc.constant('raw'),
    text.filter((s) => s.trim() !== ''),
  ),
)

const stepOf = (param: fc.Arbitrary<readonly [string, unknown]>) =>
  fc.array(param, { maxLength: 5 }).map((ps) => Object.fromEntries(ps) as Record<string, unknown>)

const posValue = fc.oneof(
  fc.integer({ min: 1, max: 500 }),
  fc.integer({ min: -500, max: -1 }),
  fc.constantFrom('bw_mul_0.5', 'N10', 'center', undefined, null, ''),
)
const position = fc.record(
  { x: posValue, y: posValue, xCenter: posValue, yCenter: posValue, anchorPoint: posValue, focus: posValue },
  { requiredKeys: [] },
)
const timing = fc.record({ start: posValue, end: posValue, duration: posValue }, { requiredKeys: [] })
const encoding = fc.constantFrom(undefined, 'auto', 'plain', 'base64')
const anyText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }),
  fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }),
)

const overlayOf = (nested: fc.Arbitrary<readonly Record<string, unknown>[]>) =>
  fc
    .tuple(
      fc.oneof(
        fc.record({ type: fc.constant('text'), text: anyText, encoding }),
        fc.record({
          type: fc.constantFrom('image', 'video', 'subtitle'),
          input: fc.oneof(anyText, fc.stringMatching(/^\/?[a-zA-Z0-9 ._/-]{1,12}\/?$/)),
          encoding,
        }),
        fc.record({ type: fc.constant('solidColor'), color: fc.constantFrom('FF0000', 'red', 'AAFF0010') }),
      ),
      fc.record(
        {
          layerMode: fc.constantFrom('multiply', 'cutter', 'cutout', 'displace', ''),
          position,
          timing,
          transformation: nested,
        },
        { requiredKeys: [] },
      ),
    )
    .map(([a, b]) => {
      const o: Record<string, unknown> = { ...a, ...b }
      if (o['encoding'] === undefined) delete o['encoding']
      return o
    })

const j5Steps = fc.letrec((tie) => ({
  steps: fc.array(
    fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      stepOf(j5Param),
      fc
        .tuple(
          stepOf(j5Param),
          overlayOf(tie('steps') as fc.Arbitrary<readonly Record<string, unknown>[]>),
          stepOf(j5Param),
        )
        .map(([a, overlay, b]) => ({ ...a, overlay, ...b })),
    ),
    { maxLength: 3 },
  ),
})).steps as fc.Arbitrary<readonly Record<string, unknown>[]>

// N6 domain: its legacy map, unknown keys, values where "-" is the only special case, no empty steps.
// imagekit@6's own keys (defaultImage is generated below with the values it treats alike) and its effects.
const N6_EFFECTS = CLASSIC_KEYS.filter((k) => k.startsWith('effect'))
const N6_MAP_KEYS = CLASSIC_KEYS.filter((k) => !k.startsWith('effect') && k !== 'defaultImage')
const n6Value = fc.oneof(
  text.filter((s) => s !== ''),
  fc.integer(),
  fc.constant('-'),
)
const n6Param: fc.Arbitrary<readonly [string, unknown]> = fc.oneof(
  fc.tuple(fc.constantFrom(...N6_MAP_KEYS), fc.oneof(n6Value, fc.boolean(), fc.constant(''))),
  fc.tuple(
    unknownKey.filter((k) => !k.includes('_')),
    fc.oneof(n6Value, fc.boolean(), fc.constant('')),
  ),
  fc.tuple(
    fc.constantFrom(...N6_EFFECTS),
    n6Value.filter((v) => v !== 'true' && v !== 'false' && (typeof v !== 'string' || v.trim() !== '')),
  ),
  fc.tuple(
    fc.constant('trim'),
    fc.oneof(fc.integer({ min: 1, max: 99 }), fc.constant(true), fc.constant('-')),
  ),
  fc.tuple(fc.constant('defaultImage'), fc.stringMatching(/^\/?[a-z][a-z/]{0,10}\/?$/)),
  fc.tuple(
    fc.constant('raw'),
    text.filter((s) => s !== '' && s !== '-'),
  ),
)
const n6Steps = fc.array(
  fc
    .array(n6Param, { minLength: 1, maxLength: 5 })
    .map((ps) => Object.fromEntries(ps) as Record<string, unknown>),
  { maxLength: 4 },
)

describe('buildTransformationString (differential)', () => {
  it('agrees with @imagekit/javascript 5.5.1 on generated transformations', () =>
    fc.assert(
      fc.property(j5Steps, (t) => {
        expect(ours(t)).toStrictEqual(expected(j5s(t)))
      }),
      { numRuns: 2000 },
    ))

  it('agrees with imagekit 6 on generated transformations', () =>
    fc.assert(
      fc.property(n6Steps, (t) => {
        expect(ours(t)).toStrictEqual(expected(n6(t)))
      }),
      { numRuns: 2000 },
    ))

  // Each deliberate difference: [title, input, ours, J5, N6].
  const differences: readonly (readonly [string, readonly object[], string, string, string])[] = [
    [
      '"-" on a non-flag key emits the bare code (as N6)',
      [{ width: '-', unsharpMask: '-' }],
      'w,e-usm',
      'w--,e-usm--',
      'w,unsharpMask',
    ],
    [
      'true on a flag emits the bare code (as J5)',
      [{ effectGray: true }],
      'e-grayscale',
      'effectGray-true',
      'e-grayscale-true',
    ],
    [
      'a flag with another value emits code-value',
      [{ contrastStretch: '1', effectContrast: '1' }],
      'e-contrast-1,e-contrast-1',
      'effectContrast-1',
      'contrastStretch-1,e-contrast-1',
    ],
    [
      'false on an optional-value effect emits nothing',
      [{ sharpen: false, effectShadow: 'false', width: 1 }],
      'w-1',
      'e-sharpen-false,effectShadow-false,w-1',
      'sharpen-false,e-shadow-false,w-1',
    ],
    ['empty steps are dropped (as J5)', [{}, { width: 1 }, {}], 'w-1', 'w-1', ':w-1:'],
    [
      'snake_case keys map to their camelCase twin',
      [{ aspect_ratio: '4-3', effect_sharpen: '-' }],
      'ar-4-3,e-sharpen',
      'aspect_ratio-4-3,effect_sharpen--',
      'aspect_ratio-4-3,effect_sharpen',
    ],
    [
      'classic names keep their codes',
      [{ rotate: 90, effectUSM: 2 }],
      'rt-90,e-usm-2',
      'rotate-90,effectUSM-2',
      'rt-90,e-usm-2',
    ],
    ['subtitle color maps to co', [{ color: 'red' }], 'co-red', 'color-red', 'color-red'],
    [
      'the current map is used (N6 only knows the legacy one)',
      [{ density: 300, fontFamily: 'a/b', streamingResolutions: ['240', '360'], grayscale: true }],
      'dn-300,ff-a@@b,sr-240_360,e-grayscale',
      'dn-300,ff-a@@b,sr-240_360,e-grayscale',
      'density-300,fontFamily-a/b,streamingResolutions-240,360,grayscale-true',
    ],
    ['trim "" is t-true (as J5)', [{ trim: '' }], 't-true', 't-true', 't-'],
    ['raw "-" stays verbatim', [{ raw: '-' }], '-', '-', 'raw'],
    [
      'a blank raw in a nested overlay transformation stays verbatim',
      [{ overlay: { type: 'text', text: 'a', transformation: [{ raw: ' ' }] } }],
      'l-text,i-a, ,l-end',
      'l-text,i-a,l-end',
      'overlay-[object Object]',
    ],
    ['an empty raw is dropped', [{ width: 1, raw: '' }], 'w-1', 'w-1,', 'w-1,'],
    ['an empty key is dropped (as J5)', [{ '': 'x', width: 1 }], 'w-1', 'w-1', '-x,w-1'],
    [
      'overlay x/y of 0 are emitted',
      [{ overlay: { type: 'image', input: 'a.png', position: { x: 0, y: 0 }, timing: { start: 0 } } }],
      'l-image,i-a.png,lx-0,ly-0,lso-0,l-end',
      'l-image,i-a.png,l-end',
      'overlay-[object Object]',
    ],
  ]
  it.each(differences)('differs on purpose: %s', (_, t, mine, fromJ5, fromN6) => {
    expect({ ours: ours(t), j5: j5s(t), n6: n6(t) }).toStrictEqual({
      ours: right(mine),
      j5: fromJ5,
      n6: fromN6,
    })
  })

  const leftDifferences: readonly (readonly [string, readonly object[], string, string, string, string])[] = [
    [
      'an empty result is a Left',
      [{}, { width: null }],
      'transformation',
      'produces an empty string',
      '',
      ':',
    ],
    [
      'a missing overlay text is a Left (J5 drops the overlay)',
      [{ width: 1, overlay: { type: 'text' } }],
      'transformation[0].overlay.text',
      'must be a non-empty string',
      'w-1',
      'w-1,overlay-[object Object]',
    ],
    [
      'a missing overlay input is a Left',
      [{ overlay: { type: 'image', input: '' } }],
      'transformation[0].overlay.input',
      'must be a non-empty string',
      '',
      'overlay-[object Object]',
    ],
    [
      'a missing solid colour is a Left',
      [{ overlay: { type: 'solidColor' } }],
      'transformation[0].overlay.color',
      'must be a non-empty string',
      '',
      'overlay-[object Object]',
    ],
    [
      'an unknown overlay type is a Left',
      [{ overlay: { type: 'gif', input: 'a' } }],
      'transformation[0].overlay.type',
      'must be text, image, video, subtitle or solidColor',
      'l-end',
      'overlay-[object Object]',
    ],
    [
      'an object value is a Left',
      [{ width: { a: 1 } }],
      'transformation[0].width',
      'must be a string, number or boolean',
      'w-[object Object]',
      'w-[object Object]',
    ],
  ]
  it.each(leftDifferences)('differs on purpose: %s', (_, t, path, message, fromJ5, fromN6) => {
    expect({ ours: ours(t), j5: j5s(t), n6: n6(t) }).toStrictEqual({
      ours: left(validationError(path, message)),
      j5: fromJ5,
      n6: fromN6,
    })
  })

  it('differs on purpose: a numeric defaultImage prints (J5 throws)', () => {
    expect(ours([{ defaultImage: 5 }])).toStrictEqual(right('di-5'))
    expect(() => j5s([{ defaultImage: 5 }])).toThrow(TypeError)
  })
})
