// The bulk helpers over a search share one check of the query and the options: each fault is a ValidationError
// at its path, and nothing is sent (not even the listing).
import { describe, expect, it } from 'vitest'
import type { taskEither } from 'fp-ts'
import { validationError } from '@imagekit-fp/utils'
import type { MediaConfig, MediaError } from '@imagekit-fp/media'
import * as m from '@imagekit-fp/media/bulk'
import { KEY } from './test-support/stub'
import { library } from './test-support/library'

type Run = (c: MediaConfig, query: unknown, options: unknown) => taskEither.TaskEither<MediaError, unknown>
const helpers: readonly (readonly [string, Run])[] = [
  ['addTagsToMatching', (c, q, o) => m.addTagsToMatching(c, q as never, ['t'], o as never)],
  ['removeTagsFromMatching', (c, q, o) => m.removeTagsFromMatching(c, q as never, ['t'], o as never)],
  ['deleteMatching', (c, q, o) => m.deleteMatching(c, q as never, o as never)],
  ['purgeMatching', (c, q, o) => m.purgeMatching(c, q as never, o as never)],
  ['updateMatching', (c, q, o) => m.updateMatching(c, q as never, { tags: ['t'] }, o as never)],
]

const refused: readonly (readonly [
  title: string,
  query: unknown,
  options: unknown,
  path: string,
  message: string,
])[] = [
  ['concurrency 0', {}, { concurrency: 0 }, 'options.concurrency', 'must be from 1 to 64'],
  ['concurrency 65', {}, { concurrency: 65 }, 'options.concurrency', 'must be from 1 to 64'],
  ['a fractional concurrency', {}, { concurrency: 1.5 }, 'options.concurrency', 'must be an integer'],
  [
    'a gate that is not one',
    {},
    { gate: { whenOpen: 1 } },
    'options.gate',
    'must be a rate gate (from createRateGate)',
  ],
  ['a signal that is not one', {}, { signal: 'stop' }, 'options.signal', 'must be an AbortSignal'],
  ['an onProgress that is not a function', {}, { onProgress: 1 }, 'options.onProgress', 'must be a function'],
  ['an onItem that is not a function', {}, { onItem: {} }, 'options.onItem', 'must be a function'],
  ['an unknown keep', {}, { keep: 'done' }, 'options.keep', "must be one of 'all', 'failed'"],
  [
    'negative rate-limit rounds',
    {},
    { maxRateLimitRounds: -1 },
    'options.maxRateLimitRounds',
    'must be from 0 to 1000',
  ],
  ['a dryRun that is not a boolean', {}, { dryRun: 'yes' }, 'options.dryRun', 'must be a boolean'],
  ['options that are not an object', {}, null, 'options', 'must be an object'],
  ['no query', undefined, {}, 'query', 'must be an object'],
  ['a bad query field', { limit: 0 }, {}, 'query.limit', 'must be from 1 to 1000'],
  [
    'a query of file versions',
    { type: 'file-version' },
    {},
    'query.type',
    "must not be 'file-version': a bulk action applies to files, and a version's fileId is its file's",
  ],
]

describe('bulk helpers over a search: the query and the options', () => {
  for (const [name, run] of helpers)
    it.each(refused)(
      `${name} refuses %s before sending anything`,
      async (_, query, options, path, message) => {
        const stub = library(3)
        expect(await run({ privateKey: KEY, fetch: stub.fetch }, query, options)()).toStrictEqual({
          _tag: 'Left',
          left: validationError(path, message),
        })
        expect(stub.calls).toStrictEqual([])
      },
    )

  it.each(helpers)('%s: a bad config is the Left of the first call, nothing sent', async (_, run) => {
    const stub = library(3)
    const r = await run({ privateKey: KEY, fetch: stub.fetch, timeout: -1 } as never, {}, {})()
    expect(
      r._tag === 'Left' && [r.left._tag, r.left._tag === 'ValidationError' && r.left.path],
    ).toStrictEqual(['ValidationError', 'config.timeout'])
    expect(stub.calls).toStrictEqual([])
  })

  it.each(helpers)('%s: an abort during the listing acts on nothing and says aborted', async (_, run) => {
    const controller = new AbortController()
    const stub = library(3)
    const fetch: typeof globalThis.fetch = (input, init) => {
      controller.abort()
      return stub.fetch(input, init)
    }
    expect(await run({ privateKey: KEY, fetch }, {}, { signal: controller.signal })()).toStrictEqual({
      _tag: 'Right',
      right: { done: [], failed: [], total: 0, aborted: true, matched: 0 },
    })
    expect(stub.calls.filter((c) => c.method !== 'GET')).toStrictEqual([])
  })
})
