import { describe, expectTypeOf, it } from 'vitest'
import type { UploadConfig } from './upload'
import { uploadFromPath, type UploadFromPathRequest } from './uploadFromPath'

const auth = { token: 't', signature: 's', expire: 1 }

describe('uploadFromPath', () => {
  it('takes a server-side request with a privateKey config, and infers plain object literals', () => {
    uploadFromPath({ privateKey: 'k' }, { path: './a.mp4', fileName: 'a.mp4', folder: '/v', tags: ['a'] })
    // @ts-expect-error a server-side config takes no client-side auth fields
    uploadFromPath({ privateKey: 'k' }, { path: './a.mp4', fileName: 'a.mp4', ...auth })
    // @ts-expect-error the path replaces the file
    uploadFromPath({ privateKey: 'k' }, { path: './a.mp4', fileName: 'a.mp4', file: 'aGk=' })
  })

  it('requires token, signature and expire with a config that has no privateKey', () => {
    uploadFromPath({ publicKey: 'p' }, { path: './a.mp4', fileName: 'a.mp4', ...auth })
    // @ts-expect-error neither the private key nor the client-side fields
    uploadFromPath({ publicKey: 'p' }, { path: './a.mp4', fileName: 'a.mp4' })
  })

  it('takes either when the config type leaves the private key open', () => {
    expectTypeOf(uploadFromPath<UploadConfig>)
      .parameter(1)
      .toEqualTypeOf<UploadFromPathRequest>()
    const config: UploadConfig = { privateKey: 'k' }
    uploadFromPath(config, { path: './a.mp4', fileName: 'a.mp4' })
    uploadFromPath(config, { path: './a.mp4', fileName: 'a.mp4', ...auth })
  })

  it('keeps a misspelt config key a compile error', () => {
    // @ts-expect-error `retryUpload` is no UploadConfig key
    uploadFromPath({ privateKey: 'k', retryUpload: true }, { path: './a.mp4', fileName: 'a.mp4' })
  })
})
