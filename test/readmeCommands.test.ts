// Every command in a shell block of the READMEs and docs/*.md is run by the test suite, or is not there. The
// table below says, for each command, which test (or step of scripts/test-all.mjs, or CI) runs it; the tests
// check that every command a document shows has a row, that every row still matches a command, that the test
// it names exists, and that an `npm run` script runs what its row says.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { allCommands, commandsIn, root, type DocCommand } from './support/readmeCommands'

interface Row {
  /** The document(s) the command is in (a prefix of the path). */
  readonly in: string
  /** The command as shown (a string: exactly; a RegExp: any command it matches). */
  readonly command: string | RegExp
  /** The file that runs it, relative to the root. */
  readonly by: string
  /** A text of `by` that runs it: the test's title (quoted), or the line of test-all.mjs / .ci/run. */
  readonly where: string
  /** How the test's title names a row whose command is a pattern. */
  readonly name?: string
  /** For `npm run <script>`: what the script must end with (the part the test runs; it may first set up). */
  readonly script?: string
}

const PACKAGE_INSTALL =
  /^npm install (--save-dev )?\.\.\/imagekit-fp\/\.tmp\/packages\/imagekit-fp-[a-z]+\.tgz( \.\.\/imagekit-fp\/\.tmp\/packages\/imagekit-fp-[a-z]+\.tgz)* fp-ts io-ts$/

/** Where each command of the documents is run. */
export const ROWS: readonly Row[] = [
  {
    in: 'README.md',
    command: 'npm run sample',
    by: 'test/sample.test.ts',
    where: "'runs on its own stand-in and prints exactly this'",
    script: 'node sample/run.mjs',
  },
  { in: 'README.md', command: 'npm test', by: '.ci/run', where: 'npm test' },
  {
    in: 'README.md',
    command: 'npm run size',
    by: 'scripts/test-all.mjs',
    where: "checksFrom('size', 'scripts/size.mjs')",
    script: 'node scripts/size.mjs',
  },
  {
    in: 'README.md',
    command: 'npm run unit',
    by: 'scripts/test-all.mjs',
    where: "run('vitest', bin('vitest'), [\n  'run',",
    script: 'vitest run',
  },
  {
    in: 'README.md',
    command: 'npm run docs',
    by: 'scripts/test-all.mjs',
    where: "checksFrom('docs', 'scripts/docs.mjs')",
    script: 'node scripts/docs.mjs',
  },
  {
    in: 'README.md',
    command: 'npm run pack:check',
    by: 'scripts/test-all.mjs',
    where: "checksFrom('pack-check', 'scripts/pack-check.mjs')",
    script: 'node scripts/pack-check.mjs',
  },
  {
    in: '', // the root README and every package's
    command: 'npm run pack:local',
    by: 'test/packLocal.test.ts',
    where:
      "'npm run pack:local packs every published package into one folder, each tarball named without its version'",
    script: 'node scripts/pack-local.mjs',
  },
  {
    in: '',
    name: "each package's npm install line (from the packed tarballs)",
    command: PACKAGE_INSTALL,
    by: 'test/packLocal.test.ts',
    where: "'$file: the install line installs from the packed tarballs and imports'",
  },
  {
    in: 'README.md',
    command:
      'npx esbuild worker.ts --bundle --format=esm --platform=neutral --main-fields=module,main --conditions=workerd,worker,browser --outfile=dist/worker.js',
    by: 'test/runtimes/workerBundle.test.ts',
    where:
      '"bundles the README\'s Worker with its esbuild command, with no node: import, and its fetch handler uploads and reads the file back"',
  },
  {
    in: 'examples/browser-upload/README.md',
    command: 'npm run example:browser-upload',
    by: 'test/examples/readmeRuns.test.ts',
    where: "'npm run example:browser-upload: starts offline, serves the page, its config and one-time auth'",
    script: 'node examples/browser-upload/server.mjs',
  },
  {
    in: 'examples/browser-upload/README.md',
    command:
      'IMAGEKIT_PRIVATE_KEY=private_… IMAGEKIT_PUBLIC_KEY=public_… IMAGEKIT_URL_ENDPOINT=https://ik.imagekit.io/your_id npm run example:browser-upload',
    by: 'test/examples/readmeRuns.test.ts',
    where: "'with IMAGEKIT_* set, npm run example:browser-upload signs for that account'",
  },
  {
    in: 'examples/node-server/README.md',
    command: 'npm run example:node-server',
    by: 'test/examples/nodeServer.test.ts',
    where: "'starts offline, prints how to try it, signs, and sendWebhook.mjs gets a purge'",
    script: 'node examples/node-server/server.mjs',
  },
  {
    in: 'examples/node-server/README.md',
    command:
      'IMAGEKIT_PRIVATE_KEY=private_… IMAGEKIT_PUBLIC_KEY=public_… IMAGEKIT_URL_ENDPOINT=https://ik.imagekit.io/your_id IMAGEKIT_WEBHOOK_SECRET=whsec_… npm run example:node-server',
    by: 'test/examples/nodeServer.test.ts',
    where: "'with IMAGEKIT_* set signs for that account and purges through its API'",
  },
  {
    // "Try it": each curl and sendWebhook.mjs line, run as it is (on the port the server got), with its output
    in: 'examples/node-server/README.md',
    name: 'the node-server README\'s "Try it" lines',
    command:
      /^(curl -s |node examples\/node-server\/sendWebhook\.mjs )'?http:\/\/127\.0\.0\.1:3000\/(?!webhooks\/imagekit -H)/,
    by: 'test/examples/readmeRuns.test.ts',
    where: "'node-server README, line $line: $command'",
  },
  {
    // "Or with curl alone": the block run whole by bash
    in: 'examples/node-server/README.md',
    name: "the node-server README's curl-alone block",
    command:
      /^(secret|body|t|sig)=|^curl -s http:\/\/127\.0\.0\.1:3000\/webhooks\/imagekit -H "x-ik-signature/,
    by: 'test/examples/readmeRuns.test.ts',
    where: "'node-server README: the curl-alone block, run whole by bash, gets a purge'",
  },
]

const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
}

const matches = (row: Row, c: DocCommand): boolean =>
  c.file.startsWith(row.in) &&
  (typeof row.command === 'string' ? c.command === row.command : row.command.test(c.command))

/** The commands no row covers, as `file:line: command`. */
export const unrun = (commands: readonly DocCommand[], rows: readonly Row[]): string[] =>
  commands.filter((c) => !rows.some((r) => matches(r, c))).map((c) => `${c.file}:${c.line}: ${c.command}`)

const commands = allCommands()

describe('every command of the READMEs is run by the suite', () => {
  it('finds the shell blocks of the documents (README.md, packages/*, examples/*, docs/*.md)', () => {
    const files = [...new Set(commands.map((c) => c.file))]
    expect(files).toStrictEqual([
      'README.md',
      'packages/cli/README.md',
      'packages/media/README.md',
      'packages/testing/README.md',
      'packages/upload/README.md',
      'packages/url/README.md',
      'packages/utils/README.md',
      'examples/browser-upload/README.md',
      'examples/node-server/README.md',
    ])
  })

  it('every command has a row saying where it runs', () => {
    expect(unrun(commands, ROWS)).toStrictEqual([])
  })

  it('every row still matches a command of the documents', () => {
    expect(
      ROWS.filter((r) => !commands.some((c) => matches(r, c))).map((r) => String(r.command)),
    ).toStrictEqual([])
  })

  it.each(ROWS.map((r) => ({ ...r, label: r.name ?? String(r.command) })))('$label runs in $by', (row) => {
    expect(existsSync(path.join(root, row.by))).toBe(true)
    expect(readFileSync(path.join(root, row.by), 'utf8')).toContain(row.where)
  })

  it('each `npm run` command names a script of package.json, which runs what its row says', () => {
    const wrong = commands.flatMap((c) => {
      const name = /(?:^| )npm run (\S+)/.exec(c.command)?.[1]
      if (name === undefined) return []
      const script = packageJson.scripts[name]
      const row = ROWS.find((r) => matches(r, c))
      const expected = row?.script ?? ROWS.find((r) => r.command === `npm run ${name}`)?.script
      if (script === undefined) return [`${c.file}:${c.line}: no script ${name}`]
      if (expected === undefined || !script.endsWith(expected))
        return [`${c.file}:${c.line}: script ${name} is "${script}", not ending with "${String(expected)}"`]
      return []
    })
    expect(wrong).toStrictEqual([])
  })

  it("no document runs pnpm through npx: `npx -y pnpm@10 docs` is pnpm's own command, not the script", () => {
    expect(commands.filter((c) => /\bpnpm\b/.test(c.command)).map((c) => c.command)).toStrictEqual([])
  })

  it('a command nothing runs is reported with its place', () => {
    const markdown = [
      'Text.',
      '',
      '```sh',
      'npm run sample   # runs',
      '# some output',
      'npm run something-new',
      'FOO=1 \\',
      '  npm run sample',
      '```',
      '',
      '```ts',
      'npm run not-a-command-in-ts',
      '```',
    ].join('\n')
    const found = commandsIn('README.md', markdown)
    expect(found).toStrictEqual([
      { file: 'README.md', line: 4, command: 'npm run sample', output: ['some output'], block: 0 },
      { file: 'README.md', line: 6, command: 'npm run something-new', output: [], block: 0 },
      { file: 'README.md', line: 7, command: 'FOO=1 npm run sample', output: [], block: 0 },
    ])
    expect(unrun(found, ROWS)).toStrictEqual([
      'README.md:6: npm run something-new',
      'README.md:7: FOO=1 npm run sample',
    ])
  })
})
