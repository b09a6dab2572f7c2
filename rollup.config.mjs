// Shared rollup configuration: every package's own rollup.config.mjs calls `packageConfig`.
// Output per package: ESM with one module per source file (dist/*.js), CJS (dist/*.cjs),
// and bundled declarations for both module systems (dist/<entry>.d.ts and dist/<entry>.d.cts).
import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const root = path.dirname(fileURLToPath(import.meta.url))

/** Everything that is not a relative import or a file of this package stays external. */
const external = (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0')

const tsPlugin = (packageDir) =>
  typescript({
    tsconfig: path.join(packageDir, 'tsconfig.json'),
    compilerOptions: { declaration: false, declarationMap: false, sourceMap: false, noEmit: false },
    include: [path.join(packageDir, 'src/**/*.ts')],
    exclude: ['**/*.test.ts', '**/*.test-d.ts', '**/test-support/**'],
  })

/**
 * @param {string} packageDir absolute path of the package
 * @param {Record<string, string>} [entries] entry name -> source file (default `{ index: 'src/index.ts' }`)
 */
export const packageConfig = (packageDir, entries = { index: 'src/index.ts' }) => {
  const input = Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(packageDir, file)]))
  const dir = path.join(packageDir, 'dist')
  const common = { input, external, treeshake: { moduleSideEffects: false } }
  return [
    {
      ...common,
      plugins: [tsPlugin(packageDir)],
      output: { dir, format: 'es', preserveModules: true, preserveModulesRoot: path.join(packageDir, 'src'), entryFileNames: '[name].js' },
    },
    {
      ...common,
      plugins: [tsPlugin(packageDir)],
      output: { dir, format: 'cjs', preserveModules: true, preserveModulesRoot: path.join(packageDir, 'src'), entryFileNames: '[name].cjs', exports: 'named', interop: 'auto' },
    },
    ...['d.ts', 'd.cts'].map((ext) => ({
      input,
      external,
      plugins: [dts({ tsconfig: path.join(packageDir, 'tsconfig.json'), compilerOptions: { paths: {} } })],
      output: { dir, format: 'es', entryFileNames: `[name].${ext}` },
    })),
  ]
}

export { root }
