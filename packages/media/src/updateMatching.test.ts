import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { updateMatching } from '@imagekit-fp/media/bulk'
import { json, KEY } from './test-support/stub'
import { acted, library, range, ref } from './test-support/library'

const updated = (path: string) => ({ fileId: path.split('/')[3]!, type: 'file', name: 'n', filePath: '/n' })

describe('updateMatching', () => {
  it('sends the same checked update to each listed file, one PATCH per file', async () => {
    const stub = library(3, (sent) => json(updated(sent.path)))
    const r = await updateMatching(
      { privateKey: KEY, fetch: stub.fetch },
      {},
      { customMetadata: { brand: 'x' }, tags: ['a'] },
      { concurrency: 1 },
    )()
    expect(r).toStrictEqual({
      _tag: 'Right',
      right: {
        done: range(3).map((i) => ({
          _tag: 'Done',
          index: i,
          ref: ref(i),
          result: { fileId: `f${i}`, type: 'file', name: 'n', filePath: '/n' },
        })),
        failed: [],
        total: 3,
        aborted: false,
        matched: 3,
      },
    })
    expect(acted(stub.calls).map((c) => [c.method, c.path, c.json])).toStrictEqual(
      range(3).map((i) => [
        'PATCH',
        `/v1/files/f${i}/details`,
        { tags: ['a'], customMetadata: { brand: 'x' } },
      ]),
    )
  })

  it('publishes every listed file with the publish form', async () => {
    const stub = library(2, (sent) => json(updated(sent.path)))
    await updateMatching({ privateKey: KEY, fetch: stub.fetch }, {}, { publish: { isPublished: false } })()
    expect(acted(stub.calls).map((c) => c.json)).toStrictEqual([
      { publish: { isPublished: false } },
      { publish: { isPublished: false } },
    ])
  })

  it.each([
    [
      'an empty update',
      {},
      'update',
      'has nothing to update: set one of tags, customCoordinates, customMetadata, description, extensions, removeAITags, webhookUrl, or publish',
    ],
    [
      'both forms',
      { tags: ['a'], publish: { isPublished: true } },
      'update.tags',
      'cannot be sent with publish (publishing is a separate update)',
    ],
    ['a bad field', { tags: [''] }, 'update.tags[0]', 'must be a non-empty string'],
    ['no update', undefined, 'update', 'must be an object'],
  ])(
    'refuses %s, naming the field under update, before sending anything',
    async (_, update, path, message) => {
      const stub = library(2)
      expect(
        await updateMatching({ privateKey: KEY, fetch: stub.fetch }, {}, update as never)(),
      ).toStrictEqual({
        _tag: 'Left',
        left: validationError(path, message),
      })
      expect(stub.calls).toStrictEqual([])
    },
  )
})
