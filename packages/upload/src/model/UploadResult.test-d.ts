import { describe, expectTypeOf, it } from 'vitest'
import { upload } from '../upload'
import type { UploadAccepted } from './UploadAccepted'
import type { UploadResult } from './UploadResult'

describe('UploadResult', () => {
  it('requires fileId (what identifies the file) and types every other field as optional', () => {
    expectTypeOf<UploadResult['fileId']>().toEqualTypeOf<string>()
    expectTypeOf<UploadResult['size']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<UploadResult['tags']>().toEqualTypeOf<string[] | null | undefined>()
    expectTypeOf<UploadResult['name']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<UploadResult['embeddedMetadata']>().toEqualTypeOf<
      Record<string, unknown> | null | undefined
    >()
    expectTypeOf<NonNullable<UploadResult['AITags']>[number]>().toEqualTypeOf<{
      name?: string
      confidence?: number
      source?: 'google-auto-tagging' | 'aws-auto-tagging' | (string & {})
    }>()
    expectTypeOf<UploadResult['versionInfo']>().toEqualTypeOf<{ id?: string; name?: string } | undefined>()
    expectTypeOf<UploadResult['metadata']>().toEqualTypeOf<Record<string, unknown> | undefined>()
    // @ts-expect-error fileId is required
    const missing: UploadResult = { _tag: 'UploadResult', name: 'a', filePath: '/a', url: 'u' }
    // @ts-expect-error exactOptionalPropertyTypes: an optional field is absent, not undefined
    const undef: UploadResult = { _tag: 'UploadResult', fileId: 'f', size: undefined }
    expectTypeOf(missing).toEqualTypeOf(undef)
  })
})

describe('upload', () => {
  it("gives an UploadResult or an UploadAccepted, told apart with 'fileId' in", async () => {
    const result = await upload({ privateKey: 'k' }, { file: 'aGVsbG8=', fileName: 'a' })()
    if (result._tag === 'Right') {
      expectTypeOf(result.right).toEqualTypeOf<UploadResult | UploadAccepted>()
      if ('fileId' in result.right) expectTypeOf(result.right).toEqualTypeOf<UploadResult>()
      else expectTypeOf(result.right).toEqualTypeOf<UploadAccepted>()
    }
    expectTypeOf<UploadAccepted>().toEqualTypeOf<{ readonly _tag: 'UploadAccepted'; message: string }>()
  })

  it('gives an UploadResult or an UploadAccepted, told apart by _tag', async () => {
    const result = await upload({ privateKey: 'k' }, { file: 'aGVsbG8=', fileName: 'a' })()
    if (result._tag === 'Right') {
      expectTypeOf(result.right._tag).toEqualTypeOf<'UploadResult' | 'UploadAccepted'>()
      if (result.right._tag === 'UploadAccepted') expectTypeOf(result.right).toEqualTypeOf<UploadAccepted>()
      else expectTypeOf(result.right).toEqualTypeOf<UploadResult>()
      switch (result.right._tag) {
        case 'UploadResult':
          expectTypeOf(result.right.fileId).toEqualTypeOf<string>()
          break
        case 'UploadAccepted':
          expectTypeOf(result.right.message).toEqualTypeOf<string>()
          break
        default:
          expectTypeOf(result.right).toEqualTypeOf<never>()
      }
    }
    expectTypeOf<UploadResult['_tag']>().toEqualTypeOf<'UploadResult'>()
    // @ts-expect-error the tag is the SDK's, read-only
    const set = (r: UploadResult) => (r._tag = 'UploadResult')
    expectTypeOf(set).toBeFunction()
  })
})
