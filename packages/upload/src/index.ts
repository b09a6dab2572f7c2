export { upload } from './upload'
export type { NoExtraKeys, UploadConfig, UploadError } from './upload'
export { uploadMany } from './uploadMany'
export type {
  UploadManyAuth,
  UploadManyOptions,
  UploadManyOutcome,
  UploadManyProgress,
  UploadManyRef,
  UploadManyReport,
  UploadManyRequest,
} from './uploadMany'
export { uploadV2 } from './uploadV2'
export type { UploadV2Request, UploadV2RequestFor } from './uploadV2'
export { UploadResult } from './model/UploadResult'
export { UploadAccepted } from './model/UploadAccepted'
export type {
  UploadRequest,
  UploadRequestBase,
  UploadRequestFor,
  UploadOptions,
  ServerUploadRequest,
  ClientUploadRequest,
  UploadFile,
  UploadExtension,
  RemoveBgExtension,
  AutoTaggingExtension,
  AutoDescriptionExtension,
  AITasksExtension,
  AITask,
  AITaskAction,
  SavedExtensionReference,
  UploadTransformation,
  UploadPostTransformation,
  UploadResponseField,
} from './model/UploadRequest'
export type { UploadProgress } from '@imagekit-fp/utils/http'
