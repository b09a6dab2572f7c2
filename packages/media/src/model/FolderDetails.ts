import * as t from 'io-ts'

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
export const FolderDetails = /*#__PURE__*/ t.intersection(
  [
    /*#__PURE__*/ t.type({
      type: /*#__PURE__*/ t.literal('folder'),
      folderId: t.string,
      name: t.string,
      folderPath: t.string,
    }),
    /*#__PURE__*/ t.partial({ customMetadata: t.UnknownRecord, createdAt: t.string, updatedAt: t.string }),
  ],
  'FolderDetails',
)
/**
 * @since 0.1.0
 * @category model
 */
export type FolderDetails = t.TypeOf<typeof FolderDetails>
