/**
 * What a delete resolves to: `undefined` when ImageKit confirmed this call's delete, and
 * `{ alreadyDeleted: true }` when a retry, sent after an attempt whose reply was lost (a timeout, a broken
 * connection), found the thing gone (a 404): that attempt most likely deleted it.
 *
 * @example
 * import type { DeleteResult } from '@imagekit-fp/media'
 *
 * const describe = (r: DeleteResult): string => (r?.alreadyDeleted ? 'gone (an earlier attempt)' : 'deleted')
 * @since 0.1.0
 * @category model
 */
export type DeleteResult = undefined | { readonly alreadyDeleted: true }
