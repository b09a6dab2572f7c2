// Installing from a checkout, as the READMEs say: `npm run pack:local` (after its setup step, the script is
// `node scripts/pack-local.mjs`) packs every package into one folder; then each README's `npm install` line,
// taken from the README and run by bash as it is written, in an empty app beside the checkout, installs the
// package from the tarballs (npm's cache first for fp-ts, io-ts and their kind), and the package imports.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { allCommands, root } from './support/readmeCommands'

const built = ['utils', 'url', 'upload', 'media', 'testing'].every((p) =>
  existsSync(path.join(root, 'packages', p, 'dist', 'index.js')),
)

/** A temp folder holding `imagekit-fp/.tmp/packages/` (what the READMEs' `../imagekit-fp` points at) and apps. */
const tmp = mkdtempSync(path.join(tmpdir(), 'imagekit-fp-pack-local-'))
const packed = path.join(tmp, 'imagekit-fp', '.tmp', 'packages')
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** The distinct install lines of the documents (the root README repeats url's). */
const installLines = [
  ...new Map(
    allCommands()
      .filter((c) => /^npm install .*\.\.\/imagekit-fp\/\.tmp\/packages\//.test(c.command))
      .map((c) => [c.command, { file: c.file, command: c.command }]),
  ).values(),
]

/** One export per package, and what `typeof` says of it. */
const EXPORTS: Record<string, string> = {
  cli: 'runCli',
  utils: 'formatError',
  url: 'buildUrl',
  upload: 'upload',
  media: 'getFileDetails',
  testing: 'createImagekitStandIn',
}

const npmEnv = {
  ...process.env,
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error',
}

describe.skipIf(!built)('installing from a checkout (needs the built packages)', () => {
  it('npm run pack:local packs every published package into one folder, each tarball named without its version', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'pack-local.mjs'), '--out', packed], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(readdirSync(packed).sort()).toStrictEqual([
      'imagekit-fp-cli.tgz',
      'imagekit-fp-media.tgz',
      'imagekit-fp-testing.tgz',
      'imagekit-fp-upload.tgz',
      'imagekit-fp-url.tgz',
      'imagekit-fp-utils.tgz',
    ])
    const tgz = (name: string) => path.join(packed, `imagekit-fp-${name}.tgz`)
    expect(run.stdout.split('\n')).toStrictEqual([
      `Packed 6 packages into ${packed}. To install one in an app (from the app's folder):`,
      `  npm install ${['cli', 'media', 'utils', 'testing', 'upload', 'url'].map(tgz).join(' ')} fp-ts io-ts`,
      `  npm install ${tgz('media')} ${tgz('utils')} fp-ts io-ts`,
      `  npm install ${tgz('testing')} ${tgz('media')} ${tgz('utils')} fp-ts io-ts`,
      `  npm install ${tgz('upload')} ${tgz('utils')} fp-ts io-ts`,
      `  npm install ${tgz('url')} ${tgz('utils')} fp-ts io-ts`,
      `  npm install ${tgz('utils')} fp-ts io-ts`,
      '',
    ])
  }, 300_000)

  it('the READMEs show one install line per package', () => {
    expect(installLines.map((l) => /imagekit-fp-([a-z]+)\.tgz/.exec(l.command)?.[1]).sort()).toStrictEqual(
      Object.keys(EXPORTS).sort(),
    )
  })

  it.each(installLines)(
    '$file: the install line installs from the packed tarballs and imports',
    ({ command }) => {
      expect(existsSync(packed)).toBe(true) // packed by the first test
      const name = /imagekit-fp-([a-z]+)\.tgz/.exec(command)?.[1] ?? ''
      const app = path.join(tmp, `app-${name}`)
      mkdirSync(app)
      writeFileSync(
        path.join(app, 'package.json'),
        JSON.stringify({ name: `app-${name}`, private: true, type: 'module' }),
      )
      const install = spawnSync('bash', ['-c', command], { cwd: app, encoding: 'utf8', env: npmEnv })
      expect(install.stderr).toBe('')
      expect(install.status).toBe(0)
      // utils came from its tarball, not from the registry
      const utils = JSON.parse(
        readFileSync(path.join(app, 'node_modules', '@imagekit-fp', 'utils', 'package.json'), 'utf8'),
      ) as { version: string }
      const workspace = JSON.parse(
        readFileSync(path.join(root, 'packages', 'utils', 'package.json'), 'utf8'),
      ) as {
        version: string
      }
      expect(utils.version).toBe(workspace.version)
      const exported = EXPORTS[name] ?? ''
      const imported = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { ${exported} } from '@imagekit-fp/${name}'; console.log(typeof ${exported})`,
        ],
        { cwd: app, encoding: 'utf8' },
      )
      const required = spawnSync(
        process.execPath,
        ['-e', `console.log(typeof require('@imagekit-fp/${name}').${exported})`],
        { cwd: app, encoding: 'utf8' },
      )
      expect([imported.stdout, imported.stderr, required.stdout, required.stderr]).toStrictEqual([
        'function\n',
        '',
        'function\n',
        '',
      ])
    },
    300_000,
  )
})
