// The registry is the one list of operations: every public function that makes one API call is in it, and
// the README's table, the contract tests and the stand-in (packages/testing) are checked against it.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import * as media from '@imagekit-fp/media'
import * as bulk from '@imagekit-fp/media/bulk'
import { operations } from './operations'
import { NOT_IN_SPEC } from './test-support/notInSpec'
import { SPEC_PATH } from '../../../test/support/prism'

/**
 * Functions built on top of the declared operations (they call several, or one repeatedly), each with the
 * operations it calls: they are not in the registry, and their README row names each of those calls.
 */
const COMPOSED_OF: Readonly<Record<string, readonly (keyof typeof operations)[]>> = {
  listAllFiles: ['listFiles'],
  waitForBulkJob: ['getBulkJobStatus'],
  waitForPurge: ['getPurgeCacheStatus'],
  addTagsToMatching: ['listFiles', 'addTags'],
  removeTagsFromMatching: ['listFiles', 'removeTags'],
  deleteMatching: ['listFiles', 'bulkDeleteFiles'],
  purgeMatching: ['listFiles', 'purgeCache'],
  updateMatching: ['listFiles', 'updateFileDetails'],
}
const COMPOSITES = Object.keys(COMPOSED_OF)

const declared = Object.entries(operations).map(([id, op]) => [id, `${op.method} ${op.path}`] as const)
const here = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8')

describe('operations', () => {
  it('holds every public function that makes one API call, under its name', () => {
    const functions = Object.entries(media)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
    expect(Object.keys(operations).sort()).toStrictEqual(
      functions.filter((f) => !COMPOSITES.includes(f)).sort(),
    )
  })

  it('is the README table: one row per operation, with its HTTP call', () => {
    const rows = [...here('../README.md').matchAll(/^\| `(\w+)` \| `([A-Z]+ \/[^` ?]*)[^|]*\|/gm)]
      .map((m) => [m[1]!, m[2]!] as const)
      .filter(([f]) => !COMPOSITES.includes(f))
    expect(rows.sort()).toStrictEqual([...declared].sort())
  })

  it('leaves out the composites: each has a README row naming every call it makes', () => {
    const rows = new Map(
      [...here('../README.md').matchAll(/^\| `(\w+)` \| ([^|]*)\|/gm)].map((m) => [m[1]!, m[2]!] as const),
    )
    const calls = Object.fromEntries(
      COMPOSITES.map((f) => [
        f,
        COMPOSED_OF[f]!.map((id) => `${operations[id].method} ${operations[id].path}`),
      ]),
    )
    const named = Object.fromEntries(
      COMPOSITES.map((f) => [f, calls[f]!.filter((call) => rows.get(f)?.includes(`\`${call}`))]),
    )
    expect(named).toStrictEqual(calls)
    expect(COMPOSITES.filter((f) => f in operations)).toStrictEqual([])
    // The bulk entry holds composites only.
    expect(Object.keys(bulk).filter((f) => !COMPOSITES.includes(f))).toStrictEqual([])
  })

  it('has a contract test (against Prism) for every operation in the spec, a differential test for the others', () => {
    const suites = (kind: string) =>
      readdirSync(new URL('.', import.meta.url))
        .filter((f) => f.endsWith(`.${kind}.test.ts`))
        .map((f) => here(f))
        .join('\n')
    const contracts = suites('contract')
    const tested = new Set([...contracts.matchAll(/operation: '([A-Z]+ [^']+)'/g)].map((m) => m[1]))
    const differential = suites('differential')
    const untested = declared.filter(([id, call]) =>
      NOT_IN_SPEC.includes(id) ? !differential.includes(`(c) => ${id}(c`) : !tested.has(call),
    )
    expect(untested).toStrictEqual([])
  })

  it('gives every operation its own operationId', () => {
    const ids = Object.values(operations).map((op) => op.operationId)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toStrictEqual([])
  })

  it.skipIf(!existsSync(SPEC_PATH))("names each operation in the spec by the spec's operationId", () => {
    const spec = YAML.parse(readFileSync(SPEC_PATH, 'utf8')) as {
      paths: Record<string, Record<string, { operationId?: string } | undefined> | undefined>
    }
    const inSpec = Object.entries(operations).filter(([id]) => !NOT_IN_SPEC.includes(id))
    expect(
      Object.fromEntries(
        inSpec.map(([id, op]) => [id, spec.paths[op.path]?.[op.method.toLowerCase()]?.operationId]),
      ),
    ).toStrictEqual(Object.fromEntries(inSpec.map(([id, op]) => [id, op.operationId])))
  })
})
