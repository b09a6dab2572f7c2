import { describe, expect, it } from 'vitest'
import { updateFileDetails, type UpdateFileDetailsOptions } from '@imagekit-fp/media'
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

  it('types each form; mixing them does not compile', () => {
    const update: UpdateFileDetailsOptions = { fileId: 'f1', tags: null, customMetadata: { brand: null } }
    const publish: UpdateFileDetailsOptions = { fileId: 'f1', publish: { isPublished: true } }
    // @ts-expect-error the publish form takes no update fields
    const mixed: UpdateFileDetailsOptions = { fileId: 'f1', publish: { isPublished: true }, tags: ['a'] }
    expect([update, publish, mixed].length).toBe(3)
  })
})
