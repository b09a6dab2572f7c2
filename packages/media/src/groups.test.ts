// The groups (`@imagekit-fp/media/files`, …) are the registry sorted by resource: each operation is in the group
// of its API path, once, as the same function as its flat name; each group is an entry point of the package.
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as media from '@imagekit-fp/media'
import * as codecs from '@imagekit-fp/media/codecs'
import * as files from '@imagekit-fp/media/files'
import * as versions from '@imagekit-fp/media/versions'
import * as metadata from '@imagekit-fp/media/metadata'
import * as folders from '@imagekit-fp/media/folders'
import * as cache from '@imagekit-fp/media/cache'
import * as customMetadata from '@imagekit-fp/media/customMetadata'
import * as savedExtensions from '@imagekit-fp/media/savedExtensions'
import * as namedTransformations from '@imagekit-fp/media/namedTransformations'
import * as account from '@imagekit-fp/media/account'
import { operations, type OperationId } from './operations'

const groups: Readonly<Record<string, object>> = {
  files,
  versions,
  metadata,
  folders,
  cache,
  customMetadata,
  savedExtensions,
  namedTransformations,
  account,
}

/** The resource of an API path: the first rule whose pattern matches it. */
const RESOURCES: readonly (readonly [RegExp, string])[] = [
  [/^\/v1\/files\/\{fileId\}\/versions(\/|$)/, 'versions'],
  [/^\/v1\/files\/\{fileId\}\/metadata$|^\/v1\/metadata$/, 'metadata'],
  [/^\/v1\/files\/purge(\/|$)/, 'cache'],
  [/^\/v1\/files(\/|$)/, 'files'],
  [/^\/v1\/(folder|bulkJobs)(\/|$)/, 'folders'],
  [/^\/v1\/customMetadataFields(\/|$)/, 'customMetadata'],
  [/^\/v1\/saved-extensions(\/|$)/, 'savedExtensions'],
  [/^\/v1\/named-transformations(\/|$)/, 'namedTransformations'],
  [/^\/v1\/accounts\//, 'account'],
]
const resourceOf = (id: OperationId): string =>
  RESOURCES.find(([pattern]) => pattern.test(operations[id].path))?.[1] ?? `no resource for ${id}`

/** The functions built on a declared operation (they call it repeatedly) belong to its group. */
const BUILT_ON: Readonly<Record<string, OperationId>> = {
  listAllFiles: 'listFiles',
  waitForBulkJob: 'getBulkJobStatus',
  waitForPurge: 'getPurgeCacheStatus',
}

const ids = Object.keys(operations) as OperationId[]
const expected = (group: string): string[] =>
  [
    ...ids.filter((id) => resourceOf(id) === group),
    ...Object.keys(BUILT_ON).filter((f) => resourceOf(BUILT_ON[f]!) === group),
  ].sort()

describe('groups', () => {
  it.each(Object.keys(groups))('%s holds exactly the operations of its resource', (name) => {
    expect(Object.keys(groups[name]!).sort()).toStrictEqual(expected(name))
  })

  it('hold every operation and every function built on one, each once', () => {
    const all = Object.values(groups).flatMap((g) => Object.keys(g))
    expect(all.sort()).toStrictEqual([...ids, ...Object.keys(BUILT_ON)].sort())
  })

  it('give every operation a resource', () => {
    expect(ids.map(resourceOf).filter((r) => !(r in groups))).toStrictEqual([])
  })

  it('hold the same functions as the flat names', () => {
    const flat = media as unknown as Readonly<Record<string, unknown>>
    for (const g of Object.values(groups))
      for (const [name, f] of Object.entries(g)) expect(f, name).toBe(flat[name])
  })

  it('are the entry points: src/groups, `exports` (import and require, with their types), `typesVersions`', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, unknown>
      typesVersions: { '*': Record<string, unknown> }
    }
    const entry = (file: string) => ({
      import: { types: `./dist/${file}.d.ts`, default: `./dist/${file}.js` },
      require: { types: `./dist/${file}.d.cts`, default: `./dist/${file}.cjs` },
    })
    for (const name of Object.keys(groups)) {
      expect([name, pkg.exports[`./${name}`]]).toStrictEqual([name, entry(`groups/${name}`)])
      expect([name, pkg.typesVersions['*'][name]]).toStrictEqual([name, [`./dist/groups/${name}.d.ts`]])
    }
    const sources = readdirSync(new URL('./groups', import.meta.url)).map((f) => f.replace(/\.ts$/, ''))
    expect(sources.sort()).toStrictEqual(Object.keys(groups).sort())
    expect(Object.keys(pkg.exports)).toStrictEqual([
      '.',
      './operations',
      './codecs',
      ...Object.keys(groups).map((g) => `./${g}`),
      './bulk',
      './package.json',
    ])
    expect(pkg.exports['./codecs']).toStrictEqual(entry('codecs'))
    expect(pkg.typesVersions['*']['codecs']).toStrictEqual(['./dist/codecs.d.ts'])
  })

  it("are the README's groups table: each group's import and functions", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    const table = readme.slice(readme.indexOf('<!-- groups -->'), readme.indexOf('<!-- /groups -->'))
    const rows = [...table.matchAll(/^\| `(\w+)` \| `([^`]+)` \| (.+) \|$/gm)].map((m) => [
      m[1],
      m[2],
      [...m[3]!.matchAll(/`(\w+)`/g)].map((f) => f[1]).sort(),
    ])
    expect(rows).toStrictEqual(
      Object.entries(groups).map(([name, g]) => [
        name,
        `import * as ${name} from '@imagekit-fp/media/${name}'`,
        Object.keys(g).sort(),
      ]),
    )
  })
})

describe('codecs', () => {
  it('holds every codec the root exports (the same objects), and nothing else', () => {
    const flat = media as unknown as Readonly<Record<string, unknown>>
    const rootCodecs = Object.keys(media).filter((k) => typeof flat[k] !== 'function')
    expect(Object.keys(codecs).sort()).toStrictEqual(rootCodecs.sort())
    for (const [name, codec] of Object.entries(codecs)) expect(codec, name).toBe(flat[name])
  })
})
