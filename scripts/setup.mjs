// Installs everything the project needs on a fresh machine that has only Node (20.19+) and npm:
// pnpm 10 through npx, then the locked workspace dependencies. Idempotent and quick when already done.
import { spawnSync } from 'node:child_process'

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
  const build = pnpm(['-r', '--filter', './packages/*', 'run', 'build'])
  if (build.status !== 0) {
    console.error('setup: build failed')
    process.exit(build.status ?? 1)
  }
}
