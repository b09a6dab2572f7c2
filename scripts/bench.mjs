#!/usr/bin/env node
// Runs every scripts/bench/*.mjs in name order, each in its own Node process (fresh JIT and module cache).
// Benchmarks inform (the README reports them); each prints PASS/MISS per target and exits 0 whatever
// the numbers. This runner exits non-zero only if a benchmark script itself crashed.
//
// Usage: node scripts/bench.mjs [--json <file>] [--only <substring>] [extra args passed to each script]
//   --json <file>  merge every script's { checks } into one file (each script gets its own temp file);
//                  bench checks are targets (ok=false means MISS), so count them as informational.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs, root } from './lib/report.mjs'

const args = parseArgs()
const dir = path.join(root, 'scripts/bench')
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => !args.only || f.includes(args.only))
  .sort()
const passThrough = process.argv.slice(2).filter((a, i, all) => {
  const prev = all[i - 1]
  return (
    !['--json', '--only'].includes(a) && !['--json', '--only'].includes(prev) && !/^--(json|only)=/.test(a)
  )
})
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-bench-'))
const merged = { title: 'bench', checks: [], scripts: {} }
let crashed = 0
for (const f of scripts) {
  console.log(`\n######## scripts/bench/${f}\n`)
  const out = path.join(tmp, `${f}.json`)
  const r = spawnSync(process.execPath, [path.join(dir, f), ...passThrough, '--json', out], {
    cwd: root,
    stdio: 'inherit',
  })
  if (r.status !== 0) {
    crashed++
    merged.checks.push({ name: `bench ${f} runs`, ok: false, detail: `exit ${r.status ?? r.signal}` })
  }
  if (fs.existsSync(out)) {
    const j = JSON.parse(fs.readFileSync(out, 'utf8'))
    merged.checks.push(...(j.checks ?? []))
    merged.scripts[f] = j
  }
}
fs.rmSync(tmp, { recursive: true, force: true })
const jsonFile = typeof args.json === 'string' ? args.json : process.env.IMAGEKIT_FP_CHECKS_JSON
if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify(merged, null, 2) + '\n')
const miss = merged.checks.filter((c) => !c.ok).length
console.log(
  `\nbench: ${scripts.length} script(s), ${merged.checks.length - miss} target(s) met, ${miss} missed, ${crashed} crashed`,
)
process.exitCode = crashed ? 1 : 0
