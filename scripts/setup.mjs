// Installs everything the project needs on a fresh machine that has only Node (20.19+) and npm:
// pnpm 10 through npx, then the locked workspace dependencies (Deno, Bun and workerd for the runtime tests
// come from the npm registry with them). Idempotent and quick when already done.
//   --build     also build the packages (the sample runs the built dist), only those whose inputs changed since
//               their last build here: see scripts/lib/build-stamps.mjs
//   --browser   also install Debian's Chromium, Firefox ESR and WebKitGTK's WebDriver (with Xvfb) for the
//               browser tests (test/browser) when they are missing and this is a Debian-like machine where we
//               are root; otherwise say that those tests will skip
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { buildChanged } from './lib/build-stamps.mjs'

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

const frozen = process.env.CI ? ['--frozen-lockfile'] : ['--prefer-offline']
const result = pnpm(['install', ...frozen, '--reporter=append-only'])
if (result.status !== 0) {
  console.error('setup: pnpm install failed')
  process.exit(result.status ?? 1)
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
