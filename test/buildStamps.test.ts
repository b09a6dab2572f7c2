// scripts/lib/build-stamps.mjs (the build of `scripts/setup.mjs --build`) on a temporary workspace of three
// packages whose build script only copies src/ to dist/ and records its name: `b` depends on `a`, `c` on
// nothing. What it promises: an unchanged package is skipped; a changed input, dist/ or shared build file
// rebuilds; a dependency's changed inputs rebuild its dependents; dependencies build first; a failed build is
// reported, stops its dependents and is retried next time.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
// @ts-expect-error: plain-JS script helpers without type declarations
import * as buildStampsLib from '../scripts/lib/build-stamps.mjs'

const { buildChanged } = buildStampsLib as {
  buildChanged: (options: { log: (line: string) => void; root: string }) => Promise<boolean>
}

// The packages' build: src/index.js to dist/index.js, `start <name>` and `end <name>` appended to builds.log;
// fails on `FAIL`. `a` takes a while, so that a dependent started before it ended would be seen starting.
const BUILD = `import fs from 'node:fs'
const name = JSON.parse(fs.readFileSync('package.json', 'utf8')).name
fs.appendFileSync('../../builds.log', 'start ' + name + '\\n')
if (name === 'a') await new Promise((resolve) => setTimeout(resolve, 500))
const source = fs.readFileSync('src/index.js', 'utf8')
if (source.includes('FAIL')) { console.error('broken ' + name); process.exit(1) }
fs.mkdirSync('dist', { recursive: true })
fs.writeFileSync('dist/index.js', source)
fs.appendFileSync('../../builds.log', 'end ' + name + '\\n')
`

let root = ''
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  fs.writeFileSync(path.join(root, file), text)
}
const pkg = (name: string, deps: Record<string, string> = {}) => {
  write(
    `packages/${name}/package.json`,
    JSON.stringify({ name, scripts: { build: 'node ../../build.mjs' }, dependencies: deps }),
  )
  write(`packages/${name}/src/index.js`, `export const ${name} = 1\n`)
}

/** What the builds wrote to builds.log, in order. */
const events = () => {
  const log = path.join(root, 'builds.log')
  return fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
}

/** One `buildChanged` run: its result, the packages it built (in order) and its "up to date" lines. */
const run = async () => {
  fs.rmSync(path.join(root, 'builds.log'), { force: true })
  const lines: string[] = []
  const ok = await buildChanged({ log: (line) => lines.push(line), root })
  const built = events()
    .filter((e) => e.startsWith('start '))
    .map((e) => e.slice('start '.length))
  return { ok, built, upToDate: lines.filter((l) => l.endsWith('up to date')) }
}

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-stamps-'))
  write('build.mjs', BUILD)
  for (const shared of ['rollup.config.mjs', 'tsconfig.base.json', 'tsconfig.json', 'pnpm-lock.yaml'])
    write(shared, `${shared}\n`)
  pkg('a')
  pkg('b', { a: 'workspace:^' })
  pkg('c')
  // Every test starts from a workspace built once.
  expect(await run()).toStrictEqual({ ok: true, built: expect.any(Array), upToDate: [] })
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('buildChanged', () => {
  it('builds every package on the first run, a dependency before its dependents', async () => {
    fs.rmSync(path.join(root, '.tmp'), { recursive: true })
    const first = await run()
    expect(first.ok).toBe(true)
    expect([...first.built].sort()).toStrictEqual(['a', 'b', 'c'])
    expect(events().indexOf('end a')).toBeLessThan(events().indexOf('start b'))
    expect(fs.readFileSync(path.join(root, 'packages/b/dist/index.js'), 'utf8')).toBe('export const b = 1\n')
  })

  it('skips every package when nothing changed', async () => {
    expect(await run()).toStrictEqual({
      ok: true,
      built: [],
      upToDate: ['setup: a up to date', 'setup: b up to date', 'setup: c up to date'],
    })
  })

  it('rebuilds a package whose source changed, and its dependents, not the others', async () => {
    write('packages/a/src/index.js', 'export const a = 2\n')
    const after = await run()
    expect(after).toStrictEqual({ ok: true, built: ['a', 'b'], upToDate: ['setup: c up to date'] })
    expect(fs.readFileSync(path.join(root, 'packages/a/dist/index.js'), 'utf8')).toBe('export const a = 2\n')
  })

  it('rebuilds only the dependent when the dependent changed', async () => {
    write('packages/b/src/index.js', 'export const b = 2\n')
    expect(await run()).toStrictEqual({
      ok: true,
      built: ['b'],
      upToDate: ['setup: a up to date', 'setup: c up to date'],
    })
  })

  it('rebuilds a package whose manifest or other own file changed', async () => {
    write('packages/c/README.md', 'c\n')
    expect((await run()).built).toStrictEqual(['c'])
  })

  it('rebuilds nothing for an edited test file', async () => {
    write('packages/a/src/index.test.ts', 'test\n')
    write('packages/c/src/index.test-d.ts', 'test\n')
    expect((await run()).built).toStrictEqual([])
  })

  it('rebuilds a package whose dist/ lost a file, not its dependents', async () => {
    fs.rmSync(path.join(root, 'packages/a/dist/index.js'))
    expect(await run()).toStrictEqual({
      ok: true,
      built: ['a'],
      upToDate: ['setup: b up to date', 'setup: c up to date'],
    })
    expect(fs.existsSync(path.join(root, 'packages/a/dist/index.js'))).toBe(true)
  })

  it('rebuilds a package whose dist/ was changed since its build', async () => {
    write('packages/c/dist/index.js', 'export const c = "stale"\n')
    expect((await run()).built).toStrictEqual(['c'])
    expect(fs.readFileSync(path.join(root, 'packages/c/dist/index.js'), 'utf8')).toBe('export const c = 1\n')
  })

  it('rebuilds a package whose stamp is missing', async () => {
    fs.rmSync(path.join(root, '.tmp/build-stamps/c.json'))
    expect((await run()).built).toStrictEqual(['c'])
  })

  it.each(['rollup.config.mjs', 'tsconfig.base.json', 'tsconfig.json', 'pnpm-lock.yaml'])(
    'rebuilds every package when the shared build file %s changed',
    async (shared) => {
      write(shared, 'changed\n')
      const after = await run()
      expect([...after.built].sort()).toStrictEqual(['a', 'b', 'c'])
      expect(events().indexOf('end a')).toBeLessThan(events().indexOf('start b'))
    },
  )

  it('reports a failed build, builds none of its dependents, and retries it on the next run', async () => {
    write('packages/a/src/index.js', 'FAIL\n')
    const lines: string[] = []
    fs.rmSync(path.join(root, 'builds.log'))
    expect(await buildChanged({ log: (line) => lines.push(line), root })).toBe(false)
    expect(events()).toStrictEqual(['start a'])
    expect(lines).toContain('setup: b not built (a dependency failed)')
    expect(lines.some((l) => l.startsWith('setup: a build FAILED') && l.includes('broken a'))).toBe(true)
    // Nothing changed since, but the failed package and its dependent are still due.
    const again = await run()
    expect(again).toStrictEqual({ ok: false, built: ['a'], upToDate: ['setup: c up to date'] })
    write('packages/a/src/index.js', 'export const a = 3\n')
    expect(await run()).toStrictEqual({ ok: true, built: ['a', 'b'], upToDate: ['setup: c up to date'] })
  })
})
