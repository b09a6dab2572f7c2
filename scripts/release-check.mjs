#!/usr/bin/env node
// Release readiness of every published package of packages/* (a new package folder is picked up as it is):
//   1. the changesets config (.changeset/config.json) parses, `changeset status` reads it, and it publishes with
//      public access from main and leaves the private workspace packages (internal, sample, examples) unversioned;
//   2. each package has a CHANGELOG.md titled with its name whose latest entry (`## x.y.z`) is its version;
//   3. `npm publish --dry-run` of each package succeeds and would publish name@version with its built `dist/`,
//      README.md, LICENSE and CHANGELOG.md, and a package.json without a `workspace:` range.
// The packages must be built (`npm test` builds them first).
//
// Usage: node scripts/release-check.mjs [--json <file>]   (writes { checks: [{ name, ok, detail }] })
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createReport, parseArgs, root } from './lib/report.mjs'

const report = createReport('release-check', parseArgs())
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'))

const configFile = path.join(root, '.changeset', 'config.json')
let config
try {
  config = readJson(configFile)
} catch (e) {
  config = undefined
  report.check('.changeset/config.json parses', false, String(e))
}
if (config !== undefined)
  report.check(
    '.changeset/config.json: public access, base branch main, private packages not versioned',
    config.access === 'public' &&
      config.baseBranch === 'main' &&
      config.privatePackages?.version === false &&
      config.privatePackages?.tag === false,
    JSON.stringify({
      access: config.access,
      baseBranch: config.baseBranch,
      privatePackages: config.privatePackages,
    }),
  )

// changesets itself reads the config and the workspace: against HEAD it has nothing to bump (exit 0), or, with
// uncommitted changes to a package, it says that no changeset names them (which means it read both).
const status = spawnSync(path.join(root, 'node_modules', '.bin', 'changeset'), ['status', '--since=HEAD'], {
  cwd: root,
  encoding: 'utf8',
})
report.check(
  'changeset status reads the config and the workspace',
  status.status === 0 || /changed but no changesets were found/.test(status.stdout + status.stderr),
  `exit ${status.status}: ${(status.stderr || status.stdout).trim().split('\n').slice(-2).join(' ')}`,
)

const packages = fs
  .readdirSync(path.join(root, 'packages'))
  .sort()
  .map((d) => path.join(root, 'packages', d))
  .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: readJson(path.join(dir, 'package.json')) }))
  .filter(({ pkg }) => !pkg.private)

for (const { dir, pkg } of packages) {
  const changelog = path.join(dir, 'CHANGELOG.md')
  const text = fs.existsSync(changelog) ? fs.readFileSync(changelog, 'utf8') : ''
  const latest = /^## (\S+)$/m.exec(text)?.[1]
  report.check(
    `${pkg.name}: CHANGELOG.md titled with the package, latest entry ${pkg.version}`,
    text.startsWith(`# ${pkg.name}\n`) && latest === pkg.version,
    text === '' ? 'no CHANGELOG.md' : `title ${JSON.stringify(text.split('\n')[0])}, latest entry ${latest}`,
  )

  const r = spawnSync('npm', ['publish', '--dry-run', '--json', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
  let result
  try {
    const parsed = JSON.parse(r.stdout)
    // npm 10 prints the package's result, npm 11 an object keyed by the package name
    result = parsed[pkg.name] ?? parsed
  } catch {
    result = undefined
  }
  const files = (result?.files ?? []).map((f) => f.path)
  const missing = ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']
    .filter((f) => !files.includes(f))
    .concat(files.some((f) => f.startsWith('dist/')) ? [] : ['dist/'])
  const manifest = JSON.stringify(pkg)
  report.check(
    `${pkg.name}: npm publish --dry-run publishes ${pkg.name}@${pkg.version} with dist/, README.md, LICENSE, CHANGELOG.md`,
    r.status === 0 &&
      result?.id === `${pkg.name}@${pkg.version}` &&
      missing.length === 0 &&
      !manifest.includes('"workspace:'),
    r.status !== 0
      ? `exit ${r.status}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`
      : `${result?.id}, ${files.length} files${missing.length ? `, missing ${missing.join(', ')}` : ''}`,
  )
}

report.printChecks()
report.finish()
