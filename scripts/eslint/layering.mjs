// ESLint rules that keep the package layering true whatever the vitest/tsconfig aliases resolve (they map every
// `@imagekit-fp/*` name to its source, declared or not). Used by eslint.config.mjs; tested by test/layering.test.ts.
//
// - `imagekit-fp/layering`: which workspace packages each package may import (docs/DESIGN.md, Packages: arrows only point to
//   utils; url, upload and media never import each other; utils imports none of them; the private internal
//   package imports no other), and no relative import may leave its package.
// - `imagekit-fp/declared-imports`: every bare import of a package's source is declared in that package's
//   package.json (dependencies, peerDependencies, or devDependencies for what the build inlines); a test file
//   may also use the root devDependencies, but a workspace package only when its own package.json declares it.
import { readFileSync, existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Package folder → the workspace packages (by name, subpaths included) its source may import. */
export const ALLOWED = {
  internal: [],
  utils: ['@imagekit-fp/internal'],
  url: ['@imagekit-fp/internal', '@imagekit-fp/utils'],
  upload: ['@imagekit-fp/internal', '@imagekit-fp/utils'],
  media: ['@imagekit-fp/internal', '@imagekit-fp/utils'],
  testing: [
    '@imagekit-fp/internal',
    '@imagekit-fp/utils',
    '@imagekit-fp/url',
    '@imagekit-fp/upload',
    '@imagekit-fp/media',
  ],
  // The command is built from the public functions only (not the private internal package).
  cli: [
    '@imagekit-fp/utils',
    '@imagekit-fp/url',
    '@imagekit-fp/upload',
    '@imagekit-fp/media',
    '@imagekit-fp/testing',
  ],
}

const SCOPE = '@imagekit-fp/'
const builtins = new Set(builtinModules)

/** `packages/<dir>/…` → `<dir>`, else undefined. */
const packageOf = (file) => {
  const rel = path.relative(root, file).split(path.sep)
  return rel[0] === 'packages' && rel.length > 2 ? rel[1] : undefined
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageName = (source) => {
  const parts = source.split('/')
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

const manifests = new Map()
const manifest = (dir) => {
  if (!manifests.has(dir)) {
    const file = path.join(dir, 'package.json')
    manifests.set(dir, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {})
  }
  return manifests.get(dir)
}
const declared = (m) =>
  new Set([
    ...Object.keys(m.dependencies ?? {}),
    ...Object.keys(m.peerDependencies ?? {}),
    ...Object.keys(m.devDependencies ?? {}),
  ])

const isTest = (file) => /\.test(-d)?\.ts$|[\\/]test-support[\\/]/.test(file)

/** Calls `check(node, source)` for every static import, re-export and literal dynamic import. */
const visitImports = (check) => {
  const fromSource = (node) => {
    if (node.source && typeof node.source.value === 'string') check(node.source, node.source.value)
  }
  return {
    ImportDeclaration: fromSource,
    ExportNamedDeclaration: fromSource,
    ExportAllDeclaration: fromSource,
    ImportExpression: (node) => {
      if (node.source.type === 'Literal' && typeof node.source.value === 'string')
        check(node.source, node.source.value)
    },
  }
}

const layering = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Each package imports only the workspace packages its layer allows (docs/DESIGN.md, Packages).',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename
    const dir = packageOf(file)
    if (dir === undefined) return {}
    const own = manifest(path.join(root, 'packages', dir)).name
    const allowed = ALLOWED[dir]
    return visitImports((node, source) => {
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source)
        const into = packageOf(target)
        if (into === dir) return
        // Tests may share test support: the repository's test/, or the test-support/ of a package they may use.
        const support =
          isTest(file) &&
          (path.relative(root, target).startsWith('test' + path.sep) ||
            (into !== undefined &&
              target.includes(`${path.sep}test-support${path.sep}`) &&
              (allowed ?? []).includes(SCOPE + into)))
        if (!support)
          context.report({
            node,
            message: `'${source}' leaves packages/${dir}: import the package by its name.`,
          })
        return
      }
      if (!source.startsWith(SCOPE)) return
      const name = packageName(source)
      if (name === own) return
      if (allowed === undefined)
        context.report({
          node,
          message: `packages/${dir} is not in the layering table (scripts/eslint/layering.mjs).`,
        })
      else if (!allowed.includes(name))
        context.report({
          node,
          message: `packages/${dir} may not import ${name} (allowed: ${allowed.join(', ') || 'no workspace package'}).`,
        })
    })
  },
}

const declaredImports = {
  meta: {
    type: 'problem',
    docs: { description: "Every bare import is declared in the importing package's package.json." },
    schema: [],
  },
  create(context) {
    const file = context.filename
    const dir = packageOf(file)
    if (dir === undefined) return {}
    const own = manifest(path.join(root, 'packages', dir))
    const mine = declared(own)
    const test = isTest(file)
    const rootDeps = declared(manifest(root))
    return visitImports((node, source) => {
      if (source.startsWith('.') || source.startsWith('node:') || builtins.has(source)) return
      const name = packageName(source)
      if (name === own.name || mine.has(name)) return
      if (test && !name.startsWith(SCOPE) && rootDeps.has(name)) return
      context.report({
        node,
        message: `'${name}' is not declared in packages/${dir}/package.json${test ? ' (nor, for a test, in the root devDependencies)' : ''}: the aliases would resolve it in tests, the published package would not.`,
      })
    })
  },
}

export const plugin = { rules: { layering, 'declared-imports': declaredImports } }
