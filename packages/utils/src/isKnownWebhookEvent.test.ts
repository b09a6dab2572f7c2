import { describe, expect, expectTypeOf, it } from 'vitest'
import { isKnownWebhookEvent } from './isKnownWebhookEvent'
import type {
  FileDeletedEvent,
  KnownWebhookEvent,
  UnknownWebhookEvent,
  WebhookEvent,
} from './model/WebhookEvent'

describe('isKnownWebhookEvent', () => {
  it.each([
    'file.created',
    'file.updated',
    'file.deleted',
    'file-version.created',
    'file-version.deleted',
    'upload.pre-transform.success',
    'upload.pre-transform.error',
    'upload.post-transform.success',
    'upload.post-transform.error',
    'video.transformation.accepted',
    'video.transformation.ready',
    'video.transformation.error',
  ])('is true for %s', (type) => {
    expect(isKnownWebhookEvent({ type })).toBe(true)
  })

  it.each([
    ['an unknown type', { type: 'file.renamed' }],
    ['a numeric type', { type: 1 }],
    ['no type', {}],
    ['null', null],
    ['a string', 'file.created'],
    [
      'a throwing getter',
      Object.defineProperty({}, 'type', {
        get: () => {
          throw new Error('x')
        },
      }),
    ],
  ])('is false for %s', (_, value) => {
    expect(isKnownWebhookEvent(value)).toBe(false)
  })

  it('narrows a WebhookEvent so that switch (type) narrows data', () => {
    const event = { id: 'e', type: 'file.deleted', created_at: 'now', data: { fileId: 'f1' } } as WebhookEvent
    expectTypeOf<WebhookEvent>().toEqualTypeOf<KnownWebhookEvent | UnknownWebhookEvent>()
    if (isKnownWebhookEvent(event)) {
      expectTypeOf(event).toEqualTypeOf<KnownWebhookEvent>()
      switch (event.type) {
        case 'file.deleted':
          expectTypeOf(event).toEqualTypeOf<FileDeletedEvent>()
          expect(event.data.fileId).toBe('f1')
          break
        default:
          throw new Error('unreachable')
      }
    } else throw new Error('expected a known event')
  })
})
