import { describe, expectTypeOf, it } from 'vitest'
import { upload, type UploadConfig } from './upload'
import type { ClientUploadRequest, ServerUploadRequest, UploadRequest } from './model/UploadRequest'

const file = new Uint8Array(1)
const auth = { token: 't', signature: 's', expire: 1 }

describe('upload', () => {
  it('takes a server-side request with a privateKey config and infers plain object literals', () => {
    expectTypeOf(upload<{ readonly privateKey: string }>)
      .parameter(1)
      .toEqualTypeOf<ServerUploadRequest>()
    // literal unions and nested shapes are still checked and inferred from the request literal alone
    upload(
      { privateKey: 'k', timeout: 5_000 },
      {
        file,
        fileName: 'a.jpg',
        tags: ['a'],
        responseFields: ['tags', 'metadata'],
        extensions: [{ name: 'remove-bg', options: { add_shadow: true } }],
        transformation: { post: [{ type: 'abs', value: 'sr-240_360', protocol: 'hls' }] },
      },
    )
    // @ts-expect-error a response field that does not exist
    upload({ privateKey: 'k' }, { file, fileName: 'a', responseFields: ['nope'] })
    // @ts-expect-error a misspelt option is still an excess property
    upload({ privateKey: 'k' }, { file, fileName: 'a', tgs: ['a'] })
  })

  it('refuses client-side auth fields next to a privateKey config', () => {
    // @ts-expect-error a server-side config takes no token, signature or expire
    upload({ privateKey: 'k' }, { file, fileName: 'a', ...auth })
    // @ts-expect-error not even one of them
    upload({ privateKey: 'k' }, { file, fileName: 'a', expire: 1 })
  })

  it('requires token, signature and expire with a config that has no privateKey', () => {
    expectTypeOf(upload<{ readonly publicKey: string }>)
      .parameter(1)
      .toEqualTypeOf<ClientUploadRequest>()
    upload({ publicKey: 'p' }, { file, fileName: 'a', ...auth })
    upload({}, { file, fileName: 'a', publicKey: 'p', ...auth })
    // @ts-expect-error neither the private key nor the client-side fields
    upload({ publicKey: 'p' }, { file, fileName: 'a' })
    // @ts-expect-error the signature and expire are missing
    upload({ publicKey: 'p' }, { file, fileName: 'a', token: 't' })
    // @ts-expect-error expire is a number of seconds
    upload({}, { file, fileName: 'a', ...auth, expire: '1' })
  })

  it('takes either request when the config type leaves the private key open', () => {
    const config: UploadConfig = { privateKey: 'k' }
    expectTypeOf(upload<UploadConfig>)
      .parameter(1)
      .toEqualTypeOf<UploadRequest>()
    upload(config, { file, fileName: 'a' })
    upload(config, { file, fileName: 'a', ...auth })
  })

  it('keeps a misspelt config key a compile error', () => {
    // @ts-expect-error `timout` is no UploadConfig key
    upload({ privateKey: 'k', timout: 5 }, { file, fileName: 'a' })
    // @ts-expect-error a config field of the wrong type
    upload({ privateKey: 'k', retryUploads: 'yes' }, { file, fileName: 'a' })
  })
})
