// Entry point `@imagekit-fp/utils/codec`: the lax/strict codec toolkit every response codec is built with, and
// the shapes more than one package reads (the file object). Named re-exports only.
export { INVALID, lax, isLax, readAll, findingErrors, pathText, step } from './codec/lax'
export type { Drift, DriftKind, Finding, Invalid, LaxType, Path, Reader } from './codec/lax'
export { array, literal, nullable, oneOf, record, struct, tagged, union } from './codec/combinators'
export {
  Empty,
  laxBoolean,
  laxNumber,
  laxRecord,
  laxScalar,
  laxScalarOrList,
  laxString,
  laxStringOrNumber,
  laxUnknown,
} from './codec/scalars'
export type { Fields, StructOf, UnknownVariant } from './codec/combinators'
export {
  AITag,
  CustomMetadataFieldType,
  FileDetails,
  SelectedFieldSchema,
  VersionInfo,
  detailsFields,
  fileFields,
  schemaRules,
  uploadFields,
} from './codec/file'
