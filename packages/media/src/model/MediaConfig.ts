import type { DecodeError, HttpError, NetworkError, ValidationError } from '@imagekit-fp/utils'
import type { TransportConfig } from '@imagekit-fp/utils/http'

/**
 * Config for every media function: the private key and the transport settings. A plain
 * readonly value; the only functions in it are the injected `fetch`, `now` and `onDrift`.
 *
 * @example
 * import type { MediaConfig } from '@imagekit-fp/media'
 *
 * const config: MediaConfig = { privateKey: process.env.IMAGEKIT_PRIVATE_KEY ?? '', timeout: 30_000, retry: 3 }
 * @since 0.1.0
 * @category model
 */
export type MediaConfig = Pick<
  TransportConfig,
  | 'privateKey'
  | 'apiBaseUrl'
  | 'timeout'
  | 'retry'
  | 'fetch'
  | 'now'
  | 'maxResponseBytes'
  | 'strictResponses'
  | 'onDrift'
>

/**
 * Everything a media function can fail with: `ValidationError` (bad config or input, nothing sent),
 * `HttpError` (ImageKit's `message` and `help`), `NetworkError`, `DecodeError` (a 2xx reply that does not
 * match its codec).
 *
 * @example
 * import type { MediaError } from '@imagekit-fp/media'
 *
 * const describe = (e: MediaError): string => `${e._tag}: ${e.message}`
 * @since 0.1.0
 * @category errors
 */
export type MediaError = ValidationError | HttpError | NetworkError | DecodeError
