import fc from 'fast-check'

// Generators shared by the URL differential and property tests.

const chars = (s: string) => fc.constantFrom(...s.split(''))

/** A path segment the official SDKs and buildUrl treat alike (no dot segment, `%`, `?`, `\`). */
export const segment = fc
  .string({ unit: chars('abcXYZ019-_~!$&\'()*+,;=:@ é#"<>{}`'), minLength: 1, maxLength: 8 })
  .filter((s) => s !== '.' && s !== '..')

/** A path starting with `/`, without empty segments, maybe with a trailing `/`. */
export const path = fc
  .tuple(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([segs, slash]) => '/' + segs.join('/') + (slash ? '/' : ''))

/** A path made of characters every SDK leaves unencoded. */
export const plainPath = fc
  .array(fc.string({ unit: chars('abcXYZ019-_~'), minLength: 1, maxLength: 8 }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((segs) => '/' + segs.join('/'))

/** Keys that `imagekit` 6 maps as buildUrl does, for values that are not flags. */
export const CLASSIC_KEYS = [
  'width',
  'height',
  'aspectRatio',
  'quality',
  'crop',
  'cropMode',
  'focus',
  'x',
  'y',
  'format',
  'radius',
  'background',
  'border',
  'rotation',
  'rotate',
  'blur',
  'named',
  'progressive',
  'lossless',
  'metadata',
  'colorProfile',
  'defaultImage',
  'dpr',
  'original',
  'effectSharpen',
  'effectUSM',
  'effectContrast',
  'effectGray',
  'effectShadow',
  'effectGradient',
] as const

const word = (alphabet: string) =>
  fc
    .string({ unit: chars(alphabet), minLength: 1, maxLength: 6 })
    .filter((s) => s.trim() === s && s !== 'true' && s !== 'false')

/** A transformation value: a number, a word, `-` (when `dash`), or null (skipped). */
export const value = (alphabet: string, dash: boolean) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -50, max: 5000 }) },
    { weight: 3, arbitrary: word(alphabet) },
    { weight: 1, arbitrary: dash ? fc.constant('-') : fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(null) },
  )

/** Transformation steps with at least one emitted param each (the classic SDK keeps empty steps). */
export const transformation = (keys: readonly string[], alphabet: string, dash = true) =>
  fc.array(
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...keys), value(alphabet, dash)), {
        minLength: 1,
        maxLength: 4,
        selector: (t) => t[0],
      })
      .filter((entries) => entries.some(([, v]) => v !== null))
      .map((entries) => Object.fromEntries(entries)),
    { maxLength: 3 },
  )

/** Query parameters with distinct keys (never `tr`), values of every accepted type. */
export const queryParameters = fc
  .uniqueArray(
    fc.tuple(
      fc.string({ unit: chars('abkqvz'), minLength: 1, maxLength: 4 }),
      fc.oneof(fc.string({ unit: chars('ab1 &=+%é?#/~!*'), maxLength: 6 }), fc.integer(), fc.boolean()),
    ),
    { maxLength: 3, selector: (t) => t[0] },
  )
  .map((entries) => Object.fromEntries(entries) as Record<string, string | number | boolean>)

export const position = fc.constantFrom(undefined, 'path' as const, 'query' as const)
