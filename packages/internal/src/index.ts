// Named re-exports only. Private: inlined into each package's build, never published (see README.md).
export { left, right } from './either'
export { UNREADABLE, attempt, caught, fail, need } from './fail'
export type { MakeError } from './fail'
export {
  boundedLength,
  checkSignal,
  isArray,
  isFunction,
  isInstance,
  isObject,
  isPlainObject,
  isRecord,
  read,
  readProp,
} from './prop'
export { JSON_DATA, MAX_JSON_DEPTH, MAX_JSON_ITEMS, isJsonValue, jsonCopy } from './json'
export { base64Utf8, decodeBase64, encodeBase64, isBase64 } from './base64'
export { DEFAULT_EXPIRE_SECONDS, MAX_EXPIRE_SECONDS, checkExpire, readNow } from './clock'
export {
  MAX_ITEMS,
  REQUIRED,
  abortOf,
  array,
  boolean,
  date,
  defined,
  fields,
  httpUrl,
  id,
  integer,
  name,
  needSome,
  nonEmptyString,
  normalHttpUrl,
  nullable,
  number,
  object,
  oneOf,
  onlyKeys,
  optional,
  prepare,
  record,
  scalar,
  signal,
  string,
  strings,
  text,
} from './check'
export type { Check, Field } from './check'
export { CONFIG_KEYS, knownConfigKeys } from './configKeys'
export { UPLOAD_FIELDS, extension, extensionConfig, fileName as uploadFileName } from './uploadFields'
export type { Encode } from './uploadFields'
export { DEFAULT_RATE_LIMIT_WAIT_MS, createRateGate, gateFetch, rateLimitWaitMs } from './bulk/gate'
export type { RateGate } from './bulk/gate'
export { runBulk, tell } from './bulk/runBulk'
export { BULK_OPTION_KEYS, bulkOptions, callback, isRateLimited, rateGate } from './bulk/options'
export type { BulkCallOptions, CheckedBulkOptions } from './bulk/options'
export type { BulkOptions, BulkOutcome, BulkProgress, BulkReport } from './bulk/runBulk'
