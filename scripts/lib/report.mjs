// Shared helpers for the check and benchmark scripts: argument parsing, tables and the JSON report
// `{ checks: [{ name, ok, detail }] }` read by scripts/test-all.mjs.
//
// Every script accepts `--json <file>` (or the env var IMAGEKIT_FP_CHECKS_JSON=<file>) to also write
// its results as JSON, one entry per check.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** `--name value` / `--flag` parsing, minimal on purpose. */
export const parseArgs = (argv = process.argv.slice(2)) => {
  const out = { _: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2)
      if (inline !== undefined) out[k] = inline
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[k] = argv[++i]
      else out[k] = true
    } else out._.push(a)
  }
  return out
}

/** Plain-text table; numbers are right-aligned. */
export const table = (headers, rows) => {
  const cells = [headers, ...rows].map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))))
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)))
  const isNum = headers.map((_, i) =>
    rows.every((r) => typeof r[i] === 'number' || /^[\d.,x%+\-~ ]*$/.test(String(r[i] ?? ''))),
  )
  const fmt = (r) =>
    r
      .map((c, i) => (isNum[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd()
  return [fmt(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(fmt)].join('\n')
}

export const fmtInt = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a')

/**
 * Collects checks; `finish()` prints the summary, writes the JSON file if asked, and sets the exit code.
 * @param {string} title
 */
export const createReport = (title, args = parseArgs()) => {
  const checks = []
  const extra = {}
  const jsonFile = typeof args.json === 'string' ? args.json : process.env.IMAGEKIT_FP_CHECKS_JSON
  return {
    checks,
    extra,
    check(name, ok, detail = '') {
      checks.push({ name, ok: Boolean(ok), detail: String(detail) })
      return Boolean(ok)
    },
    printChecks(width = 180) {
      const cut = (s) => (s.length > width ? `${s.slice(0, width)}…` : s)
      console.log(
        table(
          ['check', 'result', 'detail'],
          checks.map((c) => [c.name, c.ok ? 'PASS' : 'FAIL', cut(c.detail)]),
        ),
      )
    },
    finish({ exitOnFail = true } = {}) {
      const failed = checks.filter((c) => !c.ok).length
      console.log(`\n${title}: ${checks.length - failed} passed, ${failed} failed`)
      if (jsonFile) {
        fs.mkdirSync(path.dirname(path.resolve(jsonFile)), { recursive: true })
        fs.writeFileSync(jsonFile, JSON.stringify({ title, checks, ...extra }, null, 2) + '\n')
      }
      if (exitOnFail && failed > 0) process.exitCode = 1
      return failed
    },
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
