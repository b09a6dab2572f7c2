#!/usr/bin/env node
// `npm run pack:local`: packs every published package of packages/* (built first by the npm script) into one
// folder, so that an app can install them from a checkout before they are on npm. Each tarball is named
// without its version (`imagekit-fp-url.tgz`), so the install lines in the READMEs do not change with a bump.
// A package that depends on another of ours (url, upload and media on utils, testing on media and utils)
// installs only together with their tarballs: the line printed for each package names every tarball it needs.
//
// Usage: node scripts/pack-local.mjs [--out <folder>]   (default: .tmp/packages in the checkout)
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs, root } from './lib/report.mjs'

const args = parseArgs()
const out = path.resolve(typeof args.out === 'string' ? args.out : path.join(root, '.tmp', 'packages'))

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'))
const packages = fs
  .readdirSync(path.join(root, 'packages'))
  .sort()
  .map((d) => path.join(root, 'packages', d))
  .filter((dir) => fs.existsSync(path.join(dir, 'package.json')))
  .map((dir) => ({ dir, pkg: readJson(path.join(dir, 'package.json')) }))
  .filter(({ pkg }) => !pkg.private)
const byName = new Map(packages.map((p) => [p.pkg.name, p]))
/** `@imagekit-fp/url` -> `imagekit-fp-url.tgz` */
const fileOf = (name) => `${name.replace(/^@/, '').replace('/', '-')}.tgz`

const unbuilt = packages.filter(({ dir }) => !fs.existsSync(path.join(dir, 'dist')))
if (unbuilt.length > 0) {
  console.error(
    `pack-local: ${unbuilt.map((p) => p.pkg.name).join(', ')} not built: run \`npm run pack:local\` (it builds first)`,
  )
  process.exit(1)
}

fs.rmSync(out, { recursive: true, force: true })
fs.mkdirSync(out, { recursive: true })
for (const { dir, pkg } of packages) {
  const r = spawnSync('npm', ['pack', '--pack-destination', out, '--json', '--loglevel=error'], {
    cwd: dir,
    encoding: 'utf8',
  })
  if (r.status !== 0) {
    console.error(`pack-local: npm pack of ${pkg.name} failed:\n${r.stderr}`)
    process.exit(1)
  }
  const [{ filename }] = JSON.parse(r.stdout)
  // npm names it `imagekit-fp-url-0.1.0.tgz`
  fs.renameSync(path.join(out, path.basename(filename)), path.join(out, fileOf(pkg.name)))
}

/** The package and every package of ours it depends on, directly or not. */
const withDependencies = (name, seen = new Set()) => {
  if (seen.has(name)) return seen
  seen.add(name)
  for (const dep of Object.keys(byName.get(name).pkg.dependencies ?? {}))
    if (byName.has(dep)) withDependencies(dep, seen)
  return seen
}
console.log(
  `Packed ${packages.length} packages into ${out}. To install one in an app (from the app's folder):`,
)
for (const { pkg } of packages) {
  const files = [...withDependencies(pkg.name)].map((n) => path.join(out, fileOf(n)))
  console.log(`  npm install ${files.join(' ')} fp-ts io-ts`)
}
