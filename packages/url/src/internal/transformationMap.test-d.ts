import { describe, expectTypeOf, it } from 'vitest'
import type { Transformation } from '../model/Transformation'
import type { MapKeys, SpecKeys } from './transformationMap'

describe('transformation map and Transformation type', () => {
  it('reads the keys of a SPEC string', () => {
    expectTypeOf<SpecKeys<'width aspectRatio dpr:dpr grayscale:1grayscale'>>().toEqualTypeOf<
      'width' | 'aspectRatio' | 'dpr' | 'grayscale'
    >()
  })

  it('holds exactly the keys of Transformation, overlay aside (a key added to one alone does not compile)', () => {
    expectTypeOf<MapKeys | 'overlay'>().toEqualTypeOf<keyof Transformation>()
  })
})
