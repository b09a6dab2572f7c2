// The whole test suite, as the README's test command runs it: build, typecheck, lint, format, unit/property/
// differential/contract/fault tests (vitest), the doc examples (compiled, and run where they state an output),
// packaging checks (every way of packing, publint, attw, TypeScript consumers, smoke install) and size budgets.
// Every vitest test and every check counts; the last line is `N passed, N failed` (skips are listed above it).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const tmp = path.join(root, '.tmp', 'test-all')
rmSync(tmp, { recursive: true, force: true })
mkdirSync(tmp, { recursive: true })

const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const tally = { passed: 0, failed: 0, skipped: 0 }
const failures = []

const run = (label, command, args) => {
  console.log(`\n▶ ${label}: ${[path.basename(command), ...args].join(' ')}`)
  const started = Date.now()
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  console.log(`  ${status === 0 ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return status === 0
}

const check = (label, ok) => {
  if (ok) tally.passed++
  else {
    tally.failed++
    failures.push(label)
  }
}

/** Steps whose scripts write `{ checks: [{ name, ok, detail }] }` to a JSON file: each entry counts. */
const checksFrom = (label, script) => {
  const out = path.join(tmp, `${label}.json`)
  const ok = run(label, process.execPath, [path.join(root, script), '--json', out])
  if (!existsSync(out)) return check(`${label} (no results written)`, false)
  const { checks } = JSON.parse(readFileSync(out, 'utf8'))
  for (const c of checks) check(`${label}: ${c.name}${c.ok ? '' : ` (${c.detail ?? 'failed'})`}`, c.ok)
  if (!ok && checks.every((c) => c.ok)) check(`${label} (exited non-zero)`, false)
}

check('build', run('build', 'npx', ['-y', 'pnpm@10', '-r', '--filter', './packages/*', 'run', 'build']))
check('typecheck', run('typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']))
check('lint', run('lint', bin('eslint'), ['.', '--max-warnings=0']))
check('format', run('format', bin('prettier'), ['--check', '.', '--log-level=warn']))

const vitestJson = path.join(tmp, 'vitest.json')
const vitestOk = run('vitest', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
])
if (existsSync(vitestJson)) {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'))
  for (const file of report.testResults) {
    for (const t of file.assertionResults) {
      if (t.status === 'passed') tally.passed++
      else if (t.status === 'failed') {
        tally.failed++
        failures.push(`${path.relative(root, file.name)} > ${t.fullName}`)
      } else tally.skipped++
    }
    // A file that failed to load has no assertion results but a failure message; one whose beforeAll threw
    // reports its tests as skipped. Either way the file itself counts as a failure.
    if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')) {
      check(
        `${path.relative(root, file.name)} (failed to run: ${String(file.message).split('\n')[0]})`,
        false,
      )
    }
  }
  if (!vitestOk && report.numFailedTests === 0 && report.numFailedTestSuites === 0)
    check('vitest (exited non-zero)', false)
} else check('vitest (no report)', false)

checksFrom('doc-examples', 'scripts/doc-examples.mjs')
checksFrom('pack-check', 'scripts/pack-check.mjs')
// Ready to publish: the changesets config, a CHANGELOG.md per package, `npm publish --dry-run` of each.
checksFrom('release-check', 'scripts/release-check.mjs')
checksFrom('size', 'scripts/size.mjs')
// The API reference (TypeDoc into docs/api/): an export without a doc comment or a broken {@link} fails.
checksFrom('docs', 'scripts/docs.mjs')

if (failures.length) {
  console.log('\nFailed:')
  for (const f of failures) console.log(`  ✘ ${f}`)
}
// The last line is exactly `N passed, N failed` (what CI reads); skipped tests are reported just before it.
if (tally.skipped) console.log(`\n${tally.skipped} skipped (see the messages above)`)
console.log(`\n${tally.passed} passed, ${tally.failed} failed`)
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1)
