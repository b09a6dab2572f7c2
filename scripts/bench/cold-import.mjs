#!/usr/bin/env node
// Cold import time in a fresh Node process, over an empty Node start (median of N alternating runs each):
// ours (built dist, resolved like a user's install) and the official SDKs side by side.
// Target (issue 2 item 6): `import('@imagekit-fp/url')` at most 15 ms over an empty Node start, judged on the
// median of the per-round (paired) differences; the difference of the two medians is printed beside it.
// Exits 0 whatever the numbers; the same target is a CHECK in scripts/cold-import-check.mjs.
//
// Usage: node scripts/bench/cold-import.mjs [--json <file>] [--runs <n, default 15>]
import { measureColdImports } from '../lib/cold-import.mjs'
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
            r.spec === '@imagekit-fp/url' ? (r.pairedMedianMs <= 15 ? '≤15 PASS' : '≤15 MISS') : '',
          ]
        : [r.spec, 'n/a', '', '', '', r.error.slice(0, 80)],
    ),
  ),
)
const url = results.find((r) => r.spec === '@imagekit-fp/url')
report.check(
  'cold import @imagekit-fp/url ≤ 15 ms over empty',
  url.ok && url.pairedMedianMs <= 15,
  url.ok ? `${f(url.pairedMedianMs)} ms (median of paired differences)` : url.error,
)
report.extra.measurements = results
report.finish({ exitOnFail: false })
