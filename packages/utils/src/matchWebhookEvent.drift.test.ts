import { describe, expect, it } from 'vitest'
import { KnownWebhookEvent, matchWebhookEvent } from '@imagekit-fp/utils/webhook'
import type { Drift, DriftKind } from '@imagekit-fp/utils/codec'
import { knownWebhookEventTypes } from './model/knownWebhookEventTypes'
import { SAMPLES, base, put, tagged, without } from './test-support/webhookEvents'

type Type = keyof typeof SAMPLES
/** What `onDrift` hears for an event of `type`. */
const d = (type: string, path: string, kind: DriftKind, expected: string, got: unknown): Drift => ({
  operation: `webhook ${type}`,
  path,
  kind,
  expected,
  got,
})
const ALL_TYPES = knownWebhookEventTypes.map((k) => `'${k}'`).join(' | ')

/** A drift case: the event, the handler (lax) and the value it gets, what onDrift hears, the handler (strict). */
type Case = readonly [
  title: string,
  event: object,
  lax: readonly [handler: string, value: unknown],
  drifts: readonly Drift[],
  strict: string,
]
/** An event of `type` whose body drifts at one place, read by the typed handler. */
const drifted = (title: string, type: Type, event: object, value: object, drifts: readonly Drift[]): Case => [
  title,
  event,
  [type, value],
  drifts,
  'unknown',
]
/** An event that cannot be identified: `unknown` in both modes, and no drift heard. */
const unidentified = (title: string, event: object): Case => [title, event, ['unknown', event], [], 'unknown']

const created = SAMPLES['file.created']
const updated = SAMPLES['file.updated']
const ready = SAMPLES['video.transformation.ready']
const accepted = SAMPLES['video.transformation.accepted']
const videoError = SAMPLES['video.transformation.error']
const postError = SAMPLES['upload.post-transform.error']

const CASES: readonly Case[] = [
  // An unknown enum value passes through as it came.
  ...(() => {
    const reason = put(videoError, 'data.transformation.error.reason', 'oom')
    const codec = put(accepted, 'data.transformation.options.video_codec', 'hevc')
    const postType = put(SAMPLES['upload.post-transform.success'], 'request.transformation.type', 'audio')
    const ext = put(created, 'data.extensionStatus', { 'remove-bg': 'skipped' })
    const kind = put(created, 'data.type', 'folder')
    return [
      drifted('an unknown error reason', 'video.transformation.error', reason, reason, [
        d(
          'video.transformation.error',
          'data.transformation.error.reason',
          'unknown-value',
          "'encoding_failed' | 'download_failed' | 'internal_server_error'",
          'oom',
        ),
      ]),
      drifted('an unknown video codec', 'video.transformation.accepted', codec, codec, [
        d(
          'video.transformation.accepted',
          'data.transformation.options.video_codec',
          'unknown-value',
          "'h264' | 'vp9' | 'av1'",
          'hevc',
        ),
      ]),
      drifted('an unknown post-transformation type', 'upload.post-transform.success', postType, postType, [
        d(
          'upload.post-transform.success',
          'request.transformation.type',
          'unknown-value',
          "'transformation' | 'abs' | 'gif-to-video' | 'thumbnail'",
          'audio',
        ),
      ]),
      drifted('an unknown extension status', 'file.created', ext, ext, [
        d(
          'file.created',
          'data.extensionStatus.remove-bg',
          'unknown-value',
          "'success' | 'pending' | 'failed'",
          'skipped',
        ),
      ]),
      drifted('an unknown file kind', 'file.created', kind, kind, [
        d('file.created', 'data.type', 'unknown-value', "'file' | 'file-version'", 'folder'),
      ]),
    ]
  })(),
  // An unknown event type: the unknown handler, one unknown-variant drift.
  [
    'an unknown event type',
    { ...base('file.renamed'), data: {} },
    ['unknown', { ...base('file.renamed'), data: {} }],
    [d('file.renamed', 'type', 'unknown-variant', ALL_TYPES, 'file.renamed')],
    'unknown',
  ],
  [
    'a type that is an Object.prototype key',
    base('toString'),
    ['unknown', base('toString')],
    [d('toString', 'type', 'unknown-variant', ALL_TYPES, 'toString')],
    'unknown',
  ],
  // null in an optional field is left out (where the spec allows null, it is no drift).
  drifted('a null width', 'file.created', put(created, 'data.width', null), created, [
    d('file.created', 'data.width', 'null', 'number', null),
  ]),
  drifted(
    'null timings',
    'video.transformation.ready',
    put(ready, 'timings', null),
    without(ready, 'timings'),
    [d('video.transformation.ready', 'timings', 'null', 'VideoTimings', null)],
  ),
  drifted(
    'a null transformation error',
    'video.transformation.error',
    put(videoError, 'data.transformation.error', null),
    without(videoError, 'data.transformation.error'),
    [d('video.transformation.error', 'data.transformation.error', 'null', 'VideoTransformationError', null)],
  ),
  [
    'null tags (documented as nullable)',
    put(updated, 'data.tags', null),
    ['file.updated', put(updated, 'data.tags', null)],
    [],
    'file.updated',
  ],
  // A mistyped value read without loss is coerced.
  drifted(
    'a size sent as "300"',
    'file.created',
    put(created, 'data.size', '300'),
    put(created, 'data.size', 300),
    [d('file.created', 'data.size', 'coerced', 'number', '300')],
  ),
  drifted(
    'a quality sent as "80"',
    'video.transformation.accepted',
    put(accepted, 'data.transformation.options.quality', '80'),
    put(accepted, 'data.transformation.options.quality', 80),
    [d('video.transformation.accepted', 'data.transformation.options.quality', 'coerced', 'number', '80')],
  ),
  drifted(
    'isPrivateFile sent as "false"',
    'file.updated',
    put(updated, 'data.isPrivateFile', 'false'),
    put(updated, 'data.isPrivateFile', false),
    [d('file.updated', 'data.isPrivateFile', 'coerced', 'boolean', 'false')],
  ),
  drifted('a numeric tag', 'file.updated', put(updated, 'data.tags', [1]), put(updated, 'data.tags', ['1']), [
    d('file.updated', 'data.tags[0]', 'coerced', 'string', 1),
  ]),
  drifted(
    'a stream protocol in lower case',
    'video.transformation.ready',
    put(ready, 'data.transformation.options.stream_protocol', 'hls'),
    ready,
    [
      d(
        'video.transformation.ready',
        'data.transformation.options.stream_protocol',
        'coerced',
        "'HLS' | 'DASH'",
        'hls',
      ),
    ],
  ),
  drifted(
    'a fileId sent as a number',
    'upload.post-transform.error',
    put(postError, 'data.fileId', 42),
    put(postError, 'data.fileId', '42'),
    [d('upload.post-transform.error', 'data.fileId', 'coerced', 'string', 42)],
  ),
  // A value that cannot be coerced is left out.
  drifted('a size of "1 kB"', 'file.created', put(created, 'data.size', '1 kB'), created, [
    d('file.created', 'data.size', 'dropped', 'number', '1 kB'),
  ]),
  drifted(
    'a tag that is an object',
    'file.updated',
    put(updated, 'data.tags', ['a', {}]),
    put(updated, 'data.tags', ['a']),
    [d('file.updated', 'data.tags[1]', 'dropped', 'string', {})],
  ),
  drifted(
    'an output width of "wide"',
    'video.transformation.ready',
    put(ready, 'data.transformation.output.video_metadata.width', 'wide'),
    without(ready, 'data.transformation.output.video_metadata.width'),
    [
      d(
        'video.transformation.ready',
        'data.transformation.output.video_metadata.width',
        'dropped',
        'number',
        'wide',
      ),
    ],
  ),
  // A documented field that is missing is reported; the reading goes on without it.
  ...(['data.versionId', 'created_at'] as const).map((path) => {
    const event = without(SAMPLES['file-version.deleted'], path)
    return drifted(`a file-version.deleted without ${path}`, 'file-version.deleted', event, event, [
      d('file-version.deleted', path, 'missing', 'string', undefined),
    ])
  }),
  drifted(
    'an upload.post-transform.success without request',
    'upload.post-transform.success',
    without(SAMPLES['upload.post-transform.success'], 'request'),
    without(SAMPLES['upload.post-transform.success'], 'request'),
    [d('upload.post-transform.success', 'request', 'missing', 'PostTransformWebhookRequestInfo', undefined)],
  ),
  drifted(
    'a video.transformation.ready without data.asset.url',
    'video.transformation.ready',
    without(ready, 'data.asset.url'),
    without(ready, 'data.asset.url'),
    [d('video.transformation.ready', 'data.asset.url', 'missing', 'string', undefined)],
  ),
  drifted(
    'an upload.pre-transform.error without its reason',
    'upload.pre-transform.error',
    without(SAMPLES['upload.pre-transform.error'], 'data.transformation.error.reason'),
    without(SAMPLES['upload.pre-transform.error'], 'data.transformation.error.reason'),
    [d('upload.pre-transform.error', 'data.transformation.error.reason', 'missing', 'string', undefined)],
  ),
  drifted('a file.created without data', 'file.created', without(created, 'data'), without(created, 'data'), [
    d('file.created', 'data', 'missing', 'WebhookFile', undefined),
  ]),
  // Several drifts in one event: each heard, in the order of the documented fields.
  drifted(
    'a file with three drifts',
    'file.created',
    put(put(put(created, 'data.size', '300'), 'data.width', null), 'data.type', 'folder'),
    put(put(created, 'data.size', 300), 'data.type', 'folder'),
    [
      d('file.created', 'data.type', 'unknown-value', "'file' | 'file-version'", 'folder'),
      d('file.created', 'data.width', 'null', 'number', null),
      d('file.created', 'data.size', 'coerced', 'number', '300'),
    ],
  ),
  // What identifies the event is missing or unusable: unknown, in both modes.
  unidentified('a file.deleted without data.fileId', without(SAMPLES['file.deleted'], 'data.fileId')),
  unidentified('a file.deleted whose fileId is an object', put(SAMPLES['file.deleted'], 'data.fileId', {})),
  unidentified('a file-version.deleted without data', without(SAMPLES['file-version.deleted'], 'data')),
  unidentified(
    'an upload.post-transform.success with a null fileId',
    put(SAMPLES['upload.post-transform.success'], 'data.fileId', null),
  ),
  unidentified('a file-version.created without id', without(SAMPLES['file-version.created'], 'id')),
  unidentified(
    'a file.created without id and with a drifting size',
    put(without(created, 'id'), 'data.size', '300'),
  ),
  [
    'an event whose type is not a string',
    { ...base('x'), type: 7 },
    ['unknown', { ...base('x'), type: 7 }],
    [],
    'unknown',
  ],
]

describe('matchWebhookEvent on drift', () => {
  it.each(CASES)('%s', (_, event, lax, drifts, strictHandler) => {
    const heard: Drift[] = []
    const read = matchWebhookEvent(tagged, { onDrift: (drift) => void heard.push(drift) })
    expect(read(event as never)).toStrictEqual(lax)
    expect(heard).toStrictEqual(drifts)

    const heardStrictly: Drift[] = []
    const strict = matchWebhookEvent(tagged, {
      strict: true,
      onDrift: (drift) => void heardStrictly.push(drift),
    })
    const r = strict(event as never)
    expect(r).toStrictEqual([strictHandler, strictHandler === 'unknown' ? event : lax[1]])
    if (strictHandler === 'unknown') expect(r[1]).toBe(event) // the event whole, not a reading of it
    expect(heardStrictly).toStrictEqual(drifts)

    // The codec behind the matcher reads the same: a Right with the handler's value, or a Left.
    const decoded = KnownWebhookEvent.decode(event)
    expect(lax[0] === 'unknown' ? decoded._tag : decoded).toStrictEqual(
      lax[0] === 'unknown' ? 'Left' : { _tag: 'Right', right: lax[1] },
    )
  })

  it('hands an event without drift to its handler as it came, in both modes', () => {
    const heard: Drift[] = []
    for (const strict of [false, true]) {
      const r = matchWebhookEvent(tagged, { strict, onDrift: (drift) => void heard.push(drift) })(created)
      expect(r).toStrictEqual(['file.created', created])
      expect(r[1]).toBe(created)
    }
    expect(heard).toStrictEqual([])
  })

  it('ignores what onDrift throws, and still tells it every drift', () => {
    const paths: string[] = []
    const read = matchWebhookEvent(tagged, {
      onDrift: (drift) => {
        paths.push(drift.path)
        throw new Error('listener failed')
      },
    })
    const event = put(put(created, 'data.size', '300'), 'data.width', null)
    expect(read(event as never)).toStrictEqual(['file.created', put(created, 'data.size', 300)])
    expect(paths).toStrictEqual(['data.width', 'data.size'])
    expect(read({ ...base('file.renamed') } as never)).toStrictEqual(['unknown', base('file.renamed')])
    expect(paths).toStrictEqual(['data.width', 'data.size', 'type'])
  })

  it('reads leniently without options, and treats a strict that is not true as lax', () => {
    const event = put(created, 'data.size', '300')
    const value = ['file.created', put(created, 'data.size', 300)]
    expect(matchWebhookEvent(tagged)(event as never)).toStrictEqual(value)
    expect(matchWebhookEvent(tagged, { strict: 'yes' as never })(event as never)).toStrictEqual(value)
    expect(matchWebhookEvent(tagged, { onDrift: 'not a function' as never })(event as never)).toStrictEqual(
      value,
    )
  })

  it('leaves the event it was given untouched', () => {
    const event = put(created, 'data.size', '300')
    const copy = structuredClone(event)
    matchWebhookEvent(tagged)(event as never)
    expect(event).toStrictEqual(copy)
  })
})
