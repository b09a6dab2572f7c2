// The transport contract shared by @imagekit-fp/upload and @imagekit-fp/media.
// (Implementation: ./request.ts. This file holds only types so that both sides can build against it.)
import type { Decoder } from 'io-ts'
import type { Drift } from '../codec/lax'
import type { DecodeError, HttpError, NetworkError, ValidationError } from '../errors'

/**
 * Retry policy for requests. Retries use exponential backoff with jitter and honour `Retry-After`
 * and `retry-after-ms` (capped by `maxDelay`).
 *
 * @since 0.1.0
 * @category model
 */
export interface RetryOptions {
  /**
   * Attempts after the first one, 0 to 10.
   * @default 2
   */
  readonly limit?: number
  /**
   * Upper bound of one wait between attempts, in milliseconds (a longer `Retry-After` is cut to it).
   * @default 8000
   */
  readonly maxDelay?: number
}

/**
 * What every networked function's config carries. `UploadConfig` and `MediaConfig` extend it.
 *
 * @since 0.1.0
 * @category model
 */
export interface TransportConfig {
  /** Server-side credential; sent as HTTP Basic `base64(privateKey + ":")`, only over https or loopback http. */
  readonly privateKey?: string
  /** @default 'https://api.imagekit.io' */
  readonly apiBaseUrl?: string
  /** @default 'https://upload.imagekit.io' */
  readonly uploadBaseUrl?: string
  /**
   * Per-attempt timeout in milliseconds (integer, 1 to 2^31 - 1), covering the request body, the reply headers
   * and the reply body. Raise it for large uploads on slow links.
   * @default 60000
   */
  readonly timeout?: number
  /**
   * Number of retries (0 to 10), or a policy. Idempotent requests only, unless the request opts in.
   * @default 2
   */
  readonly retry?: number | RetryOptions
  /**
   * Injected `fetch` (tests, Node streaming uploads), passed to ky's `fetch` option; called without a receiver.
   * @default globalThis.fetch
   */
  readonly fetch?: typeof fetch
  /**
   * Injected clock, in milliseconds (reads a `Retry-After` HTTP date).
   * @default Date.now
   */
  readonly now?: () => number
  /**
   * Makes every deviation of a 2xx body from ImageKit's documented contract (an unknown enum value or union
   * variant, an undocumented `null`, a coerced or dropped value, a missing documented field) a `DecodeError`
   * naming its path. For your CI and contract tests; in production leave it off, and a body that can still be
   * typed is a `Right`.
   * @default false
   */
  readonly strictResponses?: boolean
  /**
   * Told of each such deviation when it is forgiven (lax mode): the operation, the path in the body, what was
   * expected, what came and the request id. Errors it throws are ignored. Nothing is logged by default.
   * @default undefined
   */
  readonly onDrift?: (drift: Drift) => void
  /**
   * The most of a 2xx reply body that is read, in bytes (integer, 1 to 268435456 = 256 MiB). A longer body is
   * not read on (it stops an endless body) and is a `DecodeError`; `listAllFiles` then asks for smaller pages.
   * The default fits any page ImageKit sends: a 1,000-item list page with heavy custom metadata passes 17 MiB.
   * Error bodies are read up to 64 KiB.
   * @default 67108864 (64 MiB)
   */
  readonly maxResponseBytes?: number
}

/**
 * The HTTP methods the transport sends.
 *
 * @since 0.1.0
 * @category model
 */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * Bytes sent so far and the total, when the platform can tell.
 *
 * @since 0.1.0
 * @category model
 */
export interface UploadProgress {
  /** Bytes of the body sent so far. */
  readonly loaded: number
  /** Size of the whole body (exact for Blob/bytes, estimated for FormData); absent when unknown. */
  readonly total?: number
}

/**
 * One request, described as data.
 *
 * @since 0.1.0
 * @category model
 */
export interface HttpRequest<A> {
  readonly method: HttpMethod
  /** Which base URL from config the path is resolved against. */
  readonly base: 'api' | 'upload'
  /** Path below the base URL, starting with `/`, without `?` or `#`, e.g. `/v1/files`. Encode ids yourself. */
  readonly path: string
  /** Query parameters, appended in key order; `undefined` values are skipped. */
  readonly searchParams?: Readonly<Record<string, string | number | boolean | undefined>>
  /**
   * A JSON body (sent with `content-type: application/json`). A value JSON would turn into `null` or drop (NaN,
   * Infinity, a function, a symbol, `undefined` in an array) or cannot write (a BigInt) is a ValidationError at its
   * path (`request.json.price`); a cycle or a throwing getter at `request.json`.
   */
  readonly json?: unknown
  /** A raw body (multipart `FormData` for uploads, a `Blob`, bytes, or a `ReadableStream`), passed through. */
  readonly body?: BodyInit
  /**
   * Extra request headers (e.g. the multipart `content-type` of a streamed body). They may replace `accept` and
   * `content-type`; `authorization` cannot be set here (it comes from `auth`).
   */
  readonly headers?: Readonly<Record<string, string>>
  /** `'basic'` sends the private key (required in config); `'none'` sends no Authorization header. */
  readonly auth: 'basic' | 'none'
  /**
   * Codec the 2xx body must satisfy. A 204 or empty body is decoded as `{}`. A 2xx body larger than
   * `config.maxResponseBytes` (64 MiB by default) is not read past that and is a `DecodeError`.
   */
  readonly codec: Decoder<unknown, A>
  /**
   * Codecs for particular 2xx statuses, used instead of `codec` for a reply with that status (upload decodes a
   * `202` differently from a `200`).
   */
  readonly statusCodecs?: Readonly<Record<number, Decoder<unknown, A>>>
  /**
   * Whether the request may be retried. `true`: on connection errors, timeouts, 408, 429 and 5xx. `'unsent'`
   * (a request that must not be repeated once it may have reached the server): only on a 429 and on a
   * connection that never opened (refused, DNS failure, connect timeout), never after a timeout, a broken
   * connection or a 5xx. `false`: never. GET/HEAD/PUT/DELETE default to `true`, POST/PATCH to `false`.
   * A `ReadableStream` body can never be replayed, so such a request is sent once whatever this says.
   */
  readonly idempotent?: boolean | 'unsent'
  /** Aborting it ends the request (and any wait between retries) with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
  /**
   * Called as the body is sent, where the platform can stream request bodies (Node 20+, Deno, Bun; Chromium
   * over HTTP/2). Elsewhere it is never called and the request is sent normally. Errors it throws are ignored.
   */
  readonly onUploadProgress?: (progress: UploadProgress) => void
}

/**
 * A 2xx reply: its status, its headers (names in lower case, repeated headers joined with `", "`) and its
 * body decoded by the request's codec. Callers decide by `status` (upload tells a `202` from a `200`).
 *
 * @since 0.1.0
 * @category model
 */
export interface HttpResponse<A> {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: A
}

/**
 * Every error `request` can return.
 *
 * @since 0.1.0
 * @category errors
 */
export type RequestError = ValidationError | HttpError | NetworkError | DecodeError
