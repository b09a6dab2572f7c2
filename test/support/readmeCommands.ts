// The shell commands the project's documents show: every line of every ```sh / ```bash / ```shell / ```console
// block of README.md, packages/*/README.md, examples/*/README.md and docs/*.md. Used by the tests that prove
// each one is run by the suite (test/readmeCommands.test.ts) and by the tests that run them.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** One command as a document shows it; `output` is the comment lines right below it (`# …`, without `# `). */
export interface DocCommand {
  readonly file: string
  readonly line: number
  readonly command: string
  readonly output: readonly string[]
  /** Index of the block in its file (commands of one block share it). */
  readonly block: number
}

/** The documents whose shell blocks are checked, relative to the root. */
export const documents = (): string[] => {
  const inDir = (dir: string, pick: (name: string) => string | undefined): string[] =>
    existsSync(path.join(root, dir))
      ? readdirSync(path.join(root, dir))
          .sort()
          .map(pick)
          .filter((f): f is string => f !== undefined && existsSync(path.join(root, f)))
      : []
  return [
    'README.md',
    ...inDir('packages', (d) => `packages/${d}/README.md`),
    ...inDir('examples', (d) => `examples/${d}/README.md`),
    ...inDir('docs', (f) => (f.endsWith('.md') ? `docs/${f}` : undefined)),
  ]
}

const SHELL_FENCE = /^```(sh|bash|shell|console)\s*$/

/** A trailing ` # comment` outside quotes is dropped: `npm test   # runs it` -> `npm test`. */
const stripComment = (line: string): string => {
  let quote: string | undefined
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote !== undefined) {
      if (c === quote) quote = undefined
    } else if (c === "'" || c === '"') quote = c
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i).trimEnd()
  }
  return line.trimEnd()
}

/** Every command of the shell blocks of one markdown text (lines ending in `\` joined to the next). */
export const commandsIn = (file: string, markdown: string): DocCommand[] => {
  const found: { file: string; line: number; command: string; output: string[]; block: number }[] = []
  const lines = markdown.split('\n')
  let inShell = false
  let inOther = false
  let block = -1
  let pending: { line: number; text: string } | undefined
  lines.forEach((raw, i) => {
    if (!inShell && !inOther) {
      if (SHELL_FENCE.test(raw)) {
        inShell = true
        block++
      } else if (raw.startsWith('```')) inOther = true
      return
    }
    if (raw.startsWith('```')) {
      inShell = inOther = false
      pending = undefined
      return
    }
    if (inOther) return
    const last = found[found.length - 1]
    if (pending === undefined && /^\s*#/.test(raw)) {
      // A comment line right below a command is its stated output.
      if (last !== undefined && last.block === block && last.line + last.output.length === i)
        last.output.push(raw.replace(/^\s*# ?/, ''))
      return
    }
    const text = stripComment(raw)
    if (pending === undefined && text.trim() === '') return
    if (text.endsWith('\\')) {
      pending = { line: pending?.line ?? i + 1, text: `${pending?.text ?? ''}${text.slice(0, -1).trim()} ` }
      return
    }
    const command = `${pending?.text ?? ''}${text.trim()}`
    found.push({ file, line: pending?.line ?? i + 1, command, output: [], block })
    pending = undefined
  })
  return found
}

/** Every command of every checked document. */
export const allCommands = (): DocCommand[] =>
  documents().flatMap((f) => commandsIn(f, readFileSync(path.join(root, f), 'utf8')))
