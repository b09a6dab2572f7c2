// Properties of every issue-10 operation, whatever the input: the call never throws or rejects, a
// ValidationError names a field whose parent is really in the input, and nothing is sent when the input is
// refused. Inputs are anything at all, and valid inputs with one field (at any depth) replaced by anything.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { taskEither } from 'fp-ts'
import * as media from '@imagekit-fp/media'
import type { MediaConfig, MediaError } from '@imagekit-fp/media'
import {
  anyExtensionConfig,
  anyId,
  anyOrigin,
  anyPeriod,
  anyRules,
  anySchema,
  anyUrlEndpoint,
  words,
} from './test-support/arbitraries'
import { json, KEY, stubFetch } from './test-support/stub'

type Fn = (config: MediaConfig, input: never) => taskEither.TaskEither<MediaError, unknown>

const byId = fc.record({ id: anyId })
const none = fc.constant({})
const valid: Record<string, readonly [Fn, fc.Arbitrary<object>]> = {
  listCustomMetadataFields: [
    media.listCustomMetadataFields,
    fc.record({ includeDeleted: fc.boolean(), folderPath: words }, { requiredKeys: [] }),
  ],
  createCustomMetadataField: [
    media.createCustomMetadataField,
    fc.record({ name: words, label: words, schema: anySchema }),
  ],
  updateCustomMetadataField: [
    media.updateCustomMetadataField,
    fc.record({ id: anyId, label: words, schema: anyRules }),
  ],
  deleteCustomMetadataField: [media.deleteCustomMetadataField, byId],
  listSavedExtensions: [media.listSavedExtensions, none],
  getSavedExtension: [media.getSavedExtension, byId],
  createSavedExtension: [
    media.createSavedExtension,
    fc.record({ name: words, description: words, config: anyExtensionConfig }),
  ],
  updateSavedExtension: [media.updateSavedExtension, fc.record({ id: anyId, config: anyExtensionConfig })],
  deleteSavedExtension: [media.deleteSavedExtension, byId],
  listNamedTransformations: [media.listNamedTransformations, none],
  getNamedTransformation: [media.getNamedTransformation, byId],
  createNamedTransformation: [
    media.createNamedTransformation,
    fc.record({ name: fc.stringMatching(/^\w{1,20}$/), transformation: words, enabled: fc.boolean() }),
  ],
  updateNamedTransformation: [
    media.updateNamedTransformation,
    fc.record({ id: anyId, enabled: fc.boolean() }),
  ],
  deleteNamedTransformation: [media.deleteNamedTransformation, byId],
  getUsage: [media.getUsage, anyPeriod(1)],
  getUsageAnalytics: [media.getUsageAnalytics, anyPeriod(0)],
  listOrigins: [media.listOrigins, none],
  getOrigin: [media.getOrigin, byId],
  createOrigin: [media.createOrigin, anyOrigin],
  updateOrigin: [media.updateOrigin, fc.tuple(anyId, anyOrigin).map(([id, o]) => ({ id, ...o }))],
  deleteOrigin: [media.deleteOrigin, byId],
  listUrlEndpoints: [media.listUrlEndpoints, none],
  getUrlEndpoint: [media.getUrlEndpoint, byId],
  createUrlEndpoint: [media.createUrlEndpoint, anyUrlEndpoint],
  updateUrlEndpoint: [
    media.updateUrlEndpoint,
    fc.tuple(anyId, anyUrlEndpoint).map(([id, e]) => ({ id, ...e })),
  ],
  deleteUrlEndpoint: [media.deleteUrlEndpoint, byId],
}

/** Every path inside `value` (objects and arrays), as key lists. */
const paths = (value: unknown, at: readonly string[] = []): (readonly string[])[] =>
  typeof value === 'object' && value !== null
    ? Object.keys(value).flatMap((k) => [
        [...at, k],
        ...paths((value as Record<string, unknown>)[k], [...at, k]),
      ])
    : []

/** `value` with the path chosen by `pick` set to `replacement` (a deep copy; the original is kept). */
const corrupt = (value: object, pick: number, replacement: unknown): unknown => {
  const all = paths(value)
  const copy = structuredClone(value) as Record<string, unknown>
  if (all.length === 0) return replacement
  const path = all[pick % all.length]!
  const parent = path
    .slice(0, -1)
    .reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, copy)
  parent[path[path.length - 1]!] = replacement
  return copy
}

/** The key list of a ValidationError path (`input.a[2].b` → a, 2, b), or undefined if it is not one. */
const keysOf = (path: string): string[] | undefined => {
  if (!/^input(\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(path)) return undefined
  return [...path.slice('input'.length).matchAll(/\.([\w$]+)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2]!)
}

/** The parent of the field a path names is in the input (the field itself may be missing: "is required"). */
const namesAField = (input: unknown, path: string): boolean => {
  const keys = keysOf(path)
  if (keys === undefined) return false
  let node = input
  for (const k of keys.slice(0, -1)) {
    if (typeof node !== 'object' || node === null || !(k in node)) return false
    node = (node as Record<string, unknown>)[k]
  }
  return true
}

const check = async (fn: Fn, input: unknown): Promise<void> => {
  const stub = stubFetch(() => json({}))
  let result: Awaited<ReturnType<ReturnType<Fn>>>
  try {
    result = await fn({ privateKey: KEY, fetch: stub.fetch, retry: 0 }, input as never)()
  } catch (e) {
    throw new Error(`threw ${String(e)}`, { cause: e })
  }
  if (result._tag === 'Left' && result.left._tag === 'ValidationError') {
    expect(namesAField(input, result.left.path), `${result.left.path}: ${result.left.message}`).toBe(true)
    expect(stub.calls).toStrictEqual([])
  } else {
    expect(stub.calls.length).toBe(1)
  }
}

describe('issue-10 operations: properties', () => {
  it.each(Object.entries(valid))(
    '%s: anything at all never throws, and a refusal names its field',
    async (_, [fn]) => {
      await fc.assert(
        fc.asyncProperty(fc.anything({ withNullPrototype: true, withObjectString: true }), (input) =>
          check(fn, input),
        ),
        { numRuns: 60 },
      )
    },
  )

  it.each(Object.entries(valid))(
    '%s: a valid input with one field replaced never throws',
    async (_, [fn, arb]) => {
      await fc.assert(
        fc.asyncProperty(arb, fc.nat(), fc.anything(), (input, pick, replacement) =>
          check(fn, corrupt(input, pick, replacement)),
        ),
        { numRuns: 60 },
      )
    },
  )

  it.each(Object.entries(valid))('%s: a valid input is sent', async (_, [fn, arb]) => {
    await fc.assert(
      fc.asyncProperty(arb, async (input) => {
        const stub = stubFetch(() => json({}))
        await fn({ privateKey: KEY, fetch: stub.fetch, retry: 0 }, input as never)()
        expect(stub.calls.length).toBe(1)
      }),
      { numRuns: 20 },
    )
  })
})
