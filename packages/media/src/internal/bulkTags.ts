// addTags, removeTags and removeAITags differ only in their path and in the name of the tag list.
import type { taskEither } from 'fp-ts'
import { BulkTagsReply, type BulkTagsResult } from '../model/BulkResults'
import type { MediaConfig, MediaError } from '../model/MediaConfig'
import { partialSuccess } from './partial'
import { send } from './send'
import { array, id, optional, prepare, signal, strings } from './validate'

/** `POST <path>` with `{ fileIds, [key]: tags }`; tag edits are safe to repeat, so the call may be retried. */
export const bulkTags = (
  config: MediaConfig,
  input: unknown,
  path: '/v1/files/addTags' | '/v1/files/removeTags' | '/v1/files/removeAITags',
  key: 'tags' | 'AITags',
): taskEither.TaskEither<MediaError, BulkTagsResult> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'POST',
      path,
      json: { fileIds: field('fileIds', array(id, 1, 50)), [key]: field(key, strings()) },
      ...partialSuccess(BulkTagsReply),
      idempotent: true,
      signal: field('signal', optional(signal)),
    })),
  )
