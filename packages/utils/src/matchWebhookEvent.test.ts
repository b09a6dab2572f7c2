import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  KnownWebhookEvent,
  matchWebhookEvent,
  webhookEventCodecs,
  type FileDeletedEvent,
  type UnknownWebhookEvent,
  type VideoTransformationReadyEvent,
  type WebhookEventHandlers,
} from '@imagekit-fp/utils/webhook'
import { createHmac } from 'node:crypto'
import { verifyWebhook } from '@imagekit-fp/utils'
import { knownWebhookEventTypes } from './model/knownWebhookEventTypes'

const base = (type: string) => ({ id: `evt_${type}`, type, created_at: '2025-01-01T00:00:00.000Z' })
const file = {
  fileId: 'f1',
  name: 'a.jpg',
  filePath: '/a.jpg',
  url: 'https://ik.imagekit.io/demo/a.jpg',
  tags: null,
}
const video = {
  x_request_id: 'req_1',
  url: 'https://ik.imagekit.io/demo/v.mp4?tr=h-240',
  user_agent: 'curl/8',
}
const asset = { url: 'https://ik.imagekit.io/demo/v.mp4' }
const failure = { error: { reason: 'encoding_failed' } }
const post = { x_request_id: 'req_2', transformation: { type: 'abs', value: 'sr-240_360', protocol: 'hls' } }

/** One valid event of each documented type (written from the spec's schemas, not its examples). */
const SAMPLES = {
  'file.created': { ...base('file.created'), data: { ...file, type: 'file', isPrivateFile: false } },
  'file.updated': { ...base('file.updated'), data: { ...file, customMetadata: { brand: 'x' } } },
  'file.deleted': { ...base('file.deleted'), data: { fileId: 'f1' } },
  'file-version.created': { ...base('file-version.created'), data: { ...file, versionInfo: { id: 'v2' } } },
  'file-version.deleted': { ...base('file-version.deleted'), data: { fileId: 'f1', versionId: 'v1' } },
  'upload.pre-transform.success': {
    ...base('upload.pre-transform.success'),
    request: { x_request_id: 'req_3', transformation: 'w-300' },
    data: { ...file, size: 1024, extensionStatus: { 'remove-bg': 'pending' } },
  },
  'upload.pre-transform.error': {
    ...base('upload.pre-transform.error'),
    request: { x_request_id: 'req_3', transformation: 'w-300' },
    data: { name: 'a.jpg', path: '/a.jpg', transformation: failure },
  },
  'upload.post-transform.success': {
    ...base('upload.post-transform.success'),
    request: post,
    data: { fileId: 'f1', url: 'https://ik.imagekit.io/demo/a.m3u8', name: 'a.mp4' },
  },
  'upload.post-transform.error': {
    ...base('upload.post-transform.error'),
    request: { x_request_id: 'req_2', transformation: { type: 'thumbnail' } },
    data: {
      fileId: 'f1',
      url: 'https://ik.imagekit.io/demo/a.jpg',
      name: 'a.mp4',
      path: '/a.mp4',
      transformation: failure,
    },
  },
  'video.transformation.accepted': {
    ...base('video.transformation.accepted'),
    request: video,
    data: {
      asset,
      transformation: { type: 'video-transformation', options: { video_codec: 'h264', quality: 80 } },
    },
  },
  'video.transformation.ready': {
    ...base('video.transformation.ready'),
    request: video,
    timings: { download_duration: 120, encoding_duration: 900 },
    data: {
      asset,
      transformation: {
        type: 'video-transformation',
        options: { stream_protocol: 'HLS', variants: ['240', '360'] },
        output: {
          url: 'https://ik.imagekit.io/demo/out.m3u8',
          video_metadata: { duration: 3.5, width: 426, height: 240, bitrate: 400000 },
        },
      },
    },
  },
  'video.transformation.error': {
    ...base('video.transformation.error'),
    request: video,
    data: { asset, transformation: { type: 'gif-to-video', error: { reason: 'download_failed' } } },
  },
} as const

/** Handlers that report which one ran, with the event they got. */
const tagged = Object.fromEntries(
  [...Object.keys(SAMPLES), 'unknown'].map((k) => [k, (e: unknown) => [k, e] as const]),
) as unknown as WebhookEventHandlers<readonly [string, unknown]>
const match = matchWebhookEvent(tagged)

/** A copy of `value` without the property at `path` (dot-separated). */
const without = (value: object, path: string): object => {
  const copy = structuredClone(value) as Record<string, unknown>
  const keys = path.split('.')
  let o = copy
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>
  Reflect.deleteProperty(o, keys[keys.length - 1]!)
  return copy
}

describe('matchWebhookEvent', () => {
  it.each(Object.entries(SAMPLES))('calls the %s handler with the event itself', (type, event) => {
    const r = match(event)
    expect(r).toStrictEqual([type, event])
    expect(r[1]).toBe(event)
  })

  it.each([
    ['file.created', 'data'],
    ['file.deleted', 'data.fileId'],
    ['file-version.deleted', 'data.versionId'],
    ['upload.pre-transform.success', 'request.transformation'],
    ['upload.pre-transform.error', 'data.transformation.error.reason'],
    ['upload.post-transform.success', 'data.url'],
    ['upload.post-transform.error', 'data.path'],
    ['video.transformation.accepted', 'request.x_request_id'],
    ['video.transformation.ready', 'data.asset.url'],
    ['video.transformation.error', 'data.transformation.type'],
    ['file.updated', 'created_at'],
    ['file-version.created', 'id'],
  ] as const)('calls unknown for a %s event without its required %s', (type, path) => {
    const event = without(SAMPLES[type], path)
    expect(match(event as never)).toStrictEqual(['unknown', event])
  })

  it.each([
    [
      'a documented enum broken',
      {
        ...SAMPLES['video.transformation.error'],
        data: { asset, transformation: { type: 'gif-to-video', error: { reason: 'oom' } } },
      },
    ],
    [
      'a typed optional field of the wrong type',
      { ...SAMPLES['file.created'], data: { ...file, size: '1 kB' } },
    ],
    ['tags that are not strings', { ...SAMPLES['file.updated'], data: { tags: [1] } }],
    ['an unknown type', { ...base('file.renamed'), data: {} }],
    ['a type that is an Object.prototype key', { ...base('constructor') }],
  ])('calls unknown for %s', (_, event) => {
    expect(match(event as never)).toStrictEqual(['unknown', event])
  })

  it.each([
    ['null', null],
    ['a string', 'file.created'],
    ['an object without type', {}],
  ])('calls unknown for %s, and never throws', (_, value) => {
    expect(match(value as never)).toStrictEqual(['unknown', value])
  })

  it('calls unknown for an event whose getters throw', () => {
    const throwing = Object.defineProperty({}, 'type', {
      get: () => {
        throw new Error('x')
      },
    })
    expect(match(throwing as never)[0]).toBe('unknown')
    const deep = {
      ...SAMPLES['file.deleted'],
      data: Object.defineProperty({}, 'fileId', {
        get: () => {
          throw new Error('y')
        },
        enumerable: true,
      }),
    }
    expect(match(deep as never)[0]).toBe('unknown')
  })

  it('keeps fields the codecs do not list', () => {
    const event = { ...SAMPLES['file.deleted'], data: { fileId: 'f1', extra: 1 }, more: true }
    expect(match(event)).toStrictEqual(['file.deleted', event])
  })

  it('routes a verified webhook (verifyWebhook, then matchWebhookEvent)', () => {
    const body = JSON.stringify(SAMPLES['file-version.deleted'])
    const t = 1_735_689_600_000
    const headers = {
      'x-ik-signature': `t=${t},v1=${createHmac('sha256', 'whsec_x').update(`${t}.${body}`).digest('hex')}`,
    }
    const verified = verifyWebhook({ webhookSecret: 'whsec_x', now: () => t }, { body, headers })
    if (verified._tag === 'Left') throw new Error(verified.left.message)
    const versionOf = matchWebhookEvent({
      ...tagged,
      'file-version.deleted': (e) => [e.data.versionId, e] as const,
    })
    expect(versionOf(verified.right.event)).toStrictEqual(['v1', SAMPLES['file-version.deleted']])
  })

  it('types each handler with its event and the fallback with UnknownWebhookEvent', () => {
    type H = WebhookEventHandlers<void>
    expectTypeOf<Parameters<H['file.deleted']>[0]>().toEqualTypeOf<FileDeletedEvent>()
    expectTypeOf<
      Parameters<H['video.transformation.ready']>[0]
    >().toEqualTypeOf<VideoTransformationReadyEvent>()
    expectTypeOf<Parameters<H['unknown']>[0]>().toEqualTypeOf<UnknownWebhookEvent>()
    expectTypeOf<keyof H>().toEqualTypeOf<keyof typeof SAMPLES | 'unknown'>()
  })
})

describe('webhook event codecs', () => {
  it('cover every documented type, the same list the core entry keeps for isKnownWebhookEvent', () => {
    expect(Object.keys(webhookEventCodecs)).toStrictEqual([...knownWebhookEventTypes])
    expect(Object.keys(webhookEventCodecs).sort()).toStrictEqual(Object.keys(SAMPLES).sort())
  })

  it.each(Object.entries(SAMPLES))('KnownWebhookEvent decodes the %s sample to itself', (_, event) => {
    expect(KnownWebhookEvent.decode(event)).toStrictEqual({ _tag: 'Right', right: event })
  })

  it('reports the failing path of a known event', () => {
    const r = webhookEventCodecs['file-version.deleted'].decode(
      without(SAMPLES['file-version.deleted'], 'data.versionId'),
    )
    expect(
      r._tag === 'Left' &&
        r.left.map((e) =>
          e.context
            .map((c) => c.key)
            .filter((k) => k !== '' && !/^\d$/.test(k))
            .join('.'),
        ),
    ).toStrictEqual(['data.versionId'])
  })
})
