import * as t from 'io-ts'

/** One origin type as the API returns it: the fields every type has, plus its own. */
const variant = <T extends string, R extends t.Props, P extends t.Props>(type: T, required: R, partial: P) =>
  t.intersection([
    t.type({
      id: t.string,
      name: t.string,
      type: t.literal(type),
      includeCanonicalHeader: t.boolean,
      ...required,
    }),
    t.partial({ baseUrlForCanonicalHeader: t.string, ...partial }),
  ])

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
export const Origin = /*#__PURE__*/ t.union(
  [
    /*#__PURE__*/ variant('S3', { bucket: t.string, prefix: t.string }, { useIAMRole: t.boolean }),
    /*#__PURE__*/ variant(
      'S3_COMPATIBLE',
      { bucket: t.string, prefix: t.string, endpoint: t.string, s3ForcePathStyle: t.boolean },
      {},
    ),
    /*#__PURE__*/ variant(
      'CLOUDINARY_BACKUP',
      { bucket: t.string, prefix: t.string },
      { useIAMRole: t.boolean },
    ),
    /*#__PURE__*/ variant('WEB_FOLDER', { baseUrl: t.string, forwardHostHeaderToOrigin: t.boolean }, {}),
    /*#__PURE__*/ variant('WEB_PROXY', {}, {}),
    /*#__PURE__*/ variant('GCS', { bucket: t.string, prefix: t.string, clientEmail: t.string }, {}),
    /*#__PURE__*/ variant('AZURE_BLOB', { container: t.string, prefix: t.string, accountName: t.string }, {}),
    /*#__PURE__*/ variant('AKENEO_PIM', { baseUrl: t.string }, {}),
  ],
  'Origin',
)
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
