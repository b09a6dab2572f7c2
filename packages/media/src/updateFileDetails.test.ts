import { describe, expect, it } from 'vitest'
import { updateFileDetails, type UpdateFileDetailsOptions } from '@imagekit-fp/media'
import type { Extension } from './model/Extension'
import { json, KEY, stubFetch } from './test-support/stub'

const FILE = { fileId: 'f1', type: 'file', name: 'a.jpg', filePath: '/a.jpg' }
const flaky = () => {
  let n = 0
  return stubFetch(() => (n++ === 0 ? json({ message: 'busy' }, 503) : json(FILE)))
}
const config = (fetch: typeof globalThis.fetch) => ({
  privateKey: KEY,
  fetch,
  retry: { limit: 1, maxDelay: 1 },
})

describe('updateFileDetails', () => {
  it('retries a plain update (repeating it is harmless)', async () => {
    const stub = flaky()
    expect(await updateFileDetails(config(stub.fetch), { fileId: 'f1', tags: ['a'] })()).toStrictEqual({
      _tag: 'Right',
      right: FILE,
    })
    expect(stub.calls.length).toBe(2)
  })

  it('does not retry an update that runs extensions (they would run twice)', async () => {
    const stub = flaky()
    const result = await updateFileDetails(config(stub.fetch), {
      fileId: 'f1',
      extensions: [{ name: 'ai-auto-description' }],
    })()
    expect(result._tag === 'Left' && result.left._tag === 'HttpError' && result.left.status).toBe(503)
    expect(stub.calls.length).toBe(1)
  })

  it('sends removeAITags and description, which node6 dropped', async () => {
    const stub = stubFetch(() => json(FILE))
    await updateFileDetails(
      { privateKey: KEY, fetch: stub.fetch },
      { fileId: 'f1', removeAITags: ['car'], description: 'd' },
    )()
    expect(stub.calls.map((c) => c.json)).toStrictEqual([{ removeAITags: ['car'], description: 'd' }])
  })

  describe('checks extensions with the one check upload uses (ImageKit API reference rules)', () => {
    const refusal = (path: string, message: string) => ({
      _tag: 'Left',
      left: { _tag: 'ValidationError', path, message },
    })
    const task = (instruction: string) => ({ name: 'ai-tasks', tasks: [{ type: 'yes_no', instruction }] })
    it.each([
      ['maxTags 0 (a count from 0)', { name: 'aws-auto-tagging', minConfidence: 5, maxTags: 0 }],
      ['a blank instruction (minLength 1 counts characters)', task('  ')],
    ])('accepts %s and sends it', async (_title, ext) => {
      const stub = stubFetch(() => json(FILE))
      const extensions = [ext] as readonly Extension[]
      const result = await updateFileDetails(
        { privateKey: KEY, fetch: stub.fetch },
        { fileId: 'f1', extensions },
      )()
      expect(result).toStrictEqual({ _tag: 'Right', right: FILE })
      expect(stub.calls.map((c) => c.json)).toStrictEqual([{ extensions: [ext] }])
    })
    it.each([
      [
        'an instruction over 2000 characters',
        task('x'.repeat(2001)),
        refusal('input.extensions[0].tasks[0].instruction', 'must be at most 2000 characters'),
      ],
      [
        'auto-tagging without both counts: minConfidence first',
        { name: 'google-auto-tagging' },
        refusal('input.extensions[0].minConfidence', 'is required'),
      ],
      [
        'remove-bg with both bg_color and bg_image_url',
        { name: 'remove-bg', options: { bg_color: 'red', bg_image_url: 'https://x.test/a.png' } },
        refusal('input.extensions[0].options.bg_image_url', 'must not be set together with bg_color'),
      ],
    ])('refuses %s before sending', async (_title, ext, expected) => {
      const stub = stubFetch(() => json(FILE))
      const extensions = [ext] as readonly Extension[]
      const result = await updateFileDetails(
        { privateKey: KEY, fetch: stub.fetch },
        { fileId: 'f1', extensions },
      )()
      expect(result).toStrictEqual(expected)
      expect(stub.calls).toStrictEqual([])
    })
  })

  it('types each form; mixing them does not compile', () => {
    const update: UpdateFileDetailsOptions = { fileId: 'f1', tags: null, customMetadata: { brand: null } }
    const publish: UpdateFileDetailsOptions = { fileId: 'f1', publish: { isPublished: true } }
    // @ts-expect-error the publish form takes no update fields
    const mixed: UpdateFileDetailsOptions = { fileId: 'f1', publish: { isPublished: true }, tags: ['a'] }
    expect([update, publish, mixed].length).toBe(3)
  })
})
