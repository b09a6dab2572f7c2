import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validationError } from '@imagekit-fp/utils'
import { left, right } from '@imagekit-fp/internal'
import { serializeTransformation } from './serializeTransformation'

describe('serializeTransformation', () => {
  const empty: readonly (readonly [string, unknown])[] = [
    ['undefined', undefined],
    ['no steps', []],
    ['one empty step', [{}]],
    ['only null/undefined params', [{ width: null, height: undefined }, null, undefined]],
    ['only false flags', [{ grayscale: false, aiUpscale: '' }]],
  ]
  it.each(empty)('is Right("") for %s', (_, t) =>
    expect(serializeTransformation(t, 'options.transformation')).toStrictEqual(right('')),
  )

  it('names errors from the given path', () =>
    expect(serializeTransformation([{ width: Symbol() }], 'options.transformation')).toStrictEqual(
      left(validationError('options.transformation[0].width', 'must be a string, number or boolean')),
    ))

  it('is a Left at the path for null', () =>
    expect(serializeTransformation(null, 'options.transformation')).toStrictEqual(
      left(validationError('options.transformation', 'must be an array')),
    ))

  it('reads own keys only', () => {
    const step = Object.create({ inherited: 1 }) as Record<string, unknown>
    step['width'] = 1
    expect(serializeTransformation([Object.assign(Object.create(null), { width: 1 })], 't')).toStrictEqual(
      right('w-1'),
    )
    expect(serializeTransformation([step], 't')).toStrictEqual(
      left(validationError('t[0]', 'must be a plain object')),
    )
  })

  it('skips inherited keys of a plain object whose prototype is a null-prototype object', () => {
    const proto = Object.assign(Object.create(null) as object, { inherited: 1 })
    const step = Object.assign(Object.create(proto) as object, { width: 1 })
    expect(serializeTransformation([step], 't')).toStrictEqual(right('w-1'))
  })

  it('treats a JSON __proto__ key as data', () =>
    expect(serializeTransformation(JSON.parse('[{"__proto__":"x","width":1}]'), 't')).toStrictEqual(
      right('__proto__-x,w-1'),
    ))

  it('is a Left when a getter throws a hostile value', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('again')
        },
      },
    )
    const spoof = { _tag: 'ValidationError', path: 5, message: 'x' }
    for (const thrown of [hostile, spoof, null, undefined, 'str']) {
      const step = Object.defineProperty({}, 'width', {
        enumerable: true,
        get: () => {
          throw thrown
        },
      })
      expect(serializeTransformation([step], 't')).toStrictEqual(
        left(validationError('t', 'could not be read')),
      )
    }
  })

  it('is a Left when a proxy trap throws', () => {
    const p = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('no')
        },
      },
    )
    expect(serializeTransformation([p], 't')).toStrictEqual(left(validationError('t', 'could not be read')))
  })

  const isLeftUnderPath = (r: ReturnType<typeof serializeTransformation>): boolean =>
    r._tag === 'Right'
      ? typeof r.right === 'string'
      : r.left._tag === 'ValidationError' &&
        r.left.path.startsWith('transformation') &&
        typeof r.left.message === 'string'

  it('never throws for anything', () =>
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withMap: true,
          withSet: true,
          withTypedArray: true,
          withNullPrototype: true,
          withObjectString: true,
        }),
        (u) => {
          expect(isLeftUnderPath(serializeTransformation(u, 'transformation'))).toBe(true)
          expect(isLeftUnderPath(serializeTransformation([u], 'transformation'))).toBe(true)
        },
      ),
      { numRuns: 500 },
    ))

  const key = fc.oneof(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'overlay',
      'raw',
      'width',
      'streamingResolutions',
      'grayscale',
      'sharpen',
      'trim',
      'defaultImage',
      'type',
      'text',
      'input',
      'color',
      'position',
      'timing',
      'transformation',
      'encoding',
      'x',
      'start',
    ),
    fc.string(),
  )
  const value = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.anything({ maxDepth: 1 }),
      fc.constantFrom(
        'text',
        'image',
        'video',
        'subtitle',
        'solidColor',
        'plain',
        'base64',
        '-',
        'true',
        '',
        true,
        false,
        Symbol('s'),
        () => 1,
        1n,
      ),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(key, tie('v'), { maxKeys: 4 }),
    ),
  })).v
  it('never throws for arbitrary steps, __proto__ keys and symbols included', () =>
    fc.assert(
      fc.property(fc.array(fc.dictionary(key, value, { maxKeys: 6 }), { maxLength: 4 }), (steps) => {
        expect(isLeftUnderPath(serializeTransformation(steps, 'transformation'))).toBe(true)
      }),
      { numRuns: 1000 },
    ))

  it('never throws for overlays with arbitrary fields', () =>
    fc.assert(
      fc.property(
        fc.constantFrom('text', 'image', 'video', 'subtitle', 'solidColor', 'x'),
        fc.dictionary(key, value, { maxKeys: 6 }),
        (type, o) => {
          expect(
            isLeftUnderPath(serializeTransformation([{ overlay: { ...o, type } }], 'transformation')),
          ).toBe(true)
        },
      ),
      { numRuns: 1000 },
    ))
})
