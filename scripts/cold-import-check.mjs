#!/usr/bin/env node
// CHECK: cold `import('@imagekit-fp/url')` in a fresh Node process costs at most 15 ms over an empty Node
// start (issue 2 item 6), from the built dist resolved as a user's install would be. 31 rounds, each one
// empty start then one import, after a warm-up round; the figure checked is the median of the 31 per-round
// differences (a paired median: slow drifts in machine load cancel within a round, which makes it steadier
// than the difference of the two medians, also printed).
//
// Usage: node scripts/cold-import-check.mjs [--json <file>] [--runs <n, default 31>] [--budget <ms, default 15>]
import { measureColdImports } from './lib/cold-import.mjs'
import { createReport, parseArgs } from './lib/report.mjs'

const args = parseArgs()
const report = createReport('cold-import-check', args)
const budget = Number(args.budget ?? 15)
const [r] = measureColdImports(['@imagekit-fp/url'], { runs: Number(args.runs ?? 31) })
if (r.ok) {
  console.log(
    `import('@imagekit-fp/url'): median ${r.medianMs.toFixed(1)} ms, empty node ${r.emptyMedianMs.toFixed(1)} ms, ` +
      `median of the ${r.runs} paired differences ${r.pairedMedianMs.toFixed(1)} ms (difference of the medians ` +
      `${r.overEmptyMs.toFixed(1)} ms; import() itself ${r.inProcessMedianMs.toFixed(1)} ms), budget ${budget} ms`,
  )
}
report.check(
  `cold import @imagekit-fp/url ≤ ${budget} ms over an empty node start`,
  r.ok && r.pairedMedianMs <= budget,
  r.ok ? `${r.pairedMedianMs.toFixed(1)} ms over empty (median of ${r.runs} paired differences)` : r.error,
)
report.finish()
