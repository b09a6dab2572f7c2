import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from './model/MediaConfig'
import { originRequest } from './internal/originRequest'
import { operationFunction, type Operation } from './internal/send'
import { Origin, type OriginRequest } from './model/Origin'
import type { Abortable } from './model/Abortable'

/**
 * Input of {@link createOrigin}: the origin's fields for its `type`.
 *
 * @since 0.1.0
 * @category model
 */
export type CreateOriginOptions = OriginRequest & Abortable

/** The declaration of {@link createOrigin}: the call it makes, its input check and its codec. */
export const createOriginOperation: Operation<CreateOriginOptions, Origin> = {
  method: 'POST',
  path: '/v1/accounts/origins',
  /** The input check: what the call sends besides its path. */
  input: (field) => ({
    json: originRequest(field),
  }),
  codec: Origin,
  idempotent: 'unsent',
}

/**
 * Creates an origin (beta): `POST /v1/accounts/origins`. Each `type` takes its own fields, checked as the
 * spec constrains them before anything is sent. Retried only where nothing reached ImageKit (a 429, a
 * connection that never opened), never after a lost reply: it could create a second origin.
 *
 * @param config - private key and transport settings.
 * @param input - an {@link OriginRequest}, e.g. `{ type: 'S3', name, bucket, accessKey, secretKey }`.
 * @returns a TaskEither of the new {@link Origin} (secrets left out); `ValidationError` (nothing sent),
 *   `HttpError` (e.g. 400), `NetworkError` or `DecodeError`.
 * @example
 * import { createOrigin } from '@imagekit-fp/media'
 *
 * const result = await createOrigin(
 *   { privateKey: 'private_xxx' },
 *   { type: 'WEB_FOLDER', name: 'Assets', baseUrl: 'https://images.example.com/assets' },
 * )()
 * // { _tag: 'Right', right: { id: 'origin-id-1', type: 'WEB_FOLDER', name: 'Assets', … } }
 * @since 0.1.0
 * @category media
 */
export const createOrigin: (
  config: MediaConfig,
  input: CreateOriginOptions,
) => taskEither.TaskEither<MediaError, Origin> = /*#__PURE__*/ operationFunction(createOriginOperation)
