// The command line: commander parses, each action runs one command and hands back its exit code.
import { Command, InvalidArgumentError, Option } from 'commander'
import { authCommand } from './auth'
import { bulkCommand, type BulkKind } from './bulk'
import { withContext, type Context } from './context'
import type { CliIo } from './io'
import { lsCommand } from './ls'
import { ENV } from './settings'
import { uploadCommand } from './upload'
import { urlCommand } from './url'

/** A whole number in [min, max], for numeric flags. */
export const intIn =
  (min: number, max: number) =>
  (value: string): number => {
    const n = Number(value)
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`must be a whole number from ${min} to ${max}.`)
    return n
  }

const collect = (value: string, previous: readonly string[]): readonly string[] => [...previous, value]

const ENV_HELP = `
Environment (keys are read from here only, never from a flag, and never printed):
  ${ENV.privateKey}     private key (upload, ls, tag, untag, rm, purge, url --sign, auth)
  ${ENV.publicKey}      public key (printed by auth, for the browser)
  ${ENV.urlEndpoint}    URL endpoint, e.g. https://ik.imagekit.io/your_id (url)
  ${ENV.apiBaseUrl}    API host (default https://api.imagekit.io), e.g. a stand-in
  ${ENV.uploadBaseUrl} upload host (default https://upload.imagekit.io)

Exit codes: 0 all done, 1 some items failed (listed), 2 bad usage, 130 interrupted (Ctrl-C).`

/** Runs `fn` with the run's context (`--stand-in` is a global flag) and records its exit code. */
type Run = (cmd: Command, fn: (ctx: Context) => Promise<number>) => Promise<void>

/** Builds the program; `done` receives each action's exit code. */
export const buildProgram = (io: CliIo, done: (code: number) => void): Command => {
  const program = new Command('imagekit-fp')
    .description('Upload, list, tag, delete and purge ImageKit files; build and sign URLs.')
    .option('--stand-in', 'run against an in-process offline ImageKit seeded with a few files')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
      outputError: (s, write) => write(s),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', ENV_HELP)
  const run: Run = async (cmd, fn) => {
    done(await withContext(io, cmd.optsWithGlobals<{ standIn?: boolean }>().standIn === true, fn))
  }
  program
    .command('upload')
    .description('upload folders (mirrored under --folder) and files, with a progress bar; resumable')
    .argument(
      '<path...>',
      "folders and files on disk (a folder's a/b/c.jpg goes to <folder>/a/b/c.jpg, a file into <folder>)",
    )
    .requiredOption('--folder <folder>', 'the ImageKit folder to upload into, e.g. /backup')
    .addOption(concurrency())
    .option(
      '--resume <manifest>',
      'a manifest of an earlier run: skip what it lists unchanged, record the rest',
    )
    .option('--tags <tags>', 'comma-separated tags for every file')
    .option('--unique-names', "let ImageKit add a suffix to each name (default: keep the file's own name)")
    .action((paths: string[], flags, cmd: Command) => run(cmd, (ctx) => uploadCommand(ctx, paths, flags)))
  program
    .command('url')
    .description('print the URL of a path (or of a full URL under the endpoint), signed on request')
    .argument('<path>', 'file path, e.g. /demo/cat.jpg, or a full URL under IMAGEKIT_URL_ENDPOINT')
    .option(
      '--tr <transformation>',
      'a transformation step, e.g. w-300,h-200 (repeat for a chain)',
      collect,
      [],
    )
    .option('--query', 'put the transformation in the query (?tr=…) instead of the path')
    .option('--sign', 'sign the URL (needs IMAGEKIT_PRIVATE_KEY)')
    .option(
      '--expire <seconds>',
      'signed URL valid for this many seconds (implies --sign)',
      intIn(1, 10 ** 9),
    )
    .action((path: string, flags, cmd: Command) => run(cmd, (ctx) => urlCommand(ctx, path, flags)))
  program
    .command('auth')
    .description('print the token, expire and signature a client-side upload needs (JSON)')
    .addOption(
      new Option('--expire <seconds>', 'seconds until the signature expires')
        .argParser(intIn(1, 3600))
        .default(1800),
    )
    .option('--token <token>', 'the nonce to sign (default: a random UUID)')
    .action((flags, cmd: Command) => run(cmd, (ctx) => authCommand(ctx, flags)))
  program
    .command('ls')
    .description('list the files of a folder, one per line (path, size, tags), or as JSON lines')
    .argument('<folder>', 'folder, e.g. /demo (with its sub-folders when --search is given)')
    .option('--search <query>', 'ImageKit search query, e.g. \'tags IN ["sale"]\'')
    .option('--json', 'one JSON object per file (the API file object)')
    .action((folder: string, flags, cmd: Command) => run(cmd, (ctx) => lsCommand(ctx, folder, flags)))
  addBulkCommands(program, run)
  return program
}

const BULK: readonly (readonly [BulkKind, string, boolean])[] = [
  ['tag', 'add tags to every file a folder or search matches', true],
  ['untag', 'remove tags from every file a folder or search matches', true],
  ['rm', 'delete every file a folder or search matches', false],
  ['purge', 'purge the CDN cache of every file a folder or search matches', false],
]

/** tag, untag, rm, purge: a dry run unless `--yes`. */
const addBulkCommands = (program: Command, run: Run): void => {
  for (const [kind, description, withTags] of BULK) {
    const cmd = program.command(kind).description(`${description} (a dry run unless --yes)`)
    if (withTags) cmd.argument('<tags>', 'comma-separated tags, e.g. sale,new')
    cmd
      .argument('[folder]', 'folder, with its sub-folders when --search is given')
      .option('--search <query>', 'ImageKit search query, e.g. \'createdAt > "7d"\'')
      .option('--yes', 'do it (without it: list the files it would act on, change nothing)')
      .addOption(concurrency())
      .action((...args: unknown[]) => {
        const c = args.at(-1) as Command
        const flags = args.at(-2) as { search?: string; yes?: boolean; concurrency: number }
        const tags = withTags
          ? String(args[0])
              .split(',')
              .map((t) => t.trim())
              .filter((t) => t !== '')
          : []
        const folder = args[withTags ? 1 : 0] as string | undefined
        return run(c, (ctx) => bulkCommand(ctx, kind, tags, folder, flags))
      })
  }
}

/** `--concurrency <n>`: calls in flight at once. */
const concurrency = () =>
  new Option('--concurrency <n>', 'calls in flight at once, 1 to 64').argParser(intIn(1, 64)).default(4)
