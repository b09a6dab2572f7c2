// One esbuild bundle of the workspace's sources for a benchmark: `exports` are lines such as
// `export { upload } from '<package>/src/index.ts'` (package paths relative to packages/), and every
// `@imagekit-fp/<name>[/<entry>]` import resolves to packages/<name>/src/<entry or index>.ts, as vitest.config.ts
// maps them, so a benchmark measures the code as it is in the tree, built or not.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { root } from './report.mjs'

const workspaceSources = {
  name: 'workspace-sources',
  setup(b) {
    b.onResolve({ filter: /^@imagekit-fp\// }, (a) => {
      const m = /^@imagekit-fp\/([a-z]+)(?:\/([a-z]+))?$/.exec(a.path)
      return m ? { path: path.join(root, 'packages', m[1], 'src', `${m[2] ?? 'index'}.ts`) } : undefined
    })
  },
}

/**
 * Bundles `lines` (an entry module's text, one line each; `{src:<package path>}` stands for the absolute, quoted
 * path of a file under packages/) into `<dir>/ours.mjs` for Node.
 * @param {string} dir a temporary folder
 * @param {string[]} lines
 * @returns {Promise<string>} the bundle's path
 */
export const bundleSources = async (dir, lines) => {
  const { build } = await import('esbuild')
  const entry = path.join(dir, 'entry.ts')
  const src = (p) => JSON.stringify(path.join(root, 'packages', p))
  writeFileSync(entry, lines.map((l) => l.replace(/\{src:([^}]+)\}/g, (_, p) => src(p))).join('\n'))
  const outfile = path.join(dir, 'ours.mjs')
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
    plugins: [workspaceSources],
    nodePaths: ['internal', 'utils', 'upload', 'testing', ''].map((p) =>
      path.join(root, p === '' ? '' : `packages/${p}`, 'node_modules'),
    ),
  })
  return outfile
}
