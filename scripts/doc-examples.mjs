#!/usr/bin/env node
// Docs that cannot go stale: every ```ts block of every README (the root's, packages/*/README.md) and of
// docs/*.md, and every `@example` in the doc comments of packages/*/src, is compiled (strict) against the BUILT
// packages (what a user installs), and, where the example states an output, run with Node and compared.
// Each example is one check. Build first (scripts/test-all.mjs does).
//
// The convention (also in README.md, "Examples in the docs"):
//   - An output claim is a `//` comment right after an expression statement: on the same line, or on the lines
//     just below it (no blank line between; consecutive `//` lines are joined). It claims the statement's value,
//     or for `console.log(a)` the value of `a` (`console.log(a, b)`: the list `a, b`). A Promise is awaited.
//   - `// → <value>` is always a claim. Without the arrow, a comment is a claim when it is a JavaScript literal:
//     it starts with `{`, `[`, a quote, a digit, `-`, `true`, `false`, `null` or `undefined` and parses (other
//     comments are prose). A comment that starts with `{`, `[` or a quote but does not parse fails the check.
//   - The value is a JavaScript expression, compared deeply and exactly (same keys, same types); inside a string
//     `…` stands for any run of characters (a signature, a random token). After `→`, text that is not a
//     JavaScript expression is compared, as text, with the printed string (`String(value)`), `…` included.
//   - Every claim must be reached at least once when the example runs.
//   - An example with a claim runs as a whole, offline: `fetch` rejects, so an upload example states no output
//     unless it injects its own `fetch`. Examples without a claim are compiled only.
//   - An `@example` with no `import` of its own is compiled as if it began by importing every export of its
//     package (all entry points); README blocks import what they use.
//
// Usage: node scripts/doc-examples.mjs [--json <file>] [--only <substring of file:line>] [--list]
//        [--markdown <a.md,b.md>] [--work <dir>]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { createReport, parseArgs, root } from './lib/report.mjs'

const args = parseArgs()
const report = createReport('doc-examples', args)
const rel = (f) => path.relative(root, f).split(path.sep).join('/')
// --work <dir> (inside the repository, so that node_modules resolve) and --markdown <a.md,b.md> (check only these
// files, no READMEs or sources) are for the checker's own tests (test/docExamples.test.ts).
const work = args.work ? path.resolve(String(args.work)) : path.join(root, '.tmp', 'doc-examples')
const onlyMarkdown =
  typeof args.markdown === 'string' ? args.markdown.split(',').map((f) => path.resolve(f)) : null
fs.rmSync(work, { recursive: true, force: true })
fs.mkdirSync(path.join(work, 'src'), { recursive: true })

// ---------------------------------------------------------------- packages (built) and their entry points
const packages = fs
  .readdirSync(path.join(root, 'packages'))
  .map((d) => path.join(root, 'packages', d))
  .filter((d) => fs.existsSync(path.join(d, 'package.json')))
  .map((dir) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
    const entries = Object.keys(pkg.exports ?? { '.': 1 }).filter((k) => k !== './package.json')
    return { dir, name: pkg.name, specifiers: entries.map((e) => pkg.name + e.slice(1)) }
  })
// The examples resolve `@imagekit-fp/*` as a user's project does: node_modules/<name> -> the package folder
// (its package.json `exports`, its dist). fp-ts, io-ts and @types/node come from the root node_modules.
for (const p of packages) {
  const link = path.join(work, 'node_modules', ...p.name.split('/'))
  fs.mkdirSync(path.dirname(link), { recursive: true })
  fs.symlinkSync(p.dir, link, 'dir')
}
fs.writeFileSync(path.join(work, 'package.json'), '{ "type": "module", "private": true }\n')

// ---------------------------------------------------------------- collect the examples
/** @type {{ id: string, where: string, file: string, line: number, code: string, pkg?: typeof packages[number] }[]} */
const examples = []
const markdownFiles = (
  onlyMarkdown ?? [
    path.join(root, 'README.md'),
    ...packages.map((p) => path.join(p.dir, 'README.md')),
    ...(fs.existsSync(path.join(root, 'docs'))
      ? fs
          .readdirSync(path.join(root, 'docs'))
          .filter((f) => f.endsWith('.md'))
          .sort()
          .map((f) => path.join(root, 'docs', f))
      : []),
  ]
).filter((f) => fs.existsSync(f))
for (const file of markdownFiles) {
  const lines = fs.readFileSync(file, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|typescript)\s*$/.exec(lines[i])
    if (!open) continue
    const indent = open[1].length
    const start = i + 1
    let end = start
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end])) end++
    const code = lines
      .slice(start, end)
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join('\n')
    examples.push({ where: `${rel(file)}:${start + 1}`, file, line: start + 1, code })
    i = end
  }
}
const sourceFiles = (onlyMarkdown ? [] : packages).flatMap((p) =>
  fs.existsSync(path.join(p.dir, 'src'))
    ? fs
        .readdirSync(path.join(p.dir, 'src'), { recursive: true })
        .map((f) => path.join(p.dir, 'src', f))
        .filter(
          (f) =>
            f.endsWith('.ts') &&
            !/\.test(-d)?\.ts$/.test(f) &&
            !f.split(path.sep).includes('test-support') &&
            !f.endsWith('.d.ts'),
        )
        .sort()
        .map((f) => ({ f, p }))
    : [],
)
for (const { f, p } of sourceFiles) {
  const text = fs.readFileSync(f, 'utf8')
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const firstLine = text.slice(0, m.index).split('\n').length
    const lines = m[0]
      .replace(/^\/\*\*/, '')
      .replace(/\*\/$/, '')
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
    for (let i = 0; i < lines.length; i++) {
      const tag = /^\s*@example\b(.*)$/.exec(lines[i])
      if (!tag) continue
      const body = []
      if (tag[1].trim()) body.push(tag[1].trim())
      let j = i + 1
      while (j < lines.length && !/^\s*@\w+/.test(lines[j])) body.push(lines[j++])
      // A fenced example (```ts … ```) inside the doc comment is taken without its fences.
      const code = body
        .filter((l) => !/^\s*```/.test(l))
        .join('\n')
        .replace(/\s+$/, '')
      const line = firstLine + i + (tag[1].trim() ? 0 : 1)
      examples.push({ where: `${rel(f)}:${line}`, file: f, line, code, pkg: p })
      i = j - 1
    }
  }
}
examples.forEach((e, i) => (e.id = `example${String(i).padStart(3, '0')}`))
const selected = examples.filter((e) => !args.only || e.where.includes(String(args.only)))
if (args.list) {
  for (const e of selected) console.log(e.where)
  process.exit(0)
}

// ---------------------------------------------------------------- output claims
const LITERAL_START = /^(\{|\[|'|"|`|\d|-\d|true\b|false\b|null\b|undefined\b)/
/**
 * `…` outside a string literal (`{ id: 'e1', … }`, `[1, 2, …]`) means "and more": it becomes the name `__more__`
 * (the harness binds it to a marker). Inside a string, `…` is left for the harness's wildcard.
 */
const elide = (text) => {
  let out = ''
  let quote = null
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      out += ch
      if (ch === '\\') out += text[++i] ?? ''
      else if (ch === quote) quote = null
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch
      out += ch
    } else out += ch === '…' ? '__more__' : ch
  }
  return out
}
const parses = (text) => {
  try {
    new Function('__more__', `return (${elide(text)}\n)`)
    return true
  } catch {
    return false
  }
}
/**
 * The claims of one example: the statements followed by an output comment, with the expected value's source.
 * @returns {{ claims: { start: number, end: number, expr: string, expected: string, kind: 'value' | 'text', line: number }[], errors: string[] }}
 */
const findClaims = (code) => {
  const sf = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true)
  const claims = []
  const errors = []
  const lineOf = (pos) => sf.getLineAndCharacterOfPosition(pos).line
  const visit = (node) => {
    if (ts.isExpressionStatement(node)) {
      const comments = []
      const stmtLine = lineOf(node.getEnd())
      let expectLine = stmtLine
      // Same-line comments are "trailing" to TypeScript, the ones on the next lines "leading" (of what follows).
      const ranges = [
        ...(ts.getTrailingCommentRanges(code, node.getEnd()) ?? []),
        ...(ts.getLeadingCommentRanges(code, node.getEnd()) ?? []),
      ].filter((c, i, all) => all.findIndex((d) => d.pos === c.pos) === i)
      for (const c of ranges) {
        const l = lineOf(c.pos)
        if (c.kind !== ts.SyntaxKind.SingleLineCommentTrivia) break
        if (comments.length === 0 ? l > stmtLine + 1 : l !== expectLine + 1) break
        comments.push(code.slice(c.pos + 2, c.end).replace(/^ /, ''))
        expectLine = l
      }
      if (comments.length) {
        const joined = comments.join('\n').trim()
        let expected
        let kind = 'value'
        if (joined.startsWith('→')) {
          expected = joined.slice(1).trim()
          if (!parses(expected)) kind = 'text'
        } else if (LITERAL_START.test(joined)) {
          expected = joined
          // `202: queued` is prose; `{ _tag: 'Right', right: 1 ` (a typo in a claim) is an error.
          if (!parses(expected) && !/^[{['"`]/.test(joined)) expected = undefined
          else if (!parses(expected))
            errors.push(`line ${lineOf(node.getStart()) + 1}: the output comment does not parse: ${joined}`)
        }
        if (expected !== undefined) {
          let isLog = false
          let many = false
          const e = node.expression
          if (
            ts.isCallExpression(e) &&
            ts.isPropertyAccessExpression(e.expression) &&
            e.expression.expression.getText(sf) === 'console' &&
            e.expression.name.text === 'log' &&
            e.arguments.length > 0
          ) {
            isLog = true
            many = e.arguments.length > 1
          }
          const inner = !isLog
            ? node.expression.getText(sf)
            : `${many ? '[' : ''}${e.arguments.map((a) => a.getText(sf)).join(', ')}${many ? ']' : ''}`
          claims.push({
            start: node.expression.getStart(sf),
            end: node.expression.getEnd(),
            expr: inner,
            expected: many && kind === 'value' ? `[${expected}]` : expected,
            kind,
            line: lineOf(node.getStart()) + 1,
          })
        }
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return { claims, errors }
}

// ---------------------------------------------------------------- write the example files
const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  strict: true,
  esModuleInterop: true,
  skipLibCheck: true,
  types: ['node'],
  typeRoots: [path.join(root, 'node_modules', '@types')],
  outDir: path.join(work, 'out'),
  rootDir: path.join(work, 'src'),
  noEmitOnError: false,
}
const ambient = path.join(work, 'src', 'doc-check.d.ts')
fs.writeFileSync(
  ambient,
  '/** Records a value an example claims (scripts/doc-examples.mjs). */\n' +
    'declare function __docCheck<T>(id: number, value: T): T\n',
)

// Export names of every entry of every package (from the built declarations), for the @example prelude.
const exportsHost = ts.createCompilerHost(compilerOptions)
const stubFile = path.join(work, 'src', 'exports-stub.ts')
fs.writeFileSync(
  stubFile,
  packages
    .flatMap((p) => p.specifiers)
    .map((s, i) => `import * as m${i} from '${s}'\nexport { m${i} }`)
    .join('\n') + '\n',
)
const stubProgram = ts.createProgram([stubFile], compilerOptions, exportsHost)
const checker = stubProgram.getTypeChecker()
/** specifier -> export names */
const exportNames = {}
for (const imp of stubProgram.getSourceFile(stubFile).statements.filter(ts.isImportDeclaration)) {
  const spec = imp.moduleSpecifier.text
  const sym = checker.getSymbolAtLocation(imp.moduleSpecifier)
  exportNames[spec] = sym ? checker.getExportsOfModule(sym).map((s) => s.name) : []
}
fs.rmSync(stubFile)

/** Top-level names an example declares itself (a prelude import of the same name would clash). */
const declaredNames = (code) => {
  const sf = ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest, true)
  const names = new Set()
  const bind = (n) => {
    if (ts.isIdentifier(n)) names.add(n.text)
    else if (n && (ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)))
      n.elements.forEach((el) => el.name && bind(el.name))
  }
  for (const s of sf.statements) {
    if (ts.isVariableStatement(s)) s.declarationList.declarations.forEach((d) => bind(d.name))
    else if (
      (ts.isFunctionDeclaration(s) ||
        ts.isClassDeclaration(s) ||
        ts.isTypeAliasDeclaration(s) ||
        ts.isInterfaceDeclaration(s)) &&
      s.name
    )
      names.add(s.name.text)
  }
  return { names, hasImport: sf.statements.some((s) => ts.isImportDeclaration(s)) }
}

for (const e of selected) {
  const { claims, errors } = findClaims(e.code)
  e.claims = claims
  e.claimErrors = errors
  let prelude = ''
  if (e.pkg) {
    const { names, hasImport } = declaredNames(e.code)
    if (!hasImport) {
      const seen = new Set()
      prelude = e.pkg.specifiers
        .map((s) => {
          const pick = (exportNames[s] ?? []).filter((n) => !seen.has(n) && !names.has(n))
          pick.forEach((n) => seen.add(n))
          return pick.length ? `import { ${pick.join(', ')} } from '${s}';` : ''
        })
        .join(' ')
    }
  }
  // Claims are wrapped in place (`__docCheck(n, expr)`), on the same lines, so diagnostics keep their lines.
  let code = e.code
  for (const [n, c] of [...claims.entries()].reverse())
    code = `${code.slice(0, c.start)}__docCheck(${n}, (${c.expr}))${code.slice(c.end)}`
  e.prelude = prelude
  fs.writeFileSync(path.join(work, 'src', `${e.id}.ts`), `${prelude}\n${code}\n`)
}

// ---------------------------------------------------------------- compile
const host = ts.createCompilerHost(compilerOptions)
const program = ts.createProgram(
  [ambient, ...selected.map((e) => path.join(work, 'src', `${e.id}.ts`))],
  compilerOptions,
  host,
)
const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]
if (global.length)
  report.check(
    'doc-examples: compiler setup',
    false,
    global.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join(' | '),
  )
const toRun = []
for (const e of selected) {
  const sf = program.getSourceFile(path.join(work, 'src', `${e.id}.ts`))
  const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
  const messages = diags.map((d) => {
    const { line } = sf.getLineAndCharacterOfPosition(d.start ?? 0)
    // line 0 is the prelude; example line k (0-based) is file line k + 1
    const at = line === 0 ? `${e.where} (prelude)` : `${rel(e.file)}:${e.line + line - 1}`
    return `${at}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`
  })
  e.compileErrors = [...e.claimErrors, ...messages]
  if (e.compileErrors.length === 0 && e.claims.length > 0) toRun.push(e)
}
const emitted = program.emit()
if (emitted.emitSkipped) report.check('doc-examples: emit', false, 'TypeScript emitted nothing')

// ---------------------------------------------------------------- run the examples that state an output
const harness = path.join(work, 'harness.mjs')
fs.writeFileSync(
  harness,
  `// Runs one compiled example and compares what it produced with what its comments claim.
import { pathToFileURL } from 'node:url'
import fs from 'node:fs'
const [file, claimsFile] = process.argv.slice(2)
const claims = JSON.parse(fs.readFileSync(claimsFile, 'utf8'))
const seen = claims.map(() => [])
globalThis.__docCheck = (id, value) => (seen[id].push(value), value)
globalThis.fetch = async () => { throw new TypeError('doc examples run offline: inject a fetch') }
const quiet = () => {}
console.log = quiet; console.info = quiet; console.error = quiet; console.warn = quiet
const escape = (s) => s.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&')
const wildcard = (e, a) => new RegExp('^' + e.split('…').map(escape).join('[\\\\s\\\\S]*') + '$').test(a)
const MORE = Symbol('more')
const matches = (a, e) => {
  if (typeof e === 'string' && typeof a === 'string' && e.includes('…')) return wildcard(e, a)
  if (Array.isArray(e)) {
    if (!Array.isArray(a)) return false
    const open = e.length > 0 && e[e.length - 1] === MORE
    const head = open ? e.slice(0, -1) : e
    return (open ? a.length >= head.length : a.length === head.length) && head.every((x, i) => matches(a[i], x))
  }
  if (e !== null && typeof e === 'object') {
    if (a === null || typeof a !== 'object' || Array.isArray(a)) return false
    const open = e.__more__ === MORE
    const ke = Object.keys(e).filter((k) => !(open && k === '__more__')).sort()
    const ka = Object.keys(a).sort()
    if (!open && (ka.length !== ke.length || ka.some((k, i) => k !== ke[i]))) return false
    return ke.every((k) => k in a && matches(a[k], e[k]))
  }
  return Object.is(a, e)
}
const show = (v) => { try { return JSON.stringify(v, (k, x) => (x === undefined ? '<undefined>' : typeof x === 'function' ? '<function>' : x)) } catch { return String(v) } }
const out = []
try {
  await import(pathToFileURL(file).href)
} catch (e) {
  out.push('the example threw: ' + (e && e.stack ? e.stack.split('\\n').slice(0, 3).join(' ') : String(e)))
}
for (const [i, c] of claims.entries()) {
  if (seen[i].length === 0) { out.push('line ' + c.line + ': never reached (' + c.expr + ')'); continue }
  for (const raw of seen[i]) {
    const value = await raw
    if (c.kind === 'text') {
      const norm = (s) => String(s).replace(/\\s+/g, ' ').trim()
      if (!wildcard(norm(c.expected), norm(value))) out.push('line ' + c.line + ': printed ' + show(String(value)) + ', the comment says ' + show(c.expected))
    } else {
      let expected
      try { expected = new Function('__more__', 'return (' + c.expected + '\\n)')(MORE) } catch (e) { out.push('line ' + c.line + ': the claim does not evaluate: ' + e.message); continue }
      if (!matches(value, expected)) out.push('line ' + c.line + ': got ' + show(value) + ', the comment says ' + c.shown)
    }
  }
}
process.stdout.write(JSON.stringify(out) + '\\n')
process.exit(0)
`,
)
const runOne = (e) =>
  new Promise((resolve) => {
    const claimsFile = path.join(work, `${e.id}.claims.json`)
    fs.writeFileSync(
      claimsFile,
      JSON.stringify(
        e.claims.map(({ expr, expected, kind, line }) => ({
          expr,
          expected: kind === 'value' ? elide(expected) : expected,
          shown: expected,
          kind,
          line: e.line + line - 1,
        })),
      ),
    )
    const child = spawn(process.execPath, [harness, path.join(work, 'out', `${e.id}.js`), claimsFile], {
      cwd: work,
    })
    let stdout = ''
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (status) => {
      clearTimeout(timer)
      try {
        e.runErrors = JSON.parse(stdout.trim().split('\n').pop())
      } catch {
        e.runErrors = [`exit ${status}: ${(stderr + stdout).replace(/\s+/g, ' ').slice(0, 400)}`]
      }
      resolve()
    })
  })
const queue = [...toRun]
await Promise.all(
  [1, 2].map(async () => {
    while (queue.length) await runOne(queue.shift())
  }),
)

// ---------------------------------------------------------------- report
for (const e of selected) {
  const errors = [...e.compileErrors, ...(e.runErrors ?? [])]
  const what =
    e.claims.length === 0
      ? 'compiles'
      : `compiles, runs, ${e.claims.length} output${e.claims.length === 1 ? '' : 's'} as stated`
  report.check(e.where, errors.length === 0, errors.length ? errors.join(' | ') : what)
}
report.printChecks(220)
const failed = report.finish()
console.log(
  `${selected.length} examples (${selected.filter((e) => !e.pkg).length} in Markdown, ${selected.filter((e) => e.pkg).length} @example), ` +
    `${toRun.length} run; ${failed} failed`,
)
