// Differential helper: the same call made with our function and with @imagekit/nodejs 7 (the oracle), each
// given a fetch that records the request and answers the same canned reply. The tests compare the wire
// form (method, path, query, JSON body) of what each one sent.
import { expect } from 'vitest'
import fc from 'fast-check'
import ImageKitNode from '@imagekit/nodejs'
import type { taskEither } from 'fp-ts'
import type { MediaConfig, MediaError } from '../model/MediaConfig'
import { json, KEY, stubFetch, wire } from './stub'

type Wire = ReturnType<typeof wire>

/** What each SDK sent, and what our call returned. */
export interface Both {
  readonly ours: readonly Wire[]
  readonly theirs: readonly Wire[]
  readonly result: unknown
}

/**
 * Runs `ours` and `theirs` against stubs that answer `reply` (default `200 {}`) and returns what each sent.
 * The oracle's own errors (a reply it cannot parse) are ignored: only its request matters.
 */
export const both = async (
  ours: (config: MediaConfig) => taskEither.TaskEither<MediaError, unknown>,
  theirs: (client: ImageKitNode) => PromiseLike<unknown>,
  reply: () => Response = () => json({}),
): Promise<Both> => {
  const a = stubFetch(reply)
  const b = stubFetch(reply)
  const result = await ours({ privateKey: KEY, fetch: a.fetch, retry: 0 })()
  const client = new ImageKitNode({ privateKey: KEY, fetch: b.fetch, maxRetries: 0 })
  await Promise.resolve(theirs(client)).then(
    () => undefined,
    () => undefined,
  )
  return { ours: a.calls.map(wire), theirs: b.calls.map(wire), result }
}

/** Asserts, for each generated input (25 runs), that both SDKs sent one identical request. */
export const same = <I>(
  input: fc.Arbitrary<I>,
  ours: (i: I) => (config: MediaConfig) => taskEither.TaskEither<MediaError, unknown>,
  theirs: (i: I) => (client: ImageKitNode) => PromiseLike<unknown>,
): Promise<void> =>
  fc.assert(
    fc.asyncProperty(input, async (i) => {
      const r = await both(ours(i), theirs(i))
      expect(r.ours).toStrictEqual(r.theirs)
      expect(r.ours.length).toBe(1)
    }),
    { numRuns: 25 },
  )
