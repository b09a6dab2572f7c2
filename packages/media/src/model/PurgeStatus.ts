import * as t from 'io-ts'

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
export const PurgeStatus = /*#__PURE__*/ t.type(
  { status: /*#__PURE__*/ t.keyof({ Pending: null, Completed: null }) },
  'PurgeStatus',
)
/**
 * @since 0.1.0
 * @category model
 */
export type PurgeStatus = t.TypeOf<typeof PurgeStatus>
