// @imagekit-fp/media: one function per media-management operation. Named re-exports only.
export type { MediaConfig, MediaError } from './model/MediaConfig'
export type { DeleteResult } from './model/DeleteResult'
export type { Abortable } from './model/Abortable'

// files
export { listFiles, ListFilesResult } from './listFiles'
export type { ListFilesOptions } from './listFiles'
export { listAllFiles } from './listAllFiles'
export { getFileDetails } from './getFileDetails'
export type { GetFileDetailsOptions } from './getFileDetails'
export { updateFileDetails, UpdateFileDetailsResult } from './updateFileDetails'
export type { UpdateFileDetailsOptions, FileDetailsUpdate, FilePublishUpdate } from './updateFileDetails'
export { deleteFile } from './deleteFile'
export type { DeleteFileOptions } from './deleteFile'
export { bulkDeleteFiles } from './bulkDeleteFiles'
export type { BulkDeleteFilesOptions } from './bulkDeleteFiles'
export { copyFile } from './copyFile'
export type { CopyFileOptions } from './copyFile'
export { moveFile } from './moveFile'
export type { MoveFileOptions } from './moveFile'
export { renameFile, RenameFileReply } from './renameFile'
export type { RenameFileOptions, RenameFileResult } from './renameFile'
export { addTags } from './addTags'
export type { AddTagsOptions } from './addTags'
export { removeTags } from './removeTags'
export type { RemoveTagsOptions } from './removeTags'
export { removeAITags } from './removeAITags'
export type { RemoveAITagsOptions } from './removeAITags'

// bulk over a search: every file a listAllFiles query yields
export { addTagsToMatching } from './addTagsToMatching'
export { removeTagsFromMatching } from './removeTagsFromMatching'
export { deleteMatching } from './deleteMatching'
export { purgeMatching } from './purgeMatching'
export { updateMatching } from './updateMatching'
export type {
  MatchedFile,
  MatchingOptions,
  MatchingOutcome,
  MatchingProgress,
  MatchingQuery,
  MatchingReport,
} from './model/Matching'

// versions
export { listFileVersions } from './listFileVersions'
export type { ListFileVersionsOptions } from './listFileVersions'
export { getFileVersion } from './getFileVersion'
export { deleteFileVersion } from './deleteFileVersion'
export { restoreFileVersion } from './restoreFileVersion'
export type { FileVersionOptions } from './model/FileVersionOptions'

// metadata
export { getFileMetadata } from './getFileMetadata'
export type { GetFileMetadataOptions } from './getFileMetadata'
export { getRemoteFileMetadata } from './getRemoteFileMetadata'
export type { GetRemoteFileMetadataOptions } from './getRemoteFileMetadata'

// folders and bulk jobs
export { createFolder } from './createFolder'
export type { CreateFolderOptions } from './createFolder'
export { deleteFolder } from './deleteFolder'
export type { DeleteFolderOptions } from './deleteFolder'
export { copyFolder } from './copyFolder'
export type { CopyFolderOptions } from './copyFolder'
export { moveFolder } from './moveFolder'
export type { MoveFolderOptions } from './moveFolder'
export { renameFolder } from './renameFolder'
export type { RenameFolderOptions } from './renameFolder'
export { getBulkJobStatus } from './getBulkJobStatus'
export type { GetBulkJobStatusOptions } from './getBulkJobStatus'
export { waitForBulkJob } from './waitForBulkJob'
export type { WaitForBulkJobOptions } from './waitForBulkJob'

// cache
export { purgeCache, PurgeCacheResult } from './purgeCache'
export type { PurgeCacheOptions } from './purgeCache'
export { getPurgeCacheStatus } from './getPurgeCacheStatus'
export type { GetPurgeCacheStatusOptions } from './getPurgeCacheStatus'
export { waitForPurge } from './waitForPurge'
export type { WaitForPurgeOptions } from './waitForPurge'
export type { WaitOptions } from './model/WaitOptions'

// models and codecs
export { FileDetails, AITag, VersionInfo, SelectedFieldSchema } from './model/FileDetails'
export { FolderDetails } from './model/FolderDetails'
export { Metadata } from './model/Metadata'
export { BulkJob, BulkJobStatusReply } from './model/BulkJob'
export type { BulkJobStatus } from './model/BulkJob'
export { BulkDeleteReply, BulkTagsReply } from './model/BulkResults'
export type { BulkDeleteResult, BulkTagsResult } from './model/BulkResults'
export { PurgeStatus } from './model/PurgeStatus'
export type { Extension, AITask, AITaskAction } from './model/Extension'

// ---- Custom metadata fields, saved extensions, named transformations, account (usage, origins,
// URL endpoints).
export { listCustomMetadataFields } from './listCustomMetadataFields'
export type { ListCustomMetadataFieldsOptions } from './listCustomMetadataFields'
export { createCustomMetadataField } from './createCustomMetadataField'
export type { CreateCustomMetadataFieldOptions } from './createCustomMetadataField'
export { updateCustomMetadataField } from './updateCustomMetadataField'
export type { UpdateCustomMetadataFieldOptions } from './updateCustomMetadataField'
export { deleteCustomMetadataField } from './deleteCustomMetadataField'
export type { DeleteCustomMetadataFieldOptions } from './deleteCustomMetadataField'
export { CustomMetadataField } from './model/CustomMetadataField'
export type {
  CustomMetadataFieldType,
  CustomMetadataFieldRules,
  CustomMetadataFieldSchema,
} from './model/CustomMetadataField'

export { listSavedExtensions } from './listSavedExtensions'
export type { ListSavedExtensionsOptions } from './listSavedExtensions'
export { getSavedExtension } from './getSavedExtension'
export type { GetSavedExtensionOptions } from './getSavedExtension'
export { createSavedExtension } from './createSavedExtension'
export type { CreateSavedExtensionOptions } from './createSavedExtension'
export { updateSavedExtension } from './updateSavedExtension'
export type { UpdateSavedExtensionOptions } from './updateSavedExtension'
export { deleteSavedExtension } from './deleteSavedExtension'
export type { DeleteSavedExtensionOptions } from './deleteSavedExtension'
export { SavedExtension, ExtensionConfig } from './model/SavedExtension'

export { listNamedTransformations } from './listNamedTransformations'
export type { ListNamedTransformationsOptions } from './listNamedTransformations'
export { getNamedTransformation } from './getNamedTransformation'
export type { GetNamedTransformationOptions } from './getNamedTransformation'
export { createNamedTransformation } from './createNamedTransformation'
export type { CreateNamedTransformationOptions } from './createNamedTransformation'
export { updateNamedTransformation } from './updateNamedTransformation'
export type { UpdateNamedTransformationOptions } from './updateNamedTransformation'
export { deleteNamedTransformation } from './deleteNamedTransformation'
export type { DeleteNamedTransformationOptions } from './deleteNamedTransformation'
export { NamedTransformation } from './model/NamedTransformation'

export { getUsage, GetUsageResult } from './getUsage'
export type { GetUsageOptions } from './getUsage'
export { getUsageAnalytics, GetUsageAnalyticsResult } from './getUsageAnalytics'
export type { GetUsageAnalyticsOptions } from './getUsageAnalytics'

export { listOrigins } from './listOrigins'
export type { ListOriginsOptions } from './listOrigins'
export { getOrigin } from './getOrigin'
export type { GetOriginOptions } from './getOrigin'
export { createOrigin } from './createOrigin'
export type { CreateOriginOptions } from './createOrigin'
export { updateOrigin } from './updateOrigin'
export type { UpdateOriginOptions } from './updateOrigin'
export { deleteOrigin } from './deleteOrigin'
export type { DeleteOriginOptions } from './deleteOrigin'
export { Origin } from './model/Origin'
export type { OriginRequest } from './model/Origin'

export { listUrlEndpoints } from './listUrlEndpoints'
export type { ListUrlEndpointsOptions } from './listUrlEndpoints'
export { getUrlEndpoint } from './getUrlEndpoint'
export type { GetUrlEndpointOptions } from './getUrlEndpoint'
export { createUrlEndpoint } from './createUrlEndpoint'
export type { CreateUrlEndpointOptions } from './createUrlEndpoint'
export { updateUrlEndpoint } from './updateUrlEndpoint'
export type { UpdateUrlEndpointOptions } from './updateUrlEndpoint'
export { deleteUrlEndpoint } from './deleteUrlEndpoint'
export type { DeleteUrlEndpointOptions } from './deleteUrlEndpoint'
export { UrlEndpoint } from './model/UrlEndpoint'
export type { UrlEndpointRequest } from './model/UrlEndpoint'
