import type { either } from 'fp-ts'
import { describe, expectTypeOf, it } from 'vitest'
import type { GetAuthenticationParametersResult, ValidationError } from '@imagekit-fp/utils'
import { getAuthenticationParameters } from './getAuthenticationParameters'

describe('getAuthenticationParameters', () => {
  it('names its success value <Fn>Result', () => {
    expectTypeOf(getAuthenticationParameters).returns.toEqualTypeOf<
      either.Either<ValidationError, GetAuthenticationParametersResult>
    >()
  })
})
