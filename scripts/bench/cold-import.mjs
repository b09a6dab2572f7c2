#!/usr/bin/env node
// Cold import time in a fresh Node process, over an empty Node start (median of N alternating runs each):
// ours (built dist, resolved like a user's install) and the official SDKs side by side.
// Targets: `import('@imagekit-fp/url')` at most 15 ms over an empty Node start (met at 12 ms
// where an empty start took ~60 ms; machine-dependent, so informational), and the CI check's ratio, at most
// half of @imagekit/javascript's (coldImportCheck in lib/cold-import.mjs), both on the median of the per-round
// (paired) differences; the difference of the two medians is printed beside it. Exits 0 whatever the numbers.
//
// Usage: node scripts/bench/cold-import.mjs [--json <file>] [--runs <n, default 15>]
import {
  COLD_IMPORT_BASELINE,
  COLD_IMPORT_CHECK_NAME,
  judgeColdImport,
  measureColdImports,
} from '../lib/cold-import.mjs'
import { createReport, parseArgs, table } from '../lib/report.mjs'

const args = parseArgs()
const report = createReport('bench cold-import', args)
const runs = Number(args.runs ?? 15)
const specs = [
  '@imagekit-fp/url',
  '@imagekit-fp/utils',
  '@imagekit-fp/upload',
  '@imagekit/javascript',
  'imagekit',
  '@imagekit/nodejs',
]
const results = measureColdImports(specs, { runs })
const f = (n) => n.toFixed(1)
const url = results.find((r) => r.spec === '@imagekit-fp/url')
const verdict = judgeColdImport(
  url,
  results.find((r) => r.spec === COLD_IMPORT_BASELINE),
)
const target = (r) =>
  `${r.pairedMedianMs <= 15 ? '≤15 ms PASS' : '≤15 ms MISS'}; ` +
  `${verdict.ratio.toFixed(2)}x ${COLD_IMPORT_BASELINE} ${verdict.ok ? 'PASS' : 'MISS'}`
console.log(
  `Cold import in a fresh process (Node ${process.version}; median of ${runs} alternating runs; empty start ${f(results.find((r) => r.ok)?.emptyMedianMs ?? NaN)} ms)`,
)
console.log(
  table(
    ['import', 'median ms', 'over empty ms', 'paired median ms', 'import() in-process ms', 'target'],
    results.map((r) =>
      r.ok
        ? [
            r.spec,
            f(r.medianMs),
            f(r.overEmptyMs),
            f(r.pairedMedianMs),
            f(r.inProcessMedianMs),
            r.spec === '@imagekit-fp/url' ? target(r) : '',
          ]
        : [r.spec, 'n/a', '', '', '', r.error.slice(0, 80)],
    ),
  ),
)
report.check(COLD_IMPORT_CHECK_NAME, verdict.ok, verdict.detail)
report.extra.measurements = results
report.finish({ exitOnFail: false })
