import type * as t from 'io-ts'
import { laxBoolean, laxString, literal, struct, union, type LaxType } from '@imagekit-fp/utils/codec'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a map of codecs of any shape
type Props = Readonly<Record<string, LaxType<any>>>

/** One origin type as the API returns it: the fields every type has, plus its own. */
const variant = <T extends string, R extends Props, P extends Props>(type: T, required: R, optional: P) =>
  struct(type, {
    identity: { type: literal(type), id: laxString },
    required: { name: laxString, includeCanonicalHeader: laxBoolean, ...required },
    optional: { baseUrlForCanonicalHeader: laxString, ...optional },
  })

const bucket = { bucket: laxString, prefix: laxString }

/**
 * An origin as the API returns it (secrets left out), one variant per `type`: `S3`, `S3_COMPATIBLE`,
 * `CLOUDINARY_BACKUP`, `WEB_FOLDER`, `WEB_PROXY`, `GCS`, `AZURE_BLOB`, `AKENEO_PIM`, each with the fields
 * the spec requires for it.
 *
 * @example
 * import { Origin } from '@imagekit-fp/media'
 *
 * Origin.is({ id: 'origin-id-1', type: 'WEB_PROXY', name: 'Proxy', includeCanonicalHeader: false }) // true
 * @since 0.1.0
 * @category codecs
 */
export const Origin = /*#__PURE__*/ union('Origin', 'type', {
  S3: /*#__PURE__*/ variant('S3', bucket, { useIAMRole: laxBoolean }),
  S3_COMPATIBLE: /*#__PURE__*/ variant(
    'S3_COMPATIBLE',
    { ...bucket, endpoint: laxString, s3ForcePathStyle: laxBoolean },
    {},
  ),
  CLOUDINARY_BACKUP: /*#__PURE__*/ variant('CLOUDINARY_BACKUP', bucket, { useIAMRole: laxBoolean }),
  WEB_FOLDER: /*#__PURE__*/ variant(
    'WEB_FOLDER',
    { baseUrl: laxString, forwardHostHeaderToOrigin: laxBoolean },
    {},
  ),
  WEB_PROXY: /*#__PURE__*/ variant('WEB_PROXY', {}, {}),
  GCS: /*#__PURE__*/ variant('GCS', { ...bucket, clientEmail: laxString }, {}),
  AZURE_BLOB: /*#__PURE__*/ variant(
    'AZURE_BLOB',
    { container: laxString, prefix: laxString, accountName: laxString },
    {},
  ),
  AKENEO_PIM: /*#__PURE__*/ variant('AKENEO_PIM', { baseUrl: laxString }, {}),
})
/**
 * @since 0.1.0
 * @category model
 */
export type Origin = t.TypeOf<typeof Origin>

/** What every origin type takes. */
interface OriginBase {
  /** Display name: 1 to 100 letters, digits and spaces. */
  readonly name: string
  /** Send a `Link: rel=canonical` header. @default false */
  readonly includeCanonicalHeader?: boolean
  /** The URL in that header. */
  readonly baseUrlForCanonicalHeader?: string
}

/** S3 and Cloudinary backup buckets. */
interface BucketWithKeys extends OriginBase {
  readonly bucket: string
  /** @default '' */
  readonly prefix?: string
  /** Authenticate with an IAM role; `accessKey` and `secretKey` must then be `''`. @default false */
  readonly useIAMRole?: boolean
  readonly accessKey: string
  readonly secretKey: string
}

/**
 * The body that creates or replaces an origin (the spec's `OriginRequest`), one variant per `type`.
 *
 * @example
 * import type { OriginRequest } from '@imagekit-fp/media'
 *
 * const origin: OriginRequest = { type: 'WEB_FOLDER', name: 'Assets', baseUrl: 'https://images.example.com/assets' }
 * @since 0.1.0
 * @category model
 */
export type OriginRequest =
  | (BucketWithKeys & { readonly type: 'S3' })
  | (BucketWithKeys & { readonly type: 'CLOUDINARY_BACKUP' })
  | (OriginBase & {
      readonly type: 'S3_COMPATIBLE'
      readonly bucket: string
      readonly prefix?: string
      readonly accessKey: string
      readonly secretKey: string
      /** The S3-compatible endpoint URL. */
      readonly endpoint: string
      /** @default false */
      readonly s3ForcePathStyle?: boolean
    })
  | (OriginBase & {
      readonly type: 'WEB_FOLDER'
      readonly baseUrl: string
      /** @default false */
      readonly forwardHostHeaderToOrigin?: boolean
    })
  | (OriginBase & { readonly type: 'WEB_PROXY' })
  | (OriginBase & {
      readonly type: 'GCS'
      readonly bucket: string
      readonly prefix?: string
      readonly clientEmail: string
      /** The service account's private key (PEM). */
      readonly privateKey: string
    })
  | (OriginBase & {
      readonly type: 'AZURE_BLOB'
      readonly container: string
      readonly prefix?: string
      readonly accountName: string
      readonly sasToken: string
    })
  | (OriginBase & {
      readonly type: 'AKENEO_PIM'
      readonly baseUrl: string
      readonly clientId: string
      readonly clientSecret: string
      readonly username: string
      readonly password: string
    })
