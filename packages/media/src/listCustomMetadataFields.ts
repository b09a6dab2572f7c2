import type { taskEither } from 'fp-ts'
import { array } from '@imagekit-fp/utils/codec'
import { send } from './internal/send'
import { boolean, optional, prepare, signal, string } from './internal/validate'
import { CustomMetadataField } from './model/CustomMetadataField'
import type { MediaConfig, MediaError } from './model/MediaConfig'

/**
 * Input of {@link listCustomMetadataFields}; every field is optional.
 *
 * @since 0.1.0
 * @category model
 */
export interface ListCustomMetadataFieldsOptions {
  /**
   * Also list deleted fields.
   *
   * @default false
   */
  readonly includeDeleted?: boolean
  /** Only the fields that apply at this folder (`/path/to/folder`), for accounts with path policies. */
  readonly folderPath?: string
  /** Aborting it ends the call with `NetworkError` `Aborted`. */
  readonly signal?: AbortSignal
}

const CustomMetadataFields = /*#__PURE__*/ array(CustomMetadataField)

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
export const listCustomMetadataFields = (
  config: MediaConfig,
  input: ListCustomMetadataFieldsOptions = {},
): taskEither.TaskEither<MediaError, CustomMetadataField[]> =>
  send(
    config,
    prepare(input, (field) => ({
      method: 'GET',
      path: '/v1/customMetadataFields',
      query: {
        includeDeleted: field('includeDeleted', optional(boolean)),
        folderPath: field('folderPath', optional(string)),
      },
      codec: CustomMetadataFields,
      signal: field('signal', optional(signal)),
    })),
  )
