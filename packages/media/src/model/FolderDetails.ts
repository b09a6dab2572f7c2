import type * as t from 'io-ts'
import { laxRecord, laxString, literal, struct } from '@imagekit-fp/utils/codec'

/**
 * A folder, as `listFiles` returns it with `type: 'folder'` or `'all'`. `type`, `folderId`, `name` and
 * `folderPath` are required; fields the API adds later pass through.
 *
 * @example
 * import { FolderDetails } from '@imagekit-fp/media'
 *
 * FolderDetails.is({ type: 'folder', folderId: '6405d1f6f1b4', name: 'shoes', folderPath: '/products/shoes' }) // true
 * @since 0.1.0
 * @category codecs
 */
export const FolderDetails = /*#__PURE__*/ struct('FolderDetails', {
  identity: { type: /*#__PURE__*/ literal('folder'), folderId: laxString },
  optional: {
    name: laxString,
    folderPath: laxString,
    customMetadata: laxRecord,
    createdAt: laxString,
    updatedAt: laxString,
  },
})
/**
 * @since 0.1.0
 * @category model
 */
export type FolderDetails = t.TypeOf<typeof FolderDetails>
