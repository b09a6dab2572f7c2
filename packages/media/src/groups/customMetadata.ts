// `@imagekit-fp/media/customMetadata`: the custom metadata fields (a namespace import, see ./files.ts).
export { listCustomMetadataFields } from '../listCustomMetadataFields'
export { createCustomMetadataField } from '../createCustomMetadataField'
export { updateCustomMetadataField } from '../updateCustomMetadataField'
export { deleteCustomMetadataField } from '../deleteCustomMetadataField'
