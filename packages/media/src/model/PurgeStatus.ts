import type * as t from 'io-ts'
import { oneOf, struct } from '@imagekit-fp/utils/codec'

/**
 * The status of a purge request: `'Pending'` or `'Completed'` (required).
 *
 * @example
 * import { PurgeStatus } from '@imagekit-fp/media'
 *
 * PurgeStatus.is({ status: 'Completed' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const PurgeStatus = /*#__PURE__*/ struct('PurgeStatus', {
  required: { status: /*#__PURE__*/ oneOf('PurgeStatusValue', ['Pending', 'Completed']) },
})
/**
 * @since 0.1.0
 * @category model
 */
export type PurgeStatus = t.TypeOf<typeof PurgeStatus>
