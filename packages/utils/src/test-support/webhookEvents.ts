// One valid event of each documented webhook type and small helpers, shared by the matchWebhookEvent tests.
import type { WebhookEventHandlers } from '../matchWebhookEvent'

export const base = (type: string) => ({ id: `evt_${type}`, type, created_at: '2025-01-01T00:00:00.000Z' })
export const file = {
  fileId: 'f1',
  name: 'a.jpg',
  filePath: '/a.jpg',
  url: 'https://ik.imagekit.io/demo/a.jpg',
  tags: null,
}
export const video = {
  x_request_id: 'req_1',
  url: 'https://ik.imagekit.io/demo/v.mp4?tr=h-240',
  user_agent: 'curl/8',
}
export const asset = { url: 'https://ik.imagekit.io/demo/v.mp4' }
export const failure = { error: { reason: 'encoding_failed' } }
export const post = {
  x_request_id: 'req_2',
  transformation: { type: 'abs', value: 'sr-240_360', protocol: 'hls' },
}

/** One valid event of each documented type (written from the spec's schemas, not its examples). */
export const SAMPLES = {
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
export const tagged = Object.fromEntries(
  [...Object.keys(SAMPLES), 'unknown'].map((k) => [k, (e: unknown) => [k, e] as const]),
) as unknown as WebhookEventHandlers<readonly [string, unknown]>

/** A copy of `value` without the property at `path` (dot-separated). */
export const without = (value: object, path: string): object => {
  const copy = structuredClone(value) as Record<string, unknown>
  const keys = path.split('.')
  let o = copy
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>
  Reflect.deleteProperty(o, keys[keys.length - 1]!)
  return copy
}

/** A copy of `value` with `v` at `path` (dot-separated; the objects on the way exist). */
export const put = (value: object, path: string, v: unknown): object => {
  const copy = structuredClone(value) as Record<string, unknown>
  const keys = path.split('.')
  let o = copy
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>
  o[keys[keys.length - 1]!] = v
  return copy
}
