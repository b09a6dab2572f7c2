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
import { SAMPLES, asset, base, tagged, without } from './test-support/webhookEvents'

const match = matchWebhookEvent(tagged)

describe('matchWebhookEvent', () => {
  it.each(Object.entries(SAMPLES))('calls the %s handler with the event itself', (type, event) => {
    const r = match(event)
    expect(r).toStrictEqual([type, event])
    expect(r[1]).toBe(event)
  })

  it.each([
    ['file.deleted', 'data.fileId'],
    ['file.deleted', 'data'],
    ['file-version.deleted', 'data.fileId'],
    ['upload.post-transform.success', 'data.fileId'],
    ['upload.post-transform.error', 'data.fileId'],
    ['file-version.created', 'id'],
    ['video.transformation.ready', 'id'],
    ['file.updated', 'type'],
  ] as const)('calls unknown for a %s event without %s, which identifies it', (type, path) => {
    const event = without(SAMPLES[type], path)
    expect(match(event as never)).toStrictEqual(['unknown', event])
  })

  it.each([
    ['an unknown type', { ...base('file.renamed'), data: {} }],
    ['a type that is an Object.prototype key', { ...base('constructor') }],
    ['an id that is not a string', { ...SAMPLES['file.deleted'], id: { value: 'e1' } }],
    [
      'a null fileId',
      {
        ...SAMPLES['upload.post-transform.success'],
        data: { ...SAMPLES['upload.post-transform.success'].data, fileId: null },
      },
    ],
  ])('calls unknown for %s', (_, event) => {
    expect(match(event as never)).toStrictEqual(['unknown', event])
  })

  it.each([
    [
      'an undocumented enum value',
      {
        ...SAMPLES['video.transformation.error'],
        data: { asset, transformation: { type: 'gif-to-video', error: { reason: 'oom' } } },
      },
    ],
    ['tags that are numbers', { ...SAMPLES['file.updated'], data: { tags: [1] } }],
    ['a missing documented field', without(SAMPLES['file-version.deleted'], 'data.versionId')],
  ])('calls the typed handler for %s (lax), where it used to call unknown', (_, event) => {
    expect(match(event as never)[0]).toBe((event as { type: string }).type)
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
    const optional = {
      ...SAMPLES['file.created'],
      data: Object.defineProperty({ fileId: 'f1' }, 'size', {
        get: () => {
          throw new Error('z')
        },
        enumerable: true,
      }),
    }
    expect(match(optional as never)[0]).toBe('unknown')
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

  it('reports the path that identifies the event when it is missing', () => {
    const r = webhookEventCodecs['file-version.deleted'].decode(
      without(SAMPLES['file-version.deleted'], 'data.fileId'),
    )
    expect(r._tag === 'Left' && r.left.map((e) => [e.context.map((c) => c.key), e.message])).toStrictEqual([
      [['', 'data.fileId'], 'expected string, got undefined: the object cannot be identified without it'],
      [
        ['', 'data'],
        'expected DeletedFileVersion, got {"versionId":"v1"}: the object cannot be identified without it',
      ],
    ])
  })

  it('decodes a missing documented field as a Right without it (the lax reading)', () => {
    const event = without(SAMPLES['file-version.deleted'], 'data.versionId')
    expect(webhookEventCodecs['file-version.deleted'].decode(event)).toStrictEqual({
      _tag: 'Right',
      right: event,
    })
    expect(webhookEventCodecs['file-version.deleted'].is(event)).toBe(false)
    expect(webhookEventCodecs['file-version.deleted'].is(SAMPLES['file-version.deleted'])).toBe(true)
  })

  it('KnownWebhookEvent gives a Left for an undocumented type', () => {
    const r = KnownWebhookEvent.decode({ ...base('file.renamed'), data: {} })
    expect(r._tag === 'Left' && r.left.map((e) => [e.context.map((c) => c.key), e.message])).toStrictEqual([
      [
        ['', 'type'],
        `expected ${knownWebhookEventTypes.map((k) => `'${k}'`).join(' | ')}, got "file.renamed": the object cannot be identified without it`,
      ],
    ])
  })
})
