import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import type * as t from 'io-ts'
import { detailsFields, fileFields, laxString, oneOf, struct, uploadFields } from '@imagekit-fp/utils/codec'
import { extension } from '@imagekit-fp/internal'
import { operationFunction, type Operation } from './internal/send'
import {
  array,
  boolean,
  fail,
  normalHttpUrl,
  nonEmptyString,
  nullable,
  object,
  optional,
  record,
  string,
  type Check,
} from './internal/validate'
import type { Extension } from './model/Extension'
import type { Abortable } from './model/Abortable'

/**
 * The update form of {@link updateFileDetails}: at least one of these.
 *
 * @since 0.1.0
 * @category model
 */
export interface FileDetailsUpdate {
  /** The file's tags, replacing the current ones; `null` removes them all. */
  readonly tags?: readonly string[] | null
  /** `x,y,width,height`, e.g. `10,10,100,100`; `null` removes them. */
  readonly customCoordinates?: string | null
  /**
   * Custom metadata values by field name (fields must exist); a `null` value unsets that field. A value JSON cannot
   * hold as it is (NaN, Infinity, a function, …) is a ValidationError at its path, never sent as `null`.
   */
  readonly customMetadata?: Readonly<Record<string, unknown>>
  /** A text description of the file. */
  readonly description?: string
  /** Extensions to run on the file (results reach `webhookUrl`). */
  readonly extensions?: readonly Extension[]
  /** AI tags to remove, or `'all'`; runs before `extensions`. */
  readonly removeAITags?: readonly string[] | 'all'
  /** Where ImageKit posts the extensions' final status. */
  readonly webhookUrl?: string
  readonly publish?: never
}

/**
 * The publish form of {@link updateFileDetails}: publish or unpublish, nothing else.
 *
 * @since 0.1.0
 * @category model
 */
export interface FilePublishUpdate {
  readonly publish: {
    /** `true` publishes the file, `false` unpublishes it. */
    readonly isPublished: boolean
    /**
     * Apply to every version of the file, not only the current one.
     * @default false
     */
    readonly includeFileVersions?: boolean
  }
  readonly tags?: never
  readonly customCoordinates?: never
  readonly customMetadata?: never
  readonly description?: never
  readonly extensions?: never
  readonly removeAITags?: never
  readonly webhookUrl?: never
}

/**
 * Input of {@link updateFileDetails}: the file's id and either form.
 *
 * @since 0.1.0
 * @category model
 */
export type UpdateFileDetailsOptions = Abortable & {
  /** The file's id. */
  readonly fileId: string
} & (FileDetailsUpdate | FilePublishUpdate)

/**
 * The reply of {@link updateFileDetails}: the updated file, with `extensionStatus` when extensions were asked.
 *
 * @example
 * import { UpdateFileDetailsResult } from '@imagekit-fp/media'
 *
 * UpdateFileDetailsResult.is({ fileId: 'a', type: 'file', name: 'a.jpg', filePath: '/a.jpg', extensionStatus: { 'remove-bg': 'pending' } }) // true
 * @since 0.1.0
 * @category codecs
 */
export const UpdateFileDetailsResult = /*#__PURE__*/ struct('UpdateFileDetailsResult', {
  identity: { fileId: laxString },
  optional: {
    type: /*#__PURE__*/ oneOf('FileKind', ['file', 'file-version']),
    ...fileFields,
    ...detailsFields,
    /** Extension name → `'success' | 'pending' | 'failed'` (open: a new extension or status passes through). */
    extensionStatus: uploadFields.extensionStatus,
  },
})
/**
 * @since 0.1.0
 * @category model
 */
export type UpdateFileDetailsResult = t.TypeOf<typeof UpdateFileDetailsResult>

const UPDATE_KEYS = [
  'tags',
  'customCoordinates',
  'customMetadata',
  'description',
  'extensions',
  'removeAITags',
  'webhookUrl',
] as const

const removeAITags: Check<readonly string[] | 'all'> = (u, path) =>
  u === 'all' ? u : array(nonEmptyString, 1)(u, path)

/** The declaration of {@link updateFileDetails}: the call it makes, its input check and its codec. */
export const updateFileDetailsOperation: Operation<
  UpdateFileDetailsOptions,
  UpdateFileDetailsResult,
  UpdateFileDetailsResult,
  { readonly json: object; readonly idempotent?: 'unsent' }
> = {
  method: 'PATCH',
  path: '/v1/files/{fileId}/details',
  /** The input check: what the call sends besides its path. */
  input: (field) => {
    const publish = field(
      'publish',
      optional(
        object((f) => ({
          isPublished: f('isPublished', boolean),
          includeFileVersions: f('includeFileVersions', optional(boolean)),
        })),
      ),
    )
    const update = {
      tags: field('tags', optional(nullable(array(nonEmptyString)))),
      customCoordinates: field('customCoordinates', optional(nullable(string))),
      customMetadata: field('customMetadata', optional(record)),
      description: field('description', optional(string)),
      extensions: field('extensions', optional(array(extension as Check<Extension>, 1))),
      removeAITags: field('removeAITags', optional(removeAITags)),
      webhookUrl: field('webhookUrl', optional(normalHttpUrl)),
    }
    const given = UPDATE_KEYS.filter((k) => update[k] !== undefined)
    if (publish !== undefined && given.length > 0)
      fail(`input.${given[0]}`, 'cannot be sent with publish (publishing is a separate update)')
    if (publish === undefined && given.length === 0)
      fail('input', `has nothing to update: set one of ${UPDATE_KEYS.join(', ')}, or publish`)
    return {
      json: publish === undefined ? update : { publish },
      // Extensions run again on a repeat: only retried where nothing reached ImageKit.
      ...(update.extensions === undefined ? {} : { idempotent: 'unsent' as const }),
    }
  },
  codec: UpdateFileDetailsResult,
  idempotent: true,
}

/**
 * Updates a file's details, or publishes/unpublishes it: `PATCH /v1/files/{fileId}/details` (the classic
 * `update_file_details`). Unlike node6, `removeAITags` and `description` are sent. Retried when no
 * `extensions` are asked (a repeated plain update is harmless); with `extensions` only where nothing reached
 * ImageKit (a 429, a connection that never opened): after a lost reply they would run twice.
 *
 * @param config - private key and transport settings.
 * @param input - `{ fileId, ...update }` with at least one update field, or `{ fileId, publish }`.
 * @returns a TaskEither of the {@link UpdateFileDetailsResult}; `ValidationError` (nothing to update, both
 *   forms mixed, a bad field), `HttpError`, `NetworkError` or `DecodeError`.
 * @example
 * import { updateFileDetails } from '@imagekit-fp/media'
 *
 * await updateFileDetails({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd', tags: ['sale'] })()
 * // resolves to { _tag: 'Right', right: { fileId: '598821f949c0a938d57563bd', tags: ['sale'], … } }
 * await updateFileDetails({ privateKey: 'private_xxx' }, { fileId: '598821f949c0a938d57563bd', publish: { isPublished: false } })()
 * @since 0.1.0
 * @category files
 */
export const updateFileDetails: (
  config: MediaConfig,
  input: UpdateFileDetailsOptions,
) => taskEither.TaskEither<MediaError, UpdateFileDetailsResult> =
  /*#__PURE__*/ operationFunction(updateFileDetailsOperation)
