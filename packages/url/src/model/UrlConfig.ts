/**
 * Configuration of the URL functions: a readonly data value passed explicitly to each call.
 *
 * @since 0.1.0
 * @category model
 */
export interface UrlConfig {
  /**
   * Your ImageKit URL endpoint, e.g. `https://ik.imagekit.io/your_imagekit_id` (an absolute http(s) URL,
   * with or without a trailing `/`; an optional query is kept).
   */
  readonly urlEndpoint: string
  /**
   * Where the transformation string goes for a `path`: `endpoint/tr:…/path` or `…?tr=…`. An absolute `src`
   * always takes it in the query.
   *
   * @default 'path'
   */
  readonly transformationPosition?: 'path' | 'query'
}
