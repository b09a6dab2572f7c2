import type { either } from 'fp-ts'
import { describe, expectTypeOf, it } from 'vitest'
import type { ValidationError } from '@imagekit-fp/utils'
import type { GetResponsiveImageAttributesResult } from '@imagekit-fp/url'
import { getResponsiveImageAttributes } from './getResponsiveImageAttributes'

describe('getResponsiveImageAttributes', () => {
  it('names its success value <Fn>Result', () => {
    expectTypeOf(getResponsiveImageAttributes).returns.toEqualTypeOf<
      either.Either<ValidationError, GetResponsiveImageAttributesResult>
    >()
  })
})
