// Drift of the replies of purges, bulk jobs, bulk file operations and renames: each class of change, read lax
// (a Right and drift reports) and strict (a DecodeError) through the transport (test-support/drift.ts).
import { describe } from 'vitest'
import {
  addTags,
  bulkDeleteFiles,
  copyFolder,
  getBulkJobStatus,
  getPurgeCacheStatus,
  moveFolder,
  purgeCache,
  removeAITags,
  removeTags,
  renameFile,
  renameFolder,
} from '@imagekit-fp/media'
import {
  driftCases,
  edit,
  fault,
  GONE,
  read,
  same,
  withStatus,
  type DriftCase,
  type DriftOperation,
} from './test-support/drift'

const API = 'https://api.imagekit.io'
const ID = '598821f949c0a938d57563bd'
/** The result of an operation whose 207 is a partial success. */
const partial = (body: unknown, status: number) => ({ ...(body as object), partial: status === 207 })
const HELP = { message: 'Purging the cache failed.', help: 'For support kindly contact us.' }

describe('drift: purges', () => {
  const PURGE = { requestId: ID }
  // prettier-ignore
  driftCases({ call: (c) => purgeCache(c, { url: 'https://ik.imagekit.io/demo/a.jpg' }), operation: 'POST /v1/files/purge', url: `${API}/v1/files/purge`, codec: 'PurgeCacheResult' }, [
    same('a purge request', PURGE),
    same('a field added later', edit(PURGE, 'queuedAt', '2026-01-01T00:00:00Z')),
    read('requestId sent as a number', { requestId: 42 }, { requestId: '42' }, ['requestId', 'coerced', 'string', 42]),
    fault('no requestId (missing identity)', {}, ['requestId', 'invalid', 'string', undefined]),
    fault('a null requestId', { requestId: null }, ['requestId', 'invalid', 'string', null]),
    fault('an uncoercible requestId', { requestId: [ID] }, ['requestId', 'invalid', 'string', [ID]]),
    fault('a body that is not an object', [], ['(root)', 'invalid', 'PurgeCacheResult', []]),
  ])

  const STATUS = "'Pending' | 'Completed'"
  // prettier-ignore
  driftCases({ call: (c) => getPurgeCacheStatus(c, { requestId: ID }), operation: `GET /v1/files/purge/${ID}`, url: `${API}/v1/files/purge/${ID}`, codec: 'PurgeStatus' }, [
    same('a completed purge', { status: 'Completed' }),
    same('a field added later', { status: 'Pending', queuedAt: '2026-01-01T00:00:00Z' }),
    same('an unknown enum value', { status: 'Failed' }, ['status', 'unknown-value', STATUS, 'Failed']),
    read('an enum value in another case', { status: 'completed' }, { status: 'Completed' }, ['status', 'coerced', STATUS, 'completed']),
    read('null in a documented field', { status: null }, {}, ['status', 'null', 'PurgeStatusValue', null]),
    read('an uncoercible value', { status: 1 }, {}, ['status', 'dropped', 'PurgeStatusValue', 1]),
    read('a missing documented field', {}, {}, ['status', 'missing', 'PurgeStatusValue', undefined]),
    fault('a body that is not an object', 'Completed', ['(root)', 'invalid', 'PurgeStatus', 'Completed']),
  ])
})

describe('drift: bulk jobs', () => {
  const JOB = { jobId: ID, type: 'COPY_FOLDER', status: 'Completed' }
  const STATUS = "'Pending' | 'Completed' | 'Partial success'"
  const TYPES = "'COPY_FOLDER' | 'MOVE_FOLDER' | 'RENAME_FOLDER'"
  // prettier-ignore
  driftCases({ call: (c) => getBulkJobStatus(c, { jobId: ID }), operation: `GET /v1/bulkJobs/${ID}`, url: `${API}/v1/bulkJobs/${ID}`, codec: 'BulkJobStatus', result: partial }, [
    same('a completed job', JOB),
    withStatus(207, same("ImageKit's documented partial success (207)", { jobId: ID, type: 'RENAME_FOLDER', status: 'Partial success', ...HELP })),
    same('a field added later', edit(JOB, 'finishedAt', '2026-01-01T00:00:00Z')),
    same('an unknown status', edit(JOB, 'status', 'Failed'), ['status', 'unknown-value', STATUS, 'Failed']),
    same('an unknown type', edit(JOB, 'type', 'DELETE_FOLDER'), ['type', 'unknown-value', TYPES, 'DELETE_FOLDER']),
    read('an enum value in another case', edit(JOB, 'status', 'pending'), edit(JOB, 'status', 'Pending'), ['status', 'coerced', STATUS, 'pending']),
    read('null in an optional field', edit(JOB, 'purgeRequestId', null), JOB, ['purgeRequestId', 'null', 'string', null]),
    read('a number where a string is expected', edit(JOB, 'purgeRequestId', 7), edit(JOB, 'purgeRequestId', '7'), ['purgeRequestId', 'coerced', 'string', 7]),
    read('an uncoercible value', edit(JOB, 'status', true), edit(JOB, 'status', GONE), ['status', 'dropped', 'BulkJobStatusValue', true]),
    read('a missing documented field', edit(JOB, 'status', GONE), edit(JOB, 'status', GONE), ['status', 'missing', 'BulkJobStatusValue', undefined]),
    fault('no jobId (missing identity)', edit(JOB, 'jobId', GONE), ['jobId', 'invalid', 'string', undefined]),
    fault('a null jobId', edit(JOB, 'jobId', null), ['jobId', 'invalid', 'string', null]),
  ])

  /** The reply of copyFolder, moveFolder and renameFolder: the job's id. */
  const jobRows: readonly DriftCase[] = [
    same('a job', { jobId: ID }),
    same('a field added later', { jobId: ID, queued: true }),
    read('jobId sent as a number', { jobId: 42 }, { jobId: '42' }, ['jobId', 'coerced', 'string', 42]),
    fault('no jobId (missing identity)', {}, ['jobId', 'invalid', 'string', undefined]),
    fault('an uncoercible jobId', { jobId: {} }, ['jobId', 'invalid', 'string', {}]),
    fault('a body that is not an object', [], ['(root)', 'invalid', 'BulkJob', []]),
  ]
  const jobs: readonly DriftOperation[] = [
    {
      call: (c) => copyFolder(c, { sourceFolderPath: '/a', destinationPath: '/b' }),
      operation: 'POST /v1/bulkJobs/copyFolder',
      url: `${API}/v1/bulkJobs/copyFolder`,
      codec: 'BulkJob',
    },
    {
      call: (c) => moveFolder(c, { sourceFolderPath: '/a', destinationPath: '/b' }),
      operation: 'POST /v1/bulkJobs/moveFolder',
      url: `${API}/v1/bulkJobs/moveFolder`,
      codec: 'BulkJob',
    },
    {
      call: (c) => renameFolder(c, { folderPath: '/a', newFolderName: 'b' }),
      operation: 'POST /v1/bulkJobs/renameFolder',
      url: `${API}/v1/bulkJobs/renameFolder`,
      codec: 'BulkJob',
    },
  ]
  for (const op of jobs) driftCases(op, jobRows)
})

describe('drift: bulk file operations', () => {
  /** The reply of a bulk operation whose list of done ids is `key`, read with `codec`. */
  const bulkRows = (key: string, codec: string): DriftCase[] => {
    const done = { [key]: ['f1', 'f2'] }
    const errors = [{ fileId: 'f3', error: 'The requested file does not exist.' }]
    // prettier-ignore
    return [
      same('every file done', done),
      withStatus(207, same('a partial success (207)', { [key]: ['f1'], errors })),
      same('a field added later', edit(done, 'skipped', [])),
      read('an id sent as a number', { [key]: ['f1', 2] }, { [key]: ['f1', '2'] }, [`${key}[1]`, 'coerced', 'string', 2]),
      read('an uncoercible id', { [key]: ['f1', {}] }, { [key]: ['f1'] }, [`${key}[1]`, 'dropped', 'string', {}]),
      read('null in a documented field', { [key]: null }, {}, [key, 'null', 'Array<string>', null]),
      read('a missing documented field', { errors }, { errors }, [key, 'missing', 'Array<string>', undefined]),
      read('null in an optional field', { ...done, errors: [{ fileId: 'f3', error: null }] }, { ...done, errors: [{ fileId: 'f3' }] }, ['errors[0].error', 'null', 'string', null]),
      fault('a body that is not an object', 42, ['(root)', 'invalid', codec, 42]),
    ]
  }
  const tags = (verb: string, codec: string, call: DriftOperation['call']): DriftOperation => ({
    call,
    operation: `POST /v1/files/${verb}`,
    url: `${API}/v1/files/${verb}`,
    codec,
    result: partial,
  })
  driftCases(
    tags('batch/deleteByFileIds', 'BulkDeleteReply', (c) =>
      bulkDeleteFiles(c, { fileIds: ['f1', 'f2', 'f3'] }),
    ),
    bulkRows('successfullyDeletedFileIds', 'BulkDeleteReply'),
  )
  const input = { fileIds: ['f1', 'f2', 'f3'], tags: ['sale'] }
  driftCases(
    tags('addTags', 'BulkTagsReply', (c) => addTags(c, input)),
    bulkRows('successfullyUpdatedFileIds', 'BulkTagsReply'),
  )
  driftCases(
    tags('removeTags', 'BulkTagsReply', (c) => removeTags(c, input)),
    bulkRows('successfullyUpdatedFileIds', 'BulkTagsReply'),
  )
  driftCases(
    tags('removeAITags', 'BulkTagsReply', (c) =>
      removeAITags(c, { fileIds: input.fileIds, AITags: ['Car'] }),
    ),
    bulkRows('successfullyUpdatedFileIds', 'BulkTagsReply'),
  )
})

describe('drift: renameFile', () => {
  const RENAMED = { purgeRequestId: ID }
  // prettier-ignore
  driftCases({ call: (c) => renameFile(c, { filePath: '/a/b.jpg', newFileName: 'c.jpg', purgeCache: true }), operation: 'PUT /v1/files/rename', url: `${API}/v1/files/rename`, codec: 'RenameFileReply', result: partial }, [
    same('a rename and its purge', RENAMED),
    same('a rename without a purge', {}),
    withStatus(207, same('a rename whose purge failed (207)', HELP)),
    same('a field added later', edit(RENAMED, 'renamedAt', '2026-01-01T00:00:00Z')),
    read('a number where a string is expected', { purgeRequestId: 7 }, { purgeRequestId: '7' }, ['purgeRequestId', 'coerced', 'string', 7]),
    read('null in an optional field', { purgeRequestId: null }, {}, ['purgeRequestId', 'null', 'string', null]),
    read('an uncoercible value', { ...HELP, message: {} }, { help: HELP.help }, ['message', 'dropped', 'string', {}]),
    read('an empty array for the object', [], {}, ['(root)', 'coerced', 'RenameFileReply', []]),
    fault('a body that is not an object', 42, ['(root)', 'invalid', 'RenameFileReply', 42]),
  ])
})
