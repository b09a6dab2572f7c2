// The transport contract shared by @imagekit-fp/upload and @imagekit-fp/media.
// (Implementation: ./request.ts. This file holds only types so that both sides can build against it.)
import type { Decoder } from 'io-ts'

/**
 * Retry policy for requests. Retries use exponential backoff with jitter and honour `Retry-After`
 * and `retry-after-ms`.
 */
export interface RetryOptions {
  /** Attempts after the first one. @default 2 */
  readonly limit?: number
  /** Upper bound of one wait, in milliseconds. @default 8000 */
  readonly maxDelay?: number
}

/**
 * What every networked function's config carries (DESIGN §3). `UploadConfig` and `MediaConfig` extend it.
 */
export interface TransportConfig {
  /** Server-side credential; sent as HTTP Basic `base64(privateKey + ":")`, only over https or loopback http. */
  readonly privateKey?: string
  /** @default 'https://api.imagekit.io' */
  readonly apiBaseUrl?: string
  /** @default 'https://upload.imagekit.io' */
  readonly uploadBaseUrl?: string
  /** Per-attempt timeout in milliseconds. @default 60000 */
  readonly timeout?: number
  /** Number of retries, or a policy. Idempotent requests only, unless the request opts in. @default 2 */
  readonly retry?: number | RetryOptions
  /** Injected `fetch` (tests, Node streaming uploads). @default globalThis.fetch */
  readonly fetch?: typeof fetch
  /** Injected clock, in milliseconds. @default Date.now */
  readonly now?: () => number
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Bytes sent so far and the total, when the platform can tell. */
export interface UploadProgress {
  readonly loaded: number
  readonly total?: number
}

/** One request, described as data. */
export interface HttpRequest<A> {
  readonly method: HttpMethod
  /** Which base URL from config the path is resolved against. */
  readonly base: 'api' | 'upload'
  /** Path below the base URL, e.g. `/v1/files`. */
  readonly path: string
  readonly searchParams?: Readonly<Record<string, string | number | boolean | undefined>>
  /** A JSON body (sent with `content-type: application/json`). */
  readonly json?: unknown
  /** A raw body (multipart `FormData` for uploads). */
  readonly body?: BodyInit
  /** `'basic'` sends the private key (required in config); `'none'` sends no Authorization header. */
  readonly auth: 'basic' | 'none'
  /** Codec the 2xx body must satisfy. A 204 or empty body is decoded as `{}`. */
  readonly codec: Decoder<unknown, A>
  /** GET/PUT/DELETE are idempotent by default; POST and PATCH are not, unless this is `true`. */
  readonly idempotent?: boolean
  readonly signal?: AbortSignal
  readonly onUploadProgress?: (progress: UploadProgress) => void
}
