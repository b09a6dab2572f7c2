// addTags, removeTags and removeAITags differ only in their id, their path and the name of the tag list.
import type { TypeOf } from 'io-ts'
import { partialSuccess } from './partial'
import { BulkTagsReply, type BulkTagsResult } from '../model/BulkResults'
import type { Operation } from './send'
import { array, id, strings, type Field } from './validate'

/** The most files one tag call takes: ImageKit documents "a maximum of 50 files can be specified at a time". */
export const MAX_TAG_FILES = 50

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
    return { json: { fileIds: read('fileIds', array(id, 1, MAX_TAG_FILES)), [key]: read(key, strings()) } }
  },
  ...partialSuccess(BulkTagsReply),
  idempotent: true,
})
