// Shared rollup configuration: every package's own rollup.config.mjs calls `packageConfig`.
// Output per package: ESM with one module per source file (dist/*.js), CJS (dist/*.cjs),
// and bundled declarations for both module systems (dist/<entry>.d.ts and dist/<entry>.d.cts).
// Speed: TypeScript is only transpiled here (one file at a time), each rollup build writes both module
// formats, the declarations of the whole workspace are emitted once (`workspaceDeclarations`) and bundled once
// per package; type checking is `tsc -p tsconfig.json --noEmit`.
import ts from 'typescript'
import { dts } from 'rollup-plugin-dts'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'

const root = path.dirname(fileURLToPath(import.meta.url))

/** Everything that is not a relative import or a file of this package stays external. */
const external = (id) => !id.startsWith('.') && !path.isAbsolute(id) && !id.startsWith('\0')

/** Test files and test helpers never reach a build. */
const notBuilt = /\.test(-d)?\.ts$|\/test-support\//

/**
 * TypeScript to JavaScript one file at a time (`ts.transpileModule`: no program, no type checking, which was
 * most of the build): the sources are written for it (`isolatedModules`, `verbatimModuleSyntax`). It emits
 * exactly what a full `tsc` emit did, comments included, so the built files and the sizes users measure stay
 * the same (esbuild's `transform`, faster still, drops the comments, and the different letter counts change
 * how a user's minifier names things: a few bytes more gzip for some imports). Besides the transform, rollup
 * only needs extensionless relative imports resolved to `.ts` files.
 */
const typescript = () => ({
  name: 'transpile-typescript',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null
    const base = path.resolve(path.dirname(importer), source)
    for (const file of [base, `${base}.ts`, path.join(base, 'index.ts')])
      if (file.endsWith('.ts') && existsSync(file)) return file
    return null
  },
  transform(code, id) {
    if (!id.endsWith('.ts') || notBuilt.test(id)) return null
    const out = ts.transpileModule(code, { fileName: id, compilerOptions: TRANSPILE })
    return { code: out.outputText, map: null }
  },
})

/** tsconfig.base.json's emit settings (what the type-checking build emitted with). */
const TRANSPILE = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  sourceMap: false,
  declaration: false,
}

/**
 * Swaps `<name>.ts` for `<name>.node.ts` wherever a `.node.ts` twin exists: the Node build (export condition
 * `node`) uses Node's own modules where the portable build carries pure-JS fallbacks.
 */
const nodeTwins = () => ({
  name: 'node-twins',
  async resolveId(source, importer, options) {
    if (!importer || !source.startsWith('.')) return null
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
    if (!resolved || !resolved.id.endsWith('.ts')) return null
    const twin = resolved.id.replace(/\.ts$/, '.node.ts')
    return existsSync(twin) ? twin : null
  },
})

/** Resolves the given bare imports to built files, so that they are bundled in rather than left external. */
const inlineImports = (inline, internalFrom) => ({
  name: 'inline-imports',
  resolveId: (source) =>
    internalFrom && source === '@imagekit-fp/internal'
      ? { id: internalFrom, external: true }
      : (inline[source] ?? null),
})

/**
 * The private `@imagekit-fp/internal` package (packages/internal): never published, so every build bundles its
 * built ESM in (`packages/internal/dist`, built first: each package lists it in `devDependencies`).
 */
const INTERNAL = { '@imagekit-fp/internal': path.join(root, 'packages/internal/dist/index.js') }
const internalDir = path.join(root, 'packages/internal/')

/** Output file names: the inlined internal modules go to `shared/`, apart from the package's own `internal/`. */
const fileNames = (ext) => (chunk) =>
  chunk.facadeModuleId?.startsWith(internalDir) || chunk.name.includes('internal/dist/')
    ? `shared/${path.basename(chunk.name)}.${ext}`
    : `[name].${ext}`

const jsOutputs = (
  packageDir,
  input,
  dir,
  extraPlugins,
  { singleFile = false, inline: extra = {}, internalFrom } = {},
) => {
  const inline = { ...INTERNAL, ...extra }
  const common = {
    input,
    external: (id) => !(id in inline) && external(id),
    treeshake: { moduleSideEffects: false },
  }
  const preserve = singleFile
    ? {}
    : { preserveModules: true, preserveModulesRoot: path.join(packageDir, 'src') }
  // One build, both formats: the modules are read and transpiled once.
  return [
    {
      ...common,
      plugins: [inlineImports(inline, internalFrom), ...extraPlugins, typescript()],
      output: [
        { dir, format: 'es', ...preserve, entryFileNames: fileNames('js') },
        {
          dir,
          format: 'cjs',
          ...preserve,
          entryFileNames: fileNames('cjs'),
          exports: 'named',
          interop: 'auto',
        },
      ],
    },
  ]
}

/**
 * The workspace packages with sources, dependencies first (the order pnpm builds them in), each with its
 * source files (tests and test helpers left out), sorted.
 */
const workspacePackages = () => {
  const dirs = readdirSync(path.join(root, 'packages')).filter((d) =>
    existsSync(path.join(root, 'packages', d, 'src')),
  )
  const manifest = (d) => JSON.parse(readFileSync(path.join(root, 'packages', d, 'package.json'), 'utf8'))
  const byName = new Map(dirs.map((d) => [manifest(d).name, d]))
  const ordered = []
  const visiting = new Set()
  const visit = (d) => {
    if (visiting.has(d)) return
    visiting.add(d)
    const m = manifest(d)
    const deps = Object.keys({ ...m.dependencies, ...m.devDependencies, ...m.peerDependencies })
    for (const name of deps.sort()) if (byName.has(name)) visit(byName.get(name))
    ordered.push(d)
  }
  dirs.sort().forEach(visit)
  return ordered.map((dir) => {
    const src = path.join(root, 'packages', dir, 'src')
    const files = readdirSync(src, { recursive: true })
      .map((f) => path.join(src, f))
      .filter((f) => f.endsWith('.ts') && !notBuilt.test(f.split(path.sep).join('/')))
      .sort()
    return { dir, files }
  })
}

/** Where the declarations are emitted: .tmp/declarations/<key>/<package>/src/*.d.ts. */
const declarationsRoot = path.join(root, '.tmp', 'declarations')

/**
 * The declarations of every package's sources, emitted in one process for the whole workspace, through the root
 * tsconfig.json (its `paths` lead each package's imports of the others to their sources, so no package needs
 * another's dist/ first) and without type checking (`noCheck`: `tsc -p tsconfig.json --noEmit` checks).
 * Parsing the DOM and Node lib files and fp-ts was most of the build when each package built a program of its
 * own: here every file is parsed once and shared by one program a package (a checker of its own, in dependency
 * order, so that the types are met in about the order they were when each package had its own: the order of a
 * union's members in the output follows it). The emit is kept per state of the sources (the key hashes them, the
 * compiler, this file and the tsconfig files), so the first package built emits it and the others only read
 * it; written to a temporary folder and renamed, so that builds running side by side never read half of it.
 * @returns the folder of the emitted declarations
 */
const workspaceDeclarations = () => {
  const packages = workspacePackages()
  const hash = createHash('sha256').update(ts.version)
  const shared = ['rollup.config.mjs', 'tsconfig.json', 'tsconfig.base.json'].map((f) => path.join(root, f))
  for (const f of [...shared, ...packages.flatMap((p) => p.files)])
    hash.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0')
  const dir = path.join(declarationsRoot, hash.digest('hex').slice(0, 16))
  if (existsSync(dir)) return dir
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    },
  })
  const temporary = `${dir}.${process.pid}.tmp`
  const options = {
    ...config.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    noCheck: true,
    rootDir: path.join(root, 'packages'),
    outDir: temporary,
  }
  const host = ts.createCompilerHost(options, true)
  const parsed = new Map()
  const getSourceFile = host.getSourceFile
  host.getSourceFile = (fileName, ...rest) => {
    if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile.call(host, fileName, ...rest))
    return parsed.get(fileName)
  }
  const errors = []
  for (const { files } of packages) {
    const program = ts.createProgram(files, options, host)
    errors.push(...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics())
    for (const f of files) {
      const r = program.emit(program.getSourceFile(f), undefined, undefined, true)
      errors.push(...r.diagnostics)
    }
  }
  if (errors.length > 0) {
    rmSync(temporary, { recursive: true, force: true })
    throw new Error(
      `declarations:\n${ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' })}`,
    )
  }
  try {
    renameSync(temporary, dir)
    // Older emits are of sources that changed since.
    for (const old of readdirSync(declarationsRoot))
      if (path.join(declarationsRoot, old) !== dir && !old.endsWith('.tmp'))
        rmSync(path.join(declarationsRoot, old), { recursive: true, force: true })
  } catch (error) {
    // Another build renamed the same emit first.
    rmSync(temporary, { recursive: true, force: true })
    if (!existsSync(dir)) throw error
  }
  return dir
}

/**
 * Points the declaration build's entries (`src/<file>.ts`) at their emitted declarations (`<file>.d.ts`,
 * see `workspaceDeclarations`): rollup-plugin-dts then only bundles them and builds no program of its own.
 * @param {string} packageDir absolute path of the package
 */
const emittedDeclarations = (packageDir) => ({
  name: 'emitted-declarations',
  options(options) {
    const dir = path.join(workspaceDeclarations(), path.relative(path.join(root, 'packages'), packageDir))
    const input = Object.fromEntries(
      Object.entries(options.input).map(([name, file]) => [
        name,
        path.join(dir, path.relative(packageDir, file)).replace(/\.ts$/, '.d.ts'),
      ]),
    )
    return { ...options, input }
  },
  // A bare import is resolved from the package's own folder (its node_modules), as from its sources.
  resolveId(source, importer, options) {
    if (!importer?.startsWith(declarationsRoot) || source.startsWith('.')) return null
    return this.resolve(source, path.join(packageDir, 'src', 'index.ts'), { ...options, skipSelf: true })
  },
})

/**
 * Shared chunks of the declarations are named after a module of theirs: `<name>.d` for an emitted `<name>.d.ts`,
 * written `<name>` as when the declarations came from `<name>.ts`.
 */
const chunkName = (ext) => (chunk) => {
  const emitted = chunk.moduleIds.some(
    (id) => id.startsWith(declarationsRoot) && path.basename(id) === `${chunk.name}.ts`,
  )
  return `${emitted ? chunk.name.slice(0, -'.d'.length) : chunk.name}-[hash].${ext}`
}

/**
 * Writes the declarations of the `reexports` entries: `export { a, b } from '<to index>.js'` (`.cjs` beside a
 * `.d.cts`), the names read from the entry's source.
 */
const reexportDeclarations = (packageDir, reexports) => ({
  name: 'reexport-declarations',
  generateBundle(output) {
    const cts = String(output.entryFileNames).endsWith('.d.cts')
    for (const [name, file] of Object.entries(reexports)) {
      const source = readFileSync(path.join(packageDir, file), 'utf8')
      const reexport = /^export \{([^}]+)\} from '[^']+'$/gm
      const rest = source
        .replace(reexport, '')
        .replace(/^\/\/.*$/gm, '')
        .trim()
      if (rest)
        this.error(`${file} is a reexports entry: only \`export { … } from '…'\` lines, found: ${rest}`)
      const names = [...source.matchAll(reexport)].flatMap((m) =>
        m[1]
          .split(',')
          .map((n) => n.trim())
          .filter(Boolean),
      )
      const index = path.posix.relative(path.posix.dirname(name), 'index')
      const to = index.startsWith('.') ? index : `./${index}`
      this.emitFile({
        type: 'asset',
        fileName: `${name}.${cts ? 'd.cts' : 'd.ts'}`,
        source: `export { ${names.join(', ')} } from '${to}.${cts ? 'cjs' : 'js'}'\n`,
      })
    }
  },
})

/**
 * @param {string} packageDir absolute path of the package
 * @param {Record<string, string>} [entries] entry name -> source file (default `{ index: 'src/index.ts' }`)
 * @param {{ nodeBuild?: Record<string, string>, nodeInline?: Record<string, string>, reexports?: Record<string, string>, internalFrom?: string }} [options]
 *   `nodeBuild`: entries also built into `dist/node/`, one file per entry (Node does not tree-shake, and every
 *   extra module and package resolution costs it start-up time), with every `*.node.ts` twin swapped in; served
 *   to Node through the `node` export condition. `nodeInline`: bare imports (package name → built JS
 *   file, relative to the package) bundled into that build instead of imported, e.g. the few utils functions
 *   url uses (pnpm builds utils first: url depends on it). `reexports`: entries (name → source file) whose
 *   source only re-exports names the `index` entry exports too (`export { a, b } from '…'` lines): their
 *   declarations are those names re-exported from the index's, written as they are, instead of one more entry of
 *   the declaration bundle (each entry there costs seconds and splits the declarations into shared chunks).
 *   `internalFrom`: where the built modules import the
 *   private internal helpers from instead of carrying a copy (upload and media: `@imagekit-fp/utils/shared`,
 *   the copy the transport they import already brings, so that a user's bundle holds one)
 */
export const packageConfig = (packageDir, entries = { index: 'src/index.ts' }, options = {}) => {
  const input = Object.fromEntries(
    Object.entries(entries).map(([name, file]) => [name, path.join(packageDir, file)]),
  )
  const dir = path.join(packageDir, 'dist')
  const nodeInput =
    options.nodeBuild &&
    Object.fromEntries(
      Object.entries(options.nodeBuild).map(([name, file]) => [name, path.join(packageDir, file)]),
    )
  const reexports = options.reexports ?? {}
  const typesInput = Object.fromEntries(Object.entries(input).filter(([name]) => !(name in reexports)))
  return [
    ...jsOutputs(packageDir, input, dir, [], { internalFrom: options.internalFrom }),
    ...(nodeInput
      ? jsOutputs(packageDir, nodeInput, path.join(dir, 'node'), [nodeTwins()], {
          singleFile: true,
          inline: Object.fromEntries(
            Object.entries(options.nodeInline ?? {}).map(([name, file]) => [
              name,
              path.join(packageDir, file),
            ]),
          ),
        })
      : []),
    {
      input: typesInput,
      // The private internal package is never published: its types are bundled into the declarations too.
      external: (id) => id !== '@imagekit-fp/internal' && external(id),
      plugins: [
        emittedDeclarations(packageDir),
        dts({
          tsconfig: path.join(packageDir, 'tsconfig.json'),
          compilerOptions: { paths: {} },
          respectExternal: true,
        }),
        reexportDeclarations(packageDir, reexports),
      ],
      // One declaration build written twice: each output's shared chunks carry its own extension, so that a
      // .d.cts never imports a .d.ts (an ES module under `"type": "module"`: TS1479 for CommonJS consumers
      // under node16 with skipLibCheck off).
      output: ['d.ts', 'd.cts'].map((ext) => ({
        dir,
        format: 'es',
        entryFileNames: `[name].${ext}`,
        chunkFileNames: chunkName(ext),
      })),
    },
  ]
}

/**
 * The private internal package's own build: ESM modules and bundled declarations, nothing else (it is only
 * ever inlined by the other packages' builds, see `INTERNAL`).
 * @param {string} packageDir absolute path of the package
 */
export const internalConfig = (packageDir) => {
  const input = { index: path.join(packageDir, 'src/index.ts') }
  const dir = path.join(packageDir, 'dist')
  return [
    {
      input,
      external,
      treeshake: { moduleSideEffects: false },
      plugins: [typescript()],
      output: {
        dir,
        format: 'es',
        preserveModules: true,
        preserveModulesRoot: path.join(packageDir, 'src'),
        entryFileNames: '[name].js',
      },
    },
    {
      input,
      external,
      plugins: [
        emittedDeclarations(packageDir),
        dts({ tsconfig: path.join(packageDir, 'tsconfig.json'), compilerOptions: { paths: {} } }),
      ],
      output: { dir, format: 'es', entryFileNames: '[name].d.ts' },
    },
  ]
}

export { root }
