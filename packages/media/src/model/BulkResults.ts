import type * as t from 'io-ts'
import { array, laxString, struct } from '@imagekit-fp/utils/codec'

const ItemError = /*#__PURE__*/ struct('BulkItemError', { optional: { fileId: laxString, error: laxString } })

/**
 * The reply of `bulkDeleteFiles`: the ids deleted and, on a 207 partial success, the ids that were not with
 * why (`errors`). `successfullyDeletedFileIds` is required.
 *
 * @example
 * import { BulkDeleteReply } from '@imagekit-fp/media'
 *
 * BulkDeleteReply.is({ successfullyDeletedFileIds: ['a'], errors: [{ fileId: 'b', error: 'not found' }] }) // true
 * @since 0.1.0
 * @category codecs
 */
export const BulkDeleteReply = /*#__PURE__*/ struct('BulkDeleteReply', {
  required: { successfullyDeletedFileIds: /*#__PURE__*/ array(laxString) },
  optional: { errors: /*#__PURE__*/ array(ItemError) },
})
/**
 * The result of `bulkDeleteFiles`: the reply, whole, and `partial` (`true` for ImageKit's 207: some files
 * were not deleted, see `errors`). `alreadyDeleted: true` when a retry after a lost reply found every file
 * missing: the lost attempt deleted them, and `successfullyDeletedFileIds` lists them all.
 *
 * @since 0.1.0
 * @category model
 */
export type BulkDeleteResult = t.TypeOf<typeof BulkDeleteReply> & {
  readonly partial: boolean
  readonly alreadyDeleted?: true
}

/**
 * The reply of `addTags`, `removeTags` and `removeAITags`: the ids updated and, on a 207 partial success,
 * the ids that were not with why (`errors`). `successfullyUpdatedFileIds` is required.
 *
 * @example
 * import { BulkTagsReply } from '@imagekit-fp/media'
 *
 * BulkTagsReply.is({ successfullyUpdatedFileIds: ['a'] }) // true
 * @since 0.1.0
 * @category codecs
 */
export const BulkTagsReply = /*#__PURE__*/ struct('BulkTagsReply', {
  required: { successfullyUpdatedFileIds: /*#__PURE__*/ array(laxString) },
  optional: { errors: /*#__PURE__*/ array(ItemError) },
})
/**
 * The result of `addTags`, `removeTags` and `removeAITags`: the reply, whole, and `partial` (`true` for
 * ImageKit's 207: some files were not updated, see `errors`).
 *
 * @since 0.1.0
 * @category model
 */
export type BulkTagsResult = t.TypeOf<typeof BulkTagsReply> & { readonly partial: boolean }
