import { describe, expectTypeOf, it } from 'vitest'
import type {
  ClientUploadRequest,
  ServerUploadRequest,
  UploadRequest,
  UploadRequestFor,
} from './UploadRequest'

const file = new Uint8Array(1)

describe('UploadRequest', () => {
  it('refuses client-side auth fields next to a server-side request', () => {
    const server: ServerUploadRequest = { file, fileName: 'a' }
    // @ts-expect-error a server-side request carries no token
    const both: ServerUploadRequest = { file, fileName: 'a', token: 't' }
    expectTypeOf([server, both]).toMatchTypeOf<UploadRequest[]>()
  })

  it('needs every client-side field together', () => {
    const ok: ClientUploadRequest = { file, fileName: 'a', token: 't', signature: 's', expire: 1 }
    // @ts-expect-error a client-side request needs its signature and expire
    const partial: ClientUploadRequest = { file, fileName: 'a', token: 't' }
    expectTypeOf([ok, partial]).toMatchTypeOf<UploadRequest[]>()
  })

  it('makes "neither privateKey nor the client-side fields" a compile error, given the config type', () => {
    expectTypeOf<UploadRequestFor<{ readonly privateKey: string }>>().toEqualTypeOf<ServerUploadRequest>()
    expectTypeOf<UploadRequestFor<{ readonly fetch: typeof fetch }>>().toEqualTypeOf<ClientUploadRequest>()
    expectTypeOf<UploadRequestFor<{ readonly privateKey?: string }>>().toEqualTypeOf<UploadRequest>()
    // @ts-expect-error no privateKey in the config and no client-side fields in the request
    const neither: UploadRequestFor<{ readonly fetch: typeof fetch }> = { file, fileName: 'a' }
    expectTypeOf(neither).toMatchTypeOf<UploadRequest>()
  })

  it('names the progress callback as the transport and ky do', () => {
    expectTypeOf<UploadRequest['onUploadProgress']>().toEqualTypeOf<
      ((progress: { readonly loaded: number; readonly total?: number }) => void) | undefined
    >()
  })
})
