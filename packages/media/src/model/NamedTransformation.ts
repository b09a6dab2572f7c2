import type * as t from 'io-ts'
import { laxBoolean, laxString, struct } from '@imagekit-fp/utils/codec'

/**
 * A named transformation: a short `name` for a `transformation` string, used in URLs as `tr:n-<name>`.
 * Not in the spec file; the fields are those of `@imagekit/nodejs` 7.11 (`Shared.NamedTransformation`),
 * all required there and here.
 *
 * @example
 * import { NamedTransformation } from '@imagekit-fp/media'
 *
 * NamedTransformation.is({ id: '6bZ9x2ZUx', name: 'thumb', transformation: 'w-150,h-150', enabled: true, createdAt: '2025-01-01T00:00:00.000Z' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const NamedTransformation = /*#__PURE__*/ struct('NamedTransformation', {
  identity: { id: laxString },
  required: { name: laxString, transformation: laxString, enabled: laxBoolean, createdAt: laxString },
})
/**
 * @since 0.1.0
 * @category model
 */
export type NamedTransformation = t.TypeOf<typeof NamedTransformation>
