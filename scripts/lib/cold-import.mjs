// Cold `import(spec)` in a fresh Node process vs an empty Node start, from a "user project" folder whose
// node_modules links to the built workspace packages (scripts/lib/user-dir.mjs), so specifiers resolve
// as a user's would (package.json `exports`, dist files).
import { spawnSync } from 'node:child_process'
import { median } from './report.mjs'
import { makeUserDir } from './user-dir.mjs'

const EMPTY = '(empty node start)'

const once = (cwd, spec) => {
  const code =
    spec === EMPTY
      ? ''
      : `const t = performance.now(); await import(${JSON.stringify(spec)}); process.stdout.write(String(performance.now() - t))`
  const t0 = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd, encoding: 'utf8' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0)
    throw new Error(
      `import(${spec}) failed: ${(r.stderr || '').split('\n').find((l) => /Error/.test(l)) ?? r.stderr}`,
    )
  return { ms, inProcess: Number(r.stdout) }
}

/**
 * Runs the empty start and every spec `runs` times, alternating (empty, a, b, …, empty, a, b, …),
 * after one unmeasured warm-up round.
 * `inProcessMedianMs` is the `import()` itself timed inside the child (performance.now), a less noisy view.
 * @returns {Array<{spec, ok, error?, medianMs, emptyMedianMs, overEmptyMs, pairedMedianMs, inProcessMedianMs, runs}>}
 */
export const measureColdImports = (specs, { runs = 15 } = {}) => {
  const cwd = makeUserDir()
  const all = [EMPTY, ...specs]
  const times = Object.fromEntries(all.map((s) => [s, []]))
  const inside = Object.fromEntries(all.map((s) => [s, []]))
  const errors = {}
  for (let round = -1; round < runs; round++) {
    for (const s of all) {
      if (errors[s]) continue
      try {
        const { ms, inProcess } = once(cwd, s)
        if (round >= 0) times[s].push(ms)
        if (round >= 0) inside[s].push(inProcess)
      } catch (e) {
        errors[s] = e.message
      }
    }
  }
  const empty = times[EMPTY]
  const emptyMedian = median(empty)
  return specs.map((spec) => {
    if (errors[spec]) return { spec, ok: false, error: errors[spec] }
    const xs = times[spec]
    return {
      spec,
      ok: true,
      medianMs: median(xs),
      emptyMedianMs: emptyMedian,
      overEmptyMs: median(xs) - emptyMedian,
      pairedMedianMs: median(xs.map((x, i) => x - empty[i])),
      inProcessMedianMs: median(inside[spec]),
      runs: xs.length,
    }
  })
}
