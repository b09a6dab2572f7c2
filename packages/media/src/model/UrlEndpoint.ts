import type * as t from 'io-ts'
import { array, laxBoolean, laxString, literal, struct, union } from '@imagekit-fp/utils/codec'

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
export const UrlEndpoint = /*#__PURE__*/ struct('UrlEndpoint', {
  identity: { id: laxString },
  required: { description: laxString, urlPrefix: laxString, origins: /*#__PURE__*/ array(laxString) },
  optional: {
    urlRewriter: /*#__PURE__*/ union('UrlRewriter', 'type', {
      CLOUDINARY: /*#__PURE__*/ struct('CloudinaryRewriter', {
        identity: { type: /*#__PURE__*/ literal('CLOUDINARY') },
        required: { preserveAssetDeliveryTypes: laxBoolean },
      }),
      IMGIX: /*#__PURE__*/ struct('ImgixRewriter', { identity: { type: /*#__PURE__*/ literal('IMGIX') } }),
      AKAMAI: /*#__PURE__*/ struct('AkamaiRewriter', { identity: { type: /*#__PURE__*/ literal('AKAMAI') } }),
    }),
  },
})
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
