#!/usr/bin/env node
// CHECK, alone: cold `import('@imagekit-fp/url')` in a fresh Node process, over an empty Node start, costs at
// most half of `import('@imagekit/javascript')`'s in the same run (coldImportCheck in lib/cold-import.mjs,
// which says why a ratio). Both from the built dist / installed package, resolved as a user's install would be;
// 31 alternating rounds after a warm-up round; the figure is the median of the per-round differences.
//
// Usage: node scripts/cold-import-check.mjs [--json <file>] [--runs <n, default 31>]
import { coldImportCheck } from './lib/cold-import.mjs'
import { createReport, parseArgs } from './lib/report.mjs'

const args = parseArgs()
const report = createReport('cold-import-check', args)
const cold = coldImportCheck({ runs: Number(args.runs ?? 31) })
for (const line of cold.lines) console.log(line)
report.check(cold.name, cold.ok, cold.detail)
report.finish()
