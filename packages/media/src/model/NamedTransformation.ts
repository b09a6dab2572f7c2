import * as t from 'io-ts'

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
export const NamedTransformation = /*#__PURE__*/ t.type(
  { id: t.string, name: t.string, transformation: t.string, enabled: t.boolean, createdAt: t.string },
  'NamedTransformation',
)
/**
 * @since 0.1.0
 * @category model
 */
export type NamedTransformation = t.TypeOf<typeof NamedTransformation>
