import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { array } from '@imagekit-fp/utils/codec'
import { operationFunction, type Operation } from './internal/send'
import { boolean, optional, string } from './internal/validate'
import { CustomMetadataField } from './model/CustomMetadataField'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link listCustomMetadataFields}; every field is optional.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListCustomMetadataFieldsOptions extends Abortable {
  /**
   * Also list deleted fields.
   *
   * @default false
   */
  readonly includeDeleted?: boolean
  /** Only the fields that apply at this folder (`/path/to/folder`), for accounts with path policies. */
  readonly folderPath?: string
}

const CustomMetadataFields = /*#__PURE__*/ array(CustomMetadataField)

/** The declaration of {@link listCustomMetadataFields}: the call it makes, its input check and its codec. */
export const listCustomMetadataFieldsOperation: Operation<
  ListCustomMetadataFieldsOptions,
  CustomMetadataField[]
> = {
  method: 'GET',
  path: '/v1/customMetadataFields',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    searchParams: {
      includeDeleted: field('includeDeleted', optional(boolean)),
      folderPath: field('folderPath', optional(string)),
    },
  }),
  codec: CustomMetadataFields,
  idempotent: true,
}

/**
 * Lists the custom metadata fields: `GET /v1/customMetadataFields` (the classic
 * `get_custom_metadata_fields`). Retried on 408, 429, 5xx and connection errors.
 *
 * @param config - private key and transport settings.
 * @param input - `{ includeDeleted?, folderPath? }` (default `{}`).
 * @returns a TaskEither of the {@link CustomMetadataField}s; `ValidationError` (nothing sent), `HttpError`,
 *   `NetworkError` or `DecodeError`.
 * @example
 * import { listCustomMetadataFields } from '@imagekit-fp/media'
 *
 * const result = await listCustomMetadataFields({ privateKey: 'private_xxx' }, { includeDeleted: true })()
 * // { _tag: 'Right', right: [{ id: '598821f949c0a938d57563dd', name: 'brand', label: 'brand', schema: { type: 'Text' } }] }
 * @since 0.1.0
 * @category media
 */
export const listCustomMetadataFields: (
  config: MediaConfig,
  input?: ListCustomMetadataFieldsOptions,
) => taskEither.TaskEither<MediaError, CustomMetadataField[]> = /*#__PURE__*/ operationFunction(
  listCustomMetadataFieldsOperation,
  {},
)
