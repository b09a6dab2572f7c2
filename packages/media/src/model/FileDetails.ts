// The file object is read by media, upload and webhooks alike, so it is defined once in
// `@imagekit-fp/utils/codec`; media re-exports it under the names it has always had.
export { AITag, FileDetails, SelectedFieldSchema, VersionInfo } from '@imagekit-fp/utils/codec'
