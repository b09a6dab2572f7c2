import * as t from 'io-ts'

/**
 * A URL endpoint as the API returns it: `id` (`default` for the account's first endpoint), `description`,
 * `urlPrefix`, the `origins` it tries in order, and its `urlRewriter` if any (`CLOUDINARY` with
 * `preserveAssetDeliveryTypes`, `IMGIX`, `AKAMAI`).
 *
 * @example
 * import { UrlEndpoint } from '@imagekit-fp/media'
 *
 * UrlEndpoint.is({ id: 'default', description: 'Default', urlPrefix: '', origins: [] }) // true
 * @since 0.1.0
 * @category codecs
 */
export const UrlEndpoint = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({
      id: t.string,
      description: t.string,
      urlPrefix: t.string,
      origins: /*#__PURE__*/ t.array(t.string),
    }),
    /*#__PURE__*/ t.partial({
      urlRewriter: /*#__PURE__*/ t.union([
        /*#__PURE__*/ t.type({
          type: /*#__PURE__*/ t.literal('CLOUDINARY'),
          preserveAssetDeliveryTypes: t.boolean,
        }),
        /*#__PURE__*/ t.type({ type: /*#__PURE__*/ t.keyof({ IMGIX: null, AKAMAI: null }) }),
      ]),
    }),
  ],
  'UrlEndpoint',
)
/**
 * @since 0.1.0
 * @category model
 */
export type UrlEndpoint = t.TypeOf<typeof UrlEndpoint>

/**
 * The body that creates or replaces a URL endpoint (the spec's `UrlEndpointRequest`).
 *
 * @example
 * import type { UrlEndpointRequest } from '@imagekit-fp/media'
 *
 * const endpoint: UrlEndpointRequest = { description: 'Products', urlPrefix: 'product-images', origins: ['origin-id-1'] }
 * @since 0.1.0
 * @category model
 */
export interface UrlEndpointRequest {
  /** 1 to 1000 characters. */
  readonly description: string
  /** The path segment after the account's base URL: letters, digits and `-`, at most 100. @default '' */
  readonly urlPrefix?: string
  /** Up to 10 origin ids, tried in this order when a file is not in the media library. @default [] */
  readonly origins?: readonly string[]
  /** Rewrites another provider's URLs into ImageKit's. */
  readonly urlRewriter?:
    | { readonly type: 'CLOUDINARY'; readonly preserveAssetDeliveryTypes?: boolean }
    | { readonly type: 'IMGIX' }
    | { readonly type: 'AKAMAI' }
}
