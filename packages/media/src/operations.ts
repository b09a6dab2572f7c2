// The registry of every declared media operation, under its id (the public function's name), each with its
// OpenAPI operationId. Imported by the tests, the stand-in (`@imagekit-fp/testing`, whose router it drives) and
// the README check, never by the functions themselves, so a bundle of one function carries only its own
// declaration. The operationId is added here, not in the declaration: in the declaration every function's bundle
// would carry its id string (+13 B gz for `{ getFileDetails }`, measured).
import { addTagsOperation } from './addTags'
import { bulkDeleteFilesOperation } from './bulkDeleteFiles'
import { copyFileOperation } from './copyFile'
import { copyFolderOperation } from './copyFolder'
import { createCustomMetadataFieldOperation } from './createCustomMetadataField'
import { createFolderOperation } from './createFolder'
import { createNamedTransformationOperation } from './createNamedTransformation'
import { createOriginOperation } from './createOrigin'
import { createSavedExtensionOperation } from './createSavedExtension'
import { createUrlEndpointOperation } from './createUrlEndpoint'
import { deleteCustomMetadataFieldOperation } from './deleteCustomMetadataField'
import { deleteFileOperation } from './deleteFile'
import { deleteFileVersionOperation } from './deleteFileVersion'
import { deleteFolderOperation } from './deleteFolder'
import { deleteNamedTransformationOperation } from './deleteNamedTransformation'
import { deleteOriginOperation } from './deleteOrigin'
import { deleteSavedExtensionOperation } from './deleteSavedExtension'
import { deleteUrlEndpointOperation } from './deleteUrlEndpoint'
import { getBulkJobStatusOperation } from './getBulkJobStatus'
import { getFileDetailsOperation } from './getFileDetails'
import { getFileMetadataOperation } from './getFileMetadata'
import { getFileVersionOperation } from './getFileVersion'
import { getNamedTransformationOperation } from './getNamedTransformation'
import { getOriginOperation } from './getOrigin'
import { getPurgeCacheStatusOperation } from './getPurgeCacheStatus'
import { getRemoteFileMetadataOperation } from './getRemoteFileMetadata'
import { getSavedExtensionOperation } from './getSavedExtension'
import { getUrlEndpointOperation } from './getUrlEndpoint'
import { getUsageOperation } from './getUsage'
import { getUsageAnalyticsOperation } from './getUsageAnalytics'
import { listCustomMetadataFieldsOperation } from './listCustomMetadataFields'
import { listFileVersionsOperation } from './listFileVersions'
import { listFilesOperation } from './listFiles'
import { listNamedTransformationsOperation } from './listNamedTransformations'
import { listOriginsOperation } from './listOrigins'
import { listSavedExtensionsOperation } from './listSavedExtensions'
import { listUrlEndpointsOperation } from './listUrlEndpoints'
import { moveFileOperation } from './moveFile'
import { moveFolderOperation } from './moveFolder'
import { purgeCacheOperation } from './purgeCache'
import { removeAITagsOperation } from './removeAITags'
import { removeTagsOperation } from './removeTags'
import { renameFileOperation } from './renameFile'
import { renameFolderOperation } from './renameFolder'
import { restoreFileVersionOperation } from './restoreFileVersion'
import { updateCustomMetadataFieldOperation } from './updateCustomMetadataField'
import { updateFileDetailsOperation } from './updateFileDetails'
import { updateNamedTransformationOperation } from './updateNamedTransformation'
import { updateOriginOperation } from './updateOrigin'
import { updateSavedExtensionOperation } from './updateSavedExtension'
import { updateUrlEndpointOperation } from './updateUrlEndpoint'
import type { Operation } from './internal/send'

/** A declaration with its OpenAPI operationId. */
const declared = <Id extends string, O extends AnyOperation>(
  operationId: Id,
  operation: O,
): O & { readonly operationId: Id } => ({ ...operation, operationId })

/**
 * Every media operation, declared once: OpenAPI operationId, method, path template, input check, codec and
 * whether a retry is safe, under the name of the function derived from it.
 *
 * @example
 * import { operations } from '@imagekit-fp/media/operations'
 *
 * operations.getFileDetails.path // '/v1/files/{fileId}/details'
 * operations.getFileDetails.operationId // 'get-file-details'
 * @since 0.2.0
 * @category model
 */
export const operations = {
  addTags: declared('add-tags-bulk', addTagsOperation),
  bulkDeleteFiles: declared('delete-multiple-files', bulkDeleteFilesOperation),
  copyFile: declared('copy-file', copyFileOperation),
  copyFolder: declared('copy-folder', copyFolderOperation),
  createCustomMetadataField: declared('create-new-field', createCustomMetadataFieldOperation),
  createFolder: declared('create-folder', createFolderOperation),
  createNamedTransformation: declared('create-named-transformation', createNamedTransformationOperation),
  createOrigin: declared('create-origin', createOriginOperation),
  createSavedExtension: declared('create-extension', createSavedExtensionOperation),
  createUrlEndpoint: declared('create-url-endpoint', createUrlEndpointOperation),
  deleteCustomMetadataField: declared('delete-a-field', deleteCustomMetadataFieldOperation),
  deleteFile: declared('delete-file', deleteFileOperation),
  deleteFileVersion: declared('delete-file-version', deleteFileVersionOperation),
  deleteFolder: declared('delete-folder', deleteFolderOperation),
  deleteNamedTransformation: declared('delete-named-transformation', deleteNamedTransformationOperation),
  deleteOrigin: declared('delete-origin', deleteOriginOperation),
  deleteSavedExtension: declared('delete-extension', deleteSavedExtensionOperation),
  deleteUrlEndpoint: declared('delete-url-endpoint', deleteUrlEndpointOperation),
  getBulkJobStatus: declared('bulk-job-status', getBulkJobStatusOperation),
  getFileDetails: declared('get-file-details', getFileDetailsOperation),
  getFileMetadata: declared('get-uploaded-file-metadata', getFileMetadataOperation),
  getFileVersion: declared('get-file-version-details', getFileVersionOperation),
  getNamedTransformation: declared('get-named-transformation', getNamedTransformationOperation),
  getOrigin: declared('get-origin', getOriginOperation),
  getPurgeCacheStatus: declared('purge-status', getPurgeCacheStatusOperation),
  getRemoteFileMetadata: declared('get-metadata-from-url', getRemoteFileMetadataOperation),
  getSavedExtension: declared('get-extension', getSavedExtensionOperation),
  getUrlEndpoint: declared('get-url-endpoint', getUrlEndpointOperation),
  getUsage: declared('get-usage', getUsageOperation),
  getUsageAnalytics: declared('get-usage-analytics', getUsageAnalyticsOperation),
  listCustomMetadataFields: declared('list-all-fields', listCustomMetadataFieldsOperation),
  listFileVersions: declared('list-file-versions', listFileVersionsOperation),
  listFiles: declared('list-and-search-assets', listFilesOperation),
  listNamedTransformations: declared('list-named-transformations', listNamedTransformationsOperation),
  listOrigins: declared('list-origins', listOriginsOperation),
  listSavedExtensions: declared('list-extensions', listSavedExtensionsOperation),
  listUrlEndpoints: declared('list-url-endpoints', listUrlEndpointsOperation),
  moveFile: declared('move-file', moveFileOperation),
  moveFolder: declared('move-folder', moveFolderOperation),
  purgeCache: declared('purge-cache', purgeCacheOperation),
  removeAITags: declared('remove-ai-tags-bulk', removeAITagsOperation),
  removeTags: declared('remove-tags-bulk', removeTagsOperation),
  renameFile: declared('rename-file', renameFileOperation),
  renameFolder: declared('rename-folder', renameFolderOperation),
  restoreFileVersion: declared('restore-file-version', restoreFileVersionOperation),
  updateCustomMetadataField: declared('update-existing-field', updateCustomMetadataFieldOperation),
  updateFileDetails: declared('update-file-details', updateFileDetailsOperation),
  updateNamedTransformation: declared('update-named-transformation', updateNamedTransformationOperation),
  updateOrigin: declared('update-origin', updateOriginOperation),
  updateSavedExtension: declared('update-extension', updateSavedExtensionOperation),
  updateUrlEndpoint: declared('update-url-endpoint', updateUrlEndpointOperation),
} satisfies Readonly<Record<string, DeclaredOperation>>

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of operations of any input and reply
type AnyOperation = Operation<any, any, any, any>

/**
 * What the registry holds for each operation: its declaration (input and reply types erased) and its OpenAPI
 * operationId (`get-file-details`).
 *
 * @since 0.2.0
 * @category model
 */
export interface DeclaredOperation extends AnyOperation {
  readonly operationId: string
}

/**
 * The OpenAPI operationId of a declared operation (`get-file-details`): what the stand-in's handlers are keyed by.
 *
 * @since 0.2.0
 * @category model
 */
export type OpenApiOperationId = (typeof operations)[OperationId]['operationId']

/**
 * The id of a declared operation: the name of its public function.
 *
 * @since 0.2.0
 * @category model
 */
export type OperationId = keyof typeof operations
