#!/usr/bin/env node
// CHECK: cold `import('@imagekit-fp/url')` in a fresh Node process costs at most 15 ms over an empty Node
// start (issue 2 item 6): median of 15 alternating runs each, from the built dist resolved as a user's
// install would be. Generous on purpose (medians, one warm-up round) to avoid flakiness on a busy machine.
//
// Usage: node scripts/cold-import-check.mjs [--json <file>] [--runs <n, default 15>] [--budget <ms, default 15>]
import { measureColdImports } from './lib/cold-import.mjs'
import { createReport, parseArgs } from './lib/report.mjs'

const args = parseArgs()
const report = createReport('cold-import-check', args)
const budget = Number(args.budget ?? 15)
const [r] = measureColdImports(['@imagekit-fp/url'], { runs: Number(args.runs ?? 15) })
if (r.ok) {
  console.log(
    `import('@imagekit-fp/url'): median ${r.medianMs.toFixed(1)} ms, empty node ${r.emptyMedianMs.toFixed(1)} ms, ` +
      `over empty ${r.overEmptyMs.toFixed(1)} ms (paired median ${r.pairedMedianMs.toFixed(1)} ms; import() itself ${r.inProcessMedianMs.toFixed(1)} ms), budget ${budget} ms`,
  )
}
report.check(
  `cold import @imagekit-fp/url ≤ ${budget} ms over an empty node start`,
  r.ok && r.overEmptyMs <= budget,
  r.ok ? `${r.overEmptyMs.toFixed(1)} ms over empty (median of ${r.runs})` : r.error,
)
report.finish()
