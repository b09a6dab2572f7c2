// Property tests of the bulk helpers over a search: whatever the query, the action's input, the options and the
// config, nothing throws or rejects, the result is an Either, a ValidationError names its field under the
// argument it came from and nothing was sent, and the private key appears nowhere.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { taskEither } from 'fp-ts'
import type { MediaError } from '@imagekit-fp/media'
import * as m from '@imagekit-fp/media/bulk'
import { expectNoSecret } from '../../utils/src/http/test-support/secrets'
import { KEY } from './test-support/stub'
import { library } from './test-support/library'

type Run = (
  c: unknown,
  query: unknown,
  arg: unknown,
  options: unknown,
) => taskEither.TaskEither<MediaError, unknown>
const helpers: readonly (readonly [string, Run, string])[] = [
  [
    'addTagsToMatching',
    (c, q, a, o) => m.addTagsToMatching(c as never, q as never, a as never, o as never),
    'tags',
  ],
  [
    'removeTagsFromMatching',
    (c, q, a, o) => m.removeTagsFromMatching(c as never, q as never, a as never, o as never),
    'tags',
  ],
  ['deleteMatching', (c, q, _, o) => m.deleteMatching(c as never, q as never, o as never), 'options'],
  ['purgeMatching', (c, q, _, o) => m.purgeMatching(c as never, q as never, o as never), 'options'],
  [
    'updateMatching',
    (c, q, a, o) => m.updateMatching(c as never, q as never, a as never, o as never),
    'update',
  ],
]

const value = fc.oneof(
  fc.anything(),
  fc.constantFrom('file', 'file-version', 'all', 'failed', '', 'a', 0, 1, 65, -1, true, null),
  fc.array(fc.oneof(fc.string(), fc.anything()), { maxLength: 3 }),
)
const query = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom('type', 'limit', 'skip', 'tags', 'path'), value),
)
const options = fc.oneof(
  fc.anything(),
  fc.dictionary(
    fc.constantFrom(
      'concurrency',
      'gate',
      'signal',
      'onProgress',
      'onItem',
      'keep',
      'maxRateLimitRounds',
      'dryRun',
    ),
    value,
  ),
)
const arg = fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom('tags', 'publish', 'description'), value))

const isEither = (r: unknown) => ['Left', 'Right'].includes((r as { _tag?: unknown } | null)?._tag as string)

describe('property: bulk helpers over a search, any input', () => {
  it.each(helpers)(
    '%s never throws, and a ValidationError names its field and sends nothing',
    async (_, run, own) => {
      await fc.assert(
        fc.asyncProperty(query, arg, options, async (q, a, o) => {
          const stub = library(3)
          const result = await run({ privateKey: KEY, fetch: stub.fetch, retry: 0 }, q, a, o)()
          expect(isEither(result)).toBe(true)
          if (result._tag === 'Left' && result.left._tag === 'ValidationError') {
            expect(result.left.path).toMatch(new RegExp(`^(query|options|${own})(\\.|\\[|$)`))
            expect(stub.calls).toStrictEqual([])
          }
          expectNoSecret(result, KEY)
        }),
        { numRuns: 40 },
      )
    },
  )

  it.each(helpers)('%s never throws whatever the config', async (_, run, own) => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (config) => {
        const result = await run(config, {}, own === 'update' ? { tags: ['t'] } : ['t'], { dryRun: true })()
        expect(isEither(result)).toBe(true)
        if (result._tag === 'Left' && result.left._tag === 'ValidationError')
          expect(result.left.path).toMatch(/^config(\.|\[|$)/)
      }),
      { numRuns: 20 },
    )
  })
})
