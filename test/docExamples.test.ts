// The doc-example checker (scripts/doc-examples.mjs) on Markdown written here: what it accepts and what it
// refuses. Runs the script as CI does, against the built packages (build first).
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dir = path.join(root, '.tmp', `doc-examples-test-${process.pid}`)
const fence = '```'
const block = (code: string) => `${fence}ts\n${code}\n${fence}\n`

// One Markdown file, one example per case; a case's line in the file is where its code starts.
const cases = {
  'a true claim':
    "import { phashDistance } from '@imagekit-fp/utils'\nphashDistance('2d5ad3936d2e015b', '2d6ed293db36a4fb')\n// { _tag: 'Right', right: 17 }",
  'a false claim':
    "import { phashDistance } from '@imagekit-fp/utils'\nphashDistance('2d5ad3936d2e015b', '2d6ed293db36a4fb') // { _tag: 'Right', right: 18 }",
  'a claim with an extra key':
    "import { phashDistance } from '@imagekit-fp/utils'\nphashDistance('00', '00') // { _tag: 'Right', right: 0, extra: 1 }",
  'an arrow claim on console.log args': "console.log(1 + 1, 'a' + 'b') // → 2, 'ab'",
  'a text claim':
    "import { formatError, validationError } from '@imagekit-fp/utils'\nconsole.log(formatError(validationError('a.b', 'is required')))\n// → ValidationError at a.b: is …",
  'a wrong text claim':
    "import { formatError, validationError } from '@imagekit-fp/utils'\nconsole.log(formatError(validationError('a.b', 'is required'))) // → ValidationError at a.c: is required",
  'wildcards and elisions':
    "({ url: 'https://x/a.jpg?ik-s=abc', n: [1, 2, 3], o: { a: 1, b: 2 } })\n// { url: 'https://x/…?ik-s=…', n: [1, …], o: { a: 1, … } }",
  'an awaited promise': 'Promise.resolve(42) // 42',
  'a claim never reached': "if (Date.now() < 0) console.log('never') // → 'never'",
  'a claim that does not parse': "console.log(1) // { _tag: 'Right', right: 1",
  'prose comments':
    "console.log('x') // 202: queued, the result arrives by webhook\nconsole.log('y') // prints y",
  'a type error': "const n: number = 'not a number'\nconsole.log(n)",
  'a name not in scope': 'console.log(privateKey)',
  'a throwing example': "console.log(1) // 1\nthrow new Error('boom')",
  'no network': "await fetch('https://example.com/') // → 1",
} as const
type Case = keyof typeof cases

const results: Record<string, { ok: boolean; detail: string }> = {}
const lineOf: Record<string, number> = {}

beforeAll(() => {
  mkdirSync(dir, { recursive: true })
  let md = '# fixture\n\n'
  for (const [name, code] of Object.entries(cases)) {
    md += `${name}\n\n`
    lineOf[name] = md.split('\n').length + 1
    md += `${block(code)}\n`
  }
  const file = path.join(dir, 'fixture.md')
  writeFileSync(file, md)
  const json = path.join(dir, 'out.json')
  spawnSync(
    process.execPath,
    [
      path.join(root, 'scripts/doc-examples.mjs'),
      '--markdown',
      file,
      '--work',
      path.join(dir, 'work'),
      '--json',
      json,
    ],
    { cwd: root, encoding: 'utf8' },
  )
  const { checks } = JSON.parse(readFileSync(json, 'utf8')) as {
    checks: { name: string; ok: boolean; detail: string }[]
  }
  const rel = path.relative(root, file).split(path.sep).join('/')
  for (const name of Object.keys(cases)) {
    const c = checks.find((x) => x.name === `${rel}:${lineOf[name]}`)
    results[name] = c ? { ok: c.ok, detail: c.detail } : { ok: false, detail: 'no check reported' }
  }
}, 240_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const expectOutcome = (name: Case, ok: boolean, detail: string | RegExp) => {
  const r = results[name]!
  expect(r.ok).toBe(ok)
  if (typeof detail === 'string') expect(r.detail).toStrictEqual(detail)
  else expect(r.detail).toMatch(detail)
}

describe('scripts/doc-examples.mjs', () => {
  it('passes a true claim on the line below', () =>
    expectOutcome('a true claim', true, 'compiles, runs, 1 output as stated'))
  it('fails a false claim, with both values', () =>
    expectOutcome(
      'a false claim',
      false,
      /got \{"_tag":"Right","right":17\}, the comment says \{ _tag: 'Right', right: 18 \}/,
    ))
  it('compares keys exactly', () =>
    expectOutcome('a claim with an extra key', false, /got \{"_tag":"Right","right":0\}/))
  it('takes console.log arguments as a list after →', () =>
    expectOutcome('an arrow claim on console.log args', true, 'compiles, runs, 1 output as stated'))
  it('compares a text claim with the printed string, … included', () =>
    expectOutcome('a text claim', true, 'compiles, runs, 1 output as stated'))
  it('fails a wrong text claim', () =>
    expectOutcome(
      'a wrong text claim',
      false,
      /printed "ValidationError at a.b: is required", the comment says "ValidationError at a.c: is required"/,
    ))
  it('reads … as a wildcard in strings and as "and more" in objects and arrays', () =>
    expectOutcome('wildcards and elisions', true, 'compiles, runs, 1 output as stated'))
  it('awaits a promise', () =>
    expectOutcome('an awaited promise', true, 'compiles, runs, 1 output as stated'))
  it('fails a claim the example never reaches', () =>
    expectOutcome('a claim never reached', false, /never reached/))
  it('fails a claim that starts like an object but does not parse', () =>
    expectOutcome('a claim that does not parse', false, /the output comment does not parse/))
  it('leaves prose comments alone', () => expectOutcome('prose comments', true, 'compiles'))
  it('fails on a type error, naming the Markdown line', () =>
    expectOutcome('a type error', false, new RegExp(`fixture\\.md:${lineOf['a type error']}: TS2322`)))
  it('fails on a name not in scope', () =>
    expectOutcome('a name not in scope', false, /TS2304 Cannot find name 'privateKey'/))
  it('fails an example that throws', () =>
    expectOutcome('a throwing example', false, /the example threw: Error: boom/))
  it('runs examples offline', () => expectOutcome('no network', false, /doc examples run offline/))
})
