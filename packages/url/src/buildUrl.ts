import type { either } from 'fp-ts'
import type { ValidationError } from '@imagekit-fp/utils'
import type { Transformation } from './model/Transformation'
import type { UrlConfig } from './model/UrlConfig'
import { right } from '@imagekit-fp/internal'
import { emitUrl, refuseSigning, resolveTarget } from './internal/urlTarget'

/**
 * What to build: one image (`path` or `src`) and how to transform it.
 *
 * @since 0.1.0
 * @category model
 */
export interface BuildUrlOptions {
  /**
   * The file path under the endpoint, e.g. `/default-image.jpg`. Duplicate slashes collapse; it is
   * percent-encoded like a WHATWG pathname (`'` and existing `%XX` kept); a `?` starts its query.
   * Takes precedence over `src`.
   */
  readonly path?: string
  /**
   * A complete `http(s)` URL of the image; its transformations always go to the query. A `src` that is
   * not absolute is treated as a `path`.
   */
  readonly src?: string
  /** Overrides `config.urlEndpoint` for this call. */
  readonly urlEndpoint?: string
  /** Transformation steps, chained with `:` in this order. */
  readonly transformation?: readonly Transformation[]
  /**
   * Overrides `config.transformationPosition` for this call.
   *
   * @default 'path'
   */
  readonly transformationPosition?: 'path' | 'query'
  /**
   * Extra query parameters, form-encoded and added after any query already in `src`/`path`/the endpoint
   * (duplicates are kept, nothing is overwritten). `null` and `undefined` values are skipped; numbers and
   * booleans are printed with `String()`. `tr` always comes after them.
   */
  readonly queryParameters?: Readonly<Record<string, string | number | boolean | null | undefined>>
}

/**
 * Builds an (unsigned) ImageKit URL for a path or a full URL, with transformations in the path or the query.
 *
 * @param config - `urlEndpoint` and the default `transformationPosition`.
 * @param options - `path` or `src`, `transformation`, `queryParameters`, per-call overrides.
 * @returns `Right` with the URL, or `Left<ValidationError>` whose `path` names the field: a missing or
 *   malformed endpoint, neither `path` nor `src`, an unknown `transformationPosition`, a bad query
 *   parameter or transformation value, or `signed`/`expireSeconds` (buildUrl never signs: use `signUrl`).
 * @example
 * import { buildUrl } from '@imagekit-fp/url'
 *
 * buildUrl(
 *   { urlEndpoint: 'https://ik.imagekit.io/your_imagekit_id/endpoint/' },
 *   { path: '/default-image.jpg', transformation: [{ height: '300', width: '400' }] },
 * )
 * // { _tag: 'Right', right: 'https://ik.imagekit.io/your_imagekit_id/endpoint/tr:h-300,w-400/default-image.jpg' }
 * @since 0.1.0
 * @category url
 */
export const buildUrl = (
  config: UrlConfig,
  options: BuildUrlOptions,
): either.Either<ValidationError, string> => {
  const r = resolveTarget(config, options, refuseSigning)
  return r._tag === 'Left' ? r : right(emitUrl(r.right))
}
