// Installs everything the project needs on a fresh machine that has only Node (20.19+) and npm:
// pnpm 10 through npx, then the locked workspace dependencies (Deno, Bun and workerd for the runtime tests
// come from the npm registry with them). Idempotent and quick when already done.
//   --build     also build the packages (the sample runs the built dist), only those whose inputs changed since
//               their last build here: see scripts/lib/build-stamps.mjs
//   --browser   also install Debian's Chromium, Firefox ESR and WebKitGTK's WebDriver (with Xvfb) for the
//               browser tests (test/browser) when they are missing and this is a Debian-like machine where we
//               are root; otherwise say that those tests will skip
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildChanged } from './lib/build-stamps.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`imagekit-fp needs Node 20.19 or newer (found ${process.versions.node}).`)
  process.exit(1)
}

export const pnpm = (args, options = {}) =>
  spawnSync('npx', ['-y', 'pnpm@10', ...args], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  })

/**
 * True when the last `pnpm install` here installed this very lockfile and no manifest changed since: then a
 * repeat install would do nothing but still cost seconds (npx, then pnpm's own checks). CI always installs.
 */
const installed = () => {
  const state = path.join(root, 'node_modules', '.pnpm-workspace-state-v1.json')
  const lock = path.join(root, 'node_modules', '.pnpm', 'lock.yaml')
  if (process.env.CI || !existsSync(state) || !existsSync(lock)) return false
  if (!readFileSync(lock).equals(readFileSync(path.join(root, 'pnpm-lock.yaml')))) return false
  const manifests = ['package.json', 'pnpm-workspace.yaml'].concat(
    ['packages', 'examples'].flatMap((dir) =>
      readdirSync(path.join(root, dir)).map((d) => path.join(dir, d, 'package.json')),
    ),
    ['sample/package.json'],
  )
  const since = statSync(state).mtimeMs
  return manifests.every(
    (f) => !existsSync(path.join(root, f)) || statSync(path.join(root, f)).mtimeMs <= since,
  )
}

if (installed()) console.log('setup: dependencies already installed from this pnpm-lock.yaml')
else {
  const frozen = process.env.CI ? ['--frozen-lockfile'] : ['--prefer-offline']
  const result = pnpm(['install', ...frozen, '--reporter=append-only'], { cwd: root })
  if (result.status !== 0) {
    console.error('setup: pnpm install failed')
    process.exit(result.status ?? 1)
  }
}

if (process.argv.includes('--build')) {
  if (!(await buildChanged())) {
    console.error('setup: build failed')
    process.exit(1)
  }
}

if (process.argv.includes('--browser')) {
  // Debian packages of the browsers the browser suite drives, by the binary each provides.
  const browsers = [
    ['chromium', '/usr/bin/chromium'],
    ['firefox-esr', '/usr/bin/firefox-esr'],
    ['webkit2gtk-driver', '/usr/bin/WebKitWebDriver'],
    ['xvfb', '/usr/bin/Xvfb'], // WebKitGTK's MiniBrowser needs a display
  ]
  const apt = (args) =>
    spawnSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0
  const missing = () => browsers.filter(([, bin]) => !existsSync(bin)).map(([pkg]) => pkg)
  if (missing().length > 0) {
    if (process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
      console.log(`setup: installing Debian's ${missing().join(', ')} for the browser tests`)
      const install = ['install', '-y', '--no-install-recommends', ...missing()]
      if (!apt(install)) {
        apt(['update'])
        apt(['install', '-y', '--no-install-recommends', ...missing()])
      }
    }
    if (missing().length > 0)
      console.log(
        `setup: ${missing().join(', ')} missing: the browser tests that need them (test/browser) will be skipped`,
      )
  }
}
