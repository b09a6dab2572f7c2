// A throw-away "user project" folder whose node_modules links to the BUILT workspace packages
// (packages/*, resolved through package.json `exports`, so dist/ is what gets loaded) and to the
// official SDKs and peers installed at the repo root. Node and esbuild follow the symlinks to their
// real paths, so `@imagekit-fp/url`'s own imports resolve through packages/url/node_modules exactly as
// in the workspace.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { root } from './report.mjs'

export const ourPackages = ['utils', 'url', 'upload', 'media']
const linked = ['fp-ts', 'io-ts', 'ky', 'imagekit', '@imagekit/javascript', '@imagekit/nodejs']

/** @returns {string} the folder (created once per process) */
export const makeUserDir = (() => {
  let dir
  return () => {
    if (dir) return dir
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-user-'))
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'user', private: true, type: 'module' }),
    )
    const link = (name, target) => {
      const to = path.join(dir, 'node_modules', name)
      fs.mkdirSync(path.dirname(to), { recursive: true })
      fs.symlinkSync(target, to, 'dir')
    }
    for (const p of ourPackages) link(`@imagekit-fp/${p}`, path.join(root, 'packages', p))
    for (const p of linked) {
      const target = path.join(root, 'node_modules', p)
      if (fs.existsSync(target)) link(p, fs.realpathSync(target))
    }
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }))
    return dir
  }
})()

/** Missing dist entry files of our packages (empty when everything is built). */
export const missingBuilds = () => {
  const missing = []
  for (const p of ourPackages) {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'packages', p, 'package.json'), 'utf8'))
    for (const [sub, cond] of Object.entries(pkg.exports ?? {})) {
      if (sub === './package.json') continue
      for (const target of [cond?.import?.default, cond?.require?.default]) {
        if (target && !fs.existsSync(path.join(root, 'packages', p, target)))
          missing.push(`${pkg.name}: ${target}`)
      }
    }
  }
  return missing
}

/**
 * `import(spec)` resolved from the user folder, as a Node user's code would (export conditions
 * `node` + `import`): a one-line re-exporting module is written there and imported.
 */
export const importAsUser = async (spec) => {
  const dir = makeUserDir()
  const file = path.join(dir, `import-${spec.replace(/[^a-z0-9]+/gi, '_')}.mjs`)
  fs.writeFileSync(
    file,
    `export * from ${JSON.stringify(spec)}\nexport const __resolved = import.meta.resolve(${JSON.stringify(spec)})\n`,
  )
  return import(pathToFileURL(file).href)
}
