// The one list of config keys (packages/internal) is exactly the keys of every package's config types, so that a new
// config field cannot be forgotten there (it would be refused at run time as "not a known key").
import { describe, expectTypeOf, it } from 'vitest'
import type { CONFIG_KEYS } from '@imagekit-fp/internal'
import type { SignUrlConfig, UrlConfig } from '@imagekit-fp/url'
import type { TransportConfig } from '@imagekit-fp/utils/http'
import type { UploadConfig } from '@imagekit-fp/upload'
import type { MediaConfig } from '@imagekit-fp/media'
import type {
  GetAuthenticationParametersConfig,
  GetUploadTokenConfig,
  VerifyWebhookConfig,
} from '@imagekit-fp/utils'

type AllConfigs =
  | UrlConfig
  | SignUrlConfig
  | TransportConfig
  | UploadConfig
  | MediaConfig
  | GetAuthenticationParametersConfig
  | GetUploadTokenConfig
  | VerifyWebhookConfig

// `keyof` of a union is the common keys only; this distributes over it.
type KeysOf<T> = T extends unknown ? keyof T : never

describe('CONFIG_KEYS', () => {
  it('equals the union of the keys of every config type', () => {
    expectTypeOf<(typeof CONFIG_KEYS)[number]>().toEqualTypeOf<KeysOf<AllConfigs>>()
  })
})
