// The registry of every declared media operation, under its id (the public function's name). Imported by the
// tests, the stand-in (`@imagekit-fp/testing`) and the README check, never by the functions themselves, so a
// bundle of one function carries only its own declaration.
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

/**
 * Every media operation, declared once: method, OpenAPI path template, input check, codec and whether a retry
 * is safe, under the name of the function derived from it.
 *
 * @example
 * import { operations } from '@imagekit-fp/media/operations'
 *
 * operations.getFileDetails.path // '/v1/files/{fileId}/details'
 * @since 0.2.0
 * @category model
 */
export const operations = {
  addTags: addTagsOperation,
  bulkDeleteFiles: bulkDeleteFilesOperation,
  copyFile: copyFileOperation,
  copyFolder: copyFolderOperation,
  createCustomMetadataField: createCustomMetadataFieldOperation,
  createFolder: createFolderOperation,
  createNamedTransformation: createNamedTransformationOperation,
  createOrigin: createOriginOperation,
  createSavedExtension: createSavedExtensionOperation,
  createUrlEndpoint: createUrlEndpointOperation,
  deleteCustomMetadataField: deleteCustomMetadataFieldOperation,
  deleteFile: deleteFileOperation,
  deleteFileVersion: deleteFileVersionOperation,
  deleteFolder: deleteFolderOperation,
  deleteNamedTransformation: deleteNamedTransformationOperation,
  deleteOrigin: deleteOriginOperation,
  deleteSavedExtension: deleteSavedExtensionOperation,
  deleteUrlEndpoint: deleteUrlEndpointOperation,
  getBulkJobStatus: getBulkJobStatusOperation,
  getFileDetails: getFileDetailsOperation,
  getFileMetadata: getFileMetadataOperation,
  getFileVersion: getFileVersionOperation,
  getNamedTransformation: getNamedTransformationOperation,
  getOrigin: getOriginOperation,
  getPurgeCacheStatus: getPurgeCacheStatusOperation,
  getRemoteFileMetadata: getRemoteFileMetadataOperation,
  getSavedExtension: getSavedExtensionOperation,
  getUrlEndpoint: getUrlEndpointOperation,
  getUsage: getUsageOperation,
  getUsageAnalytics: getUsageAnalyticsOperation,
  listCustomMetadataFields: listCustomMetadataFieldsOperation,
  listFileVersions: listFileVersionsOperation,
  listFiles: listFilesOperation,
  listNamedTransformations: listNamedTransformationsOperation,
  listOrigins: listOriginsOperation,
  listSavedExtensions: listSavedExtensionsOperation,
  listUrlEndpoints: listUrlEndpointsOperation,
  moveFile: moveFileOperation,
  moveFolder: moveFolderOperation,
  purgeCache: purgeCacheOperation,
  removeAITags: removeAITagsOperation,
  removeTags: removeTagsOperation,
  renameFile: renameFileOperation,
  renameFolder: renameFolderOperation,
  restoreFileVersion: restoreFileVersionOperation,
  updateCustomMetadataField: updateCustomMetadataFieldOperation,
  updateFileDetails: updateFileDetailsOperation,
  updateNamedTransformation: updateNamedTransformationOperation,
  updateOrigin: updateOriginOperation,
  updateSavedExtension: updateSavedExtensionOperation,
  updateUrlEndpoint: updateUrlEndpointOperation,
} satisfies Readonly<Record<string, DeclaredOperation>>

/**
 * What the registry holds for each operation (its input and reply types erased).
 *
 * @since 0.2.0
 * @category model
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of operations of any input and reply
export type DeclaredOperation = Operation<any, any, any, any>

/**
 * The id of a declared operation: the name of its public function.
 *
 * @since 0.2.0
 * @category model
 */
export type OperationId = keyof typeof operations
