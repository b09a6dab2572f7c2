import { describe, expectTypeOf, it } from 'vitest'
import type { UploadConfig } from './upload'
import { uploadV2, type UploadV2Request } from './uploadV2'

const file = new Uint8Array(1)

describe('uploadV2', () => {
  it('takes no token with a privateKey config, and infers plain object literals', () => {
    uploadV2({ privateKey: 'k' }, { file, fileName: 'a', tags: ['a'], responseFields: ['tags'] })
    // @ts-expect-error a server-side config takes no token
    uploadV2({ privateKey: 'k' }, { file, fileName: 'a', token: 'h.p.s' })
    // @ts-expect-error v1's client-side fields are not v2's
    uploadV2({ privateKey: 'k' }, { file, fileName: 'a', signature: 's' })
  })

  it('requires the token with a config that has no privateKey', () => {
    uploadV2({}, { file, fileName: 'a', token: 'h.p.s' })
    uploadV2({ uploadBaseUrl: 'https://upload.example' }, { file, fileName: 'a', token: 'h.p.s' })
    // @ts-expect-error neither the private key nor a token
    uploadV2({}, { file, fileName: 'a' })
  })

  it('takes either when the config type leaves the private key open', () => {
    expectTypeOf(uploadV2<UploadConfig>)
      .parameter(1)
      .toEqualTypeOf<UploadV2Request>()
    const config: UploadConfig = {}
    uploadV2(config, { file, fileName: 'a' })
    uploadV2(config, { file, fileName: 'a', token: 'h.p.s' })
  })

  it('keeps a misspelt config key a compile error', () => {
    // @ts-expect-error `privatekey` is no UploadConfig key
    uploadV2({ privatekey: 'k' }, { file, fileName: 'a', token: 'h.p.s' })
  })
})
