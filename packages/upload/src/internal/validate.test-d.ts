import { describe, expectTypeOf, it } from 'vitest'
import type { UPLOAD_FIELDS } from '@imagekit-fp/internal'
import type { GetUploadTokenOptions } from '@imagekit-fp/utils'
import type { UploadOptions } from '../model/UploadRequest'

describe('upload field table', () => {
  it('has one row per UploadOptions field, no more (a field missing from it no longer becomes a boolean check)', () => {
    expectTypeOf<keyof typeof UPLOAD_FIELDS>().toEqualTypeOf<keyof UploadOptions>()
  })

  it('is the table of the parameters getUploadToken signs (all of them but fileName and expire)', () => {
    expectTypeOf<keyof typeof UPLOAD_FIELDS>().toEqualTypeOf<
      Exclude<keyof GetUploadTokenOptions, 'fileName' | 'expire'>
    >()
  })
})
