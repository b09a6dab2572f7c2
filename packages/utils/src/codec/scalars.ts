// The scalar lax codecs: strings, numbers and booleans that coerce only without loss (`"300"` → `300`, never
// `"1e400"`), JSON objects, and the values that are taken as they come. Each is a `LaxType` (./lax.ts).
import { isRecord as isPlain } from '@imagekit-fp/internal'
import { INVALID, lax, type Invalid, type LaxType } from './lax'

/** A JSON object (not an array): internal's `isRecord`, typed for reading keys. */
export const isMap = isPlain as (u: unknown) => u is Record<string, unknown>

/** A scalar read: the value itself, a lossless coercion of it (reported), or INVALID. */
const scalar = <A>(name: string, accept: (u: unknown) => boolean, coerce: (u: unknown) => A | Invalid) =>
  lax<A>(name, (u, at, r) => {
    if (accept(u)) return u as A
    const v = coerce(u)
    if (v !== INVALID) r.drift(at, 'coerced', name, u)
    return v
  })

/** A string, a boolean or a finite number. */
const isScalar = (u: unknown): boolean =>
  typeof u === 'string' || typeof u === 'boolean' || Number.isFinite(u)

const NUMERIC = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/

/**
 * A string; a finite number or a boolean is read as its text (`221` → `"221"`), reported as `coerced`.
 *
 * @example
 * import { laxString } from '@imagekit-fp/utils/codec'
 *
 * laxString.decode(221) // { _tag: 'Right', right: '221' }
 * @since 0.2.0
 * @category codecs
 */
export const laxString: LaxType<string> = /*#__PURE__*/ scalar(
  'string',
  (u) => typeof u === 'string',
  // Never called with a string (accepted above): a finite number or a boolean is read as its text.
  (u) => (isScalar(u) ? String(u) : INVALID),
)

/**
 * A finite number; a numeric string is read as its number (`"300"` → `300`), reported as `coerced`.
 *
 * @example
 * import { laxNumber } from '@imagekit-fp/utils/codec'
 *
 * laxNumber.decode('300') // { _tag: 'Right', right: 300 }
 * @since 0.2.0
 * @category codecs
 */
export const laxNumber: LaxType<number> = /*#__PURE__*/ scalar(
  'number',
  (u) => Number.isFinite(u),
  (u) => {
    const n = typeof u === 'string' && NUMERIC.test(u) ? Number(u) : Number.NaN
    // Lossless only: not Infinity ("1e400"), not an integer past 2^53 that the number would round.
    return Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n)) ? n : INVALID
  },
)

/**
 * A boolean; the strings `"true"` and `"false"` are read as booleans, reported as `coerced`.
 *
 * @example
 * import { laxBoolean } from '@imagekit-fp/utils/codec'
 *
 * laxBoolean.decode('false') // { _tag: 'Right', right: false }
 * @since 0.2.0
 * @category codecs
 */
export const laxBoolean: LaxType<boolean> = /*#__PURE__*/ scalar(
  'boolean',
  (u) => typeof u === 'boolean',
  (u) => (u === 'true' ? true : u === 'false' ? false : INVALID),
)

/**
 * Any JSON object with keys ImageKit may add to (`customMetadata`, `embeddedMetadata`); an empty array (how
 * some servers serialise an empty map) is read as `{}`, reported as `coerced`.
 *
 * @example
 * import { laxRecord } from '@imagekit-fp/utils/codec'
 *
 * laxRecord.decode([]) // { _tag: 'Right', right: {} }
 * @since 0.2.0
 * @category codecs
 */
export const laxRecord: LaxType<Record<string, unknown>> = /*#__PURE__*/ scalar('object', isMap, (u) =>
  Array.isArray(u) && u.length === 0 ? {} : INVALID,
)

/** A value of one of several JSON types, taken as it is (no coercion between them). */
const anyType = <A>(name: string, accept: (u: unknown) => boolean) => scalar<A>(name, accept, () => INVALID)

/**
 * A string, a number or a boolean (a custom metadata value, a select option), taken as it is.
 *
 * @since 0.2.0
 * @category codecs
 */
export const laxScalar: LaxType<string | number | boolean> = /*#__PURE__*/ anyType(
  'string | number | boolean',
  isScalar,
)

/**
 * A scalar or an array of scalars (a custom metadata default value).
 *
 * @since 0.2.0
 * @category codecs
 */
export const laxScalarOrList: LaxType<string | number | boolean | (string | number | boolean)[]> =
  /*#__PURE__*/ anyType(
    'string | number | boolean | Array<string | number | boolean>',
    (u) => isScalar(u) || (Array.isArray(u) && u.every(isScalar)),
  )

/**
 * A string or a finite number (a custom metadata field's `minValue` / `maxValue`), taken as it is.
 *
 * @since 0.2.0
 * @category codecs
 */
export const laxStringOrNumber: LaxType<string | number> = /*#__PURE__*/ anyType(
  'string | number',
  (u) => typeof u === 'string' || Number.isFinite(u),
)

/**
 * Anything at all (a field whose shape ImageKit does not document).
 *
 * @since 0.2.0
 * @category codecs
 */
export const laxUnknown: LaxType<unknown> = /*#__PURE__*/ lax<unknown>('unknown', (u) => u)

/**
 * A reply with no body of interest (204, `{}`): anything is accepted and the result is `void`.
 *
 * @since 0.2.0
 * @category codecs
 */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- the result of a call with no body of interest
export const Empty: LaxType<void> = /*#__PURE__*/ lax<void>('Empty', () => undefined)
