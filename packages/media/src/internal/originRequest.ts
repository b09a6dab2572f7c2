// The body of createOrigin and updateOrigin (the spec's `OriginRequest`), read from the flat input: `type`
// decides which fields are read, each checked as the spec constrains it. Only those fields are sent (the
// spec sets `additionalProperties: false`).
import type { OriginRequest } from '../model/Origin'
import {
  boolean,
  defined,
  httpUrl,
  need,
  oneOf,
  optional,
  string,
  text,
  type Check,
  type Field,
} from './validate'

const TYPES = [
  'S3',
  'S3_COMPATIBLE',
  'CLOUDINARY_BACKUP',
  'WEB_FOLDER',
  'WEB_PROXY',
  'GCS',
  'AZURE_BLOB',
  'AKENEO_PIM',
] as const

const name = /*#__PURE__*/ text(1, 100, [/^[a-zA-Z0-9 ]+$/, 'may only contain letters, digits and spaces'])
const short = /*#__PURE__*/ text(1, 100)
const prefix = /*#__PURE__*/ optional(/*#__PURE__*/ text(0, 100))
// The spec's own pattern for `clientEmail`.
const email = /*#__PURE__*/ text(1, Infinity, [
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/,
  'must be an email address',
])

/** S3 and Cloudinary backup: keys are required, and empty exactly when `useIAMRole` is `true`. */
const keys = (field: Field) => {
  const useIAMRole = field('useIAMRole', optional(boolean))
  const key: Check<string> =
    useIAMRole === true
      ? (u, path) => {
          need(string(u, path) === '', path, "must be '' when useIAMRole is true")
          return ''
        }
      : short
  return {
    bucket: field('bucket', short),
    prefix: field('prefix', prefix),
    useIAMRole,
    accessKey: field('accessKey', key),
    secretKey: field('secretKey', key),
  }
}

/** The origin body of the input read by `field`. */
export const originRequest = <I>(read: Field<I>): OriginRequest => {
  const field = read as unknown as Field
  const type = field('type', oneOf(TYPES))
  const base = {
    name: field('name', name),
    type,
    includeCanonicalHeader: field('includeCanonicalHeader', optional(boolean)),
    baseUrlForCanonicalHeader: field('baseUrlForCanonicalHeader', optional(httpUrl)),
  }
  const own = (): Record<string, unknown> => {
    switch (type) {
      case 'S3':
      case 'CLOUDINARY_BACKUP':
        return keys(field)
      case 'S3_COMPATIBLE':
        return {
          bucket: field('bucket', short),
          prefix: field('prefix', prefix),
          accessKey: field('accessKey', short),
          secretKey: field('secretKey', short),
          endpoint: field('endpoint', httpUrl),
          s3ForcePathStyle: field('s3ForcePathStyle', optional(boolean)),
        }
      case 'WEB_FOLDER':
        return {
          baseUrl: field('baseUrl', httpUrl),
          forwardHostHeaderToOrigin: field('forwardHostHeaderToOrigin', optional(boolean)),
        }
      case 'WEB_PROXY':
        return {}
      case 'GCS':
        return {
          bucket: field('bucket', short),
          prefix: field('prefix', prefix),
          clientEmail: field('clientEmail', email),
          privateKey: field('privateKey', text(1)),
        }
      case 'AZURE_BLOB':
        return {
          container: field('container', short),
          prefix: field('prefix', prefix),
          accountName: field('accountName', short),
          sasToken: field('sasToken', text(1)),
        }
      case 'AKENEO_PIM':
        return {
          baseUrl: field('baseUrl', httpUrl),
          clientId: field('clientId', short),
          clientSecret: field('clientSecret', short),
          username: field('username', short),
          password: field('password', short),
        }
    }
  }
  const body = defined({ ...base, ...own() })
  return body as OriginRequest // the fields read above, for this `type`
}
