// The body of createUrlEndpoint and updateUrlEndpoint (the spec's `UrlEndpointRequest`), read from the
// flat input; only the documented fields are sent (`additionalProperties: false`).
import type { UrlEndpointRequest } from '../model/UrlEndpoint'
import {
  array,
  boolean,
  defined,
  nonEmptyString,
  object,
  oneOf,
  optional,
  text,
  type Field,
} from './validate'

const urlRewriter = /*#__PURE__*/ object((field) => {
  const type = field('type', oneOf(['CLOUDINARY', 'IMGIX', 'AKAMAI'] as const))
  return type === 'CLOUDINARY'
    ? defined({ type, preserveAssetDeliveryTypes: field('preserveAssetDeliveryTypes', optional(boolean)) })
    : { type }
})

/** The URL endpoint body of the input read by `field`. */
export const urlEndpointRequest = <I>(read: Field<I>): UrlEndpointRequest => {
  const field = read as unknown as Field
  return defined({
    description: field('description', text(1, 1000)),
    urlPrefix: field(
      'urlPrefix',
      optional(text(0, 100, [/^[A-Za-z0-9-]*$/, 'may only contain letters, digits and -'])),
    ),
    origins: field('origins', optional(array(nonEmptyString, 0, 10))),
    urlRewriter: field('urlRewriter', optional(urlRewriter)),
  }) as UrlEndpointRequest // the fields read above, `undefined`s left out
}
