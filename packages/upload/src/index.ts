export { upload } from './upload'
export type { UploadConfig, UploadError } from './upload'
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
