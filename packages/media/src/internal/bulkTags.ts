// addTags, removeTags and removeAITags differ only in their id, their path and the name of the tag list.
import type { TypeOf } from 'io-ts'
import { partialSuccess } from './partial'
import { BulkTagsReply, type BulkTagsResult } from '../model/BulkResults'
import type { Operation } from './send'
import { array, id, strings, type Field } from './validate'

/** `POST <path>` with `{ fileIds, [key]: tags }`; tag edits are safe to repeat, so the call may be retried. */
export const bulkTags = <I>(
  path: '/v1/files/addTags' | '/v1/files/removeTags' | '/v1/files/removeAITags',
  key: 'tags' | 'AITags',
): Operation<I, TypeOf<typeof BulkTagsReply>, BulkTagsResult> => ({
  method: 'POST',
  path,
  /** The input check: what the call sends besides its path. */
  input: (field) => {
    const read = field as Field
    return { json: { fileIds: read('fileIds', array(id, 1, 50)), [key]: read(key, strings()) } }
  },
  ...partialSuccess(BulkTagsReply),
  idempotent: true,
})
