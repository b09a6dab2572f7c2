import { describe, expectTypeOf, it } from 'vitest'
import type { UploadOptions } from '../model/UploadRequest'
import type { ENCODE } from './validate'

describe('upload field table', () => {
  it('has one row per UploadOptions field, no more (a field missing from it no longer becomes a boolean check)', () => {
    expectTypeOf<keyof typeof ENCODE>().toEqualTypeOf<keyof UploadOptions>()
  })
})
