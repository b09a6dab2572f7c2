import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { upload, type UploadConfig, type UploadRequest } from '@imagekit-fp/upload'
import { captureFetch } from './test-support/capture'

const NOW = 1_700_000_000_000

/** Anything at all, plus the values that tend to break validators. */
const weird = fc.oneof(
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom<unknown>(
    Symbol('s'),
    () => 1,
    NaN,
    -0,
    Infinity,
    '',
    '__proto__',
    new Blob(['x']),
    new Uint8Array(2),
    new ArrayBuffer(3),
  ),
  fc.string({ maxLength: 2_000 }),
)

/** A request whose known fields hold random values (any of them may be missing). */
const request = fc.record(
  {
    file: fc.oneof(weird, fc.constantFrom<unknown>('https://example.com/a.jpg', 'aGVsbG8=', new Blob(['b']))),
    fileName: fc.oneof(weird, fc.string({ minLength: 1 })),
    useUniqueFileName: fc.oneof(weird, fc.boolean()),
    tags: fc.oneof(weird, fc.array(fc.string())),
    folder: weird,
    isPrivateFile: fc.oneof(weird, fc.boolean()),
    customCoordinates: fc.oneof(weird, fc.constant('1,2,3,4')),
    responseFields: fc.oneof(weird, fc.array(fc.constantFrom('tags', 'metadata', 'bogus'))),
    extensions: fc.oneof(
      weird,
      fc.array(
        fc.record(
          {
            name: fc.constantFrom('remove-bg', 'ai-tasks', 'saved-extension', 'x'),
            id: weird,
            tasks: weird,
            options: weird,
          },
          { requiredKeys: ['name'] },
        ),
      ),
    ),
    customMetadata: weird,
    transformation: fc.oneof(
      weird,
      fc.record(
        {
          pre: weird,
          post: fc.oneof(
            weird,
            fc.array(
              fc.record({
                type: fc.constantFrom('transformation', 'abs', 'thumbnail', 'nope'),
                value: weird,
                protocol: weird,
              }),
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    ),
    webhookUrl: weird,
    publicKey: weird,
    token: weird,
    signature: weird,
    expire: fc.oneof(weird, fc.integer()),
    signal: weird,
    onUploadProgress: weird,
  },
  { requiredKeys: [] },
)

const config = fc.oneof(
  weird,
  fc.record(
    {
      privateKey: fc.oneof(weird, fc.constant('private_k')),
      retryUploads: weird,
      uploadBaseUrl: weird,
      timeout: weird,
      publicKey: weird,
    },
    { requiredKeys: [] },
  ),
)

describe('upload (properties)', () => {
  it('never throws or rejects, and every Left for bad input is a ValidationError with a path, before any request', async () => {
    await fc.assert(
      fc.asyncProperty(config, fc.oneof(weird, request), async (cfg, req) => {
        const { fetch, calls } = captureFetch()
        const withFetch =
          typeof cfg === 'object' && cfg !== null && !Array.isArray(cfg)
            ? { ...cfg, fetch, now: () => NOW }
            : cfg
        let task: (() => Promise<unknown>) | undefined
        expect(() => {
          task = upload(withFetch as UploadConfig, req as UploadRequest)
        }).not.toThrow()
        const result = (await task!()) as { _tag: string; left?: { _tag: string; path?: unknown } }
        expect(['Left', 'Right']).toContain(result._tag)
        if (calls.length === 0) {
          // Nothing was sent: the input was rejected, with a path naming the field.
          expect(result._tag).toBe('Left')
          expect(result.left?._tag).toBe('ValidationError')
          expect(result.left?.path).toMatch(/^(config|request)(\.|\[|$)/)
        }
      }),
      { numRuns: 400 },
    )
  })

  it('sends every valid request built from random option values', async () => {
    const tag = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes(',') && !s.includes('%'))
    const valid = fc.record(
      {
        useUniqueFileName: fc.boolean(),
        tags: fc.array(tag, { maxLength: 5 }),
        folder: fc.string(),
        isPrivateFile: fc.boolean(),
        description: fc.string(),
        customMetadata: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(valid, fc.string({ minLength: 1 }), async (options, fileName) => {
        const { fetch, calls } = captureFetch()
        const result = await upload(
          { privateKey: 'private_k', fetch },
          { ...options, file: new Uint8Array([1]), fileName },
        )()
        expect(result._tag).toBe('Right')
        expect(calls[0]!.form.get('fileName')).toBe(fileName)
      }),
      { numRuns: 150 },
    )
  })
})
