// End to end, as a person sees it: the BUILT `imagekit-fp` in a real terminal (tmux), uploading ~300 files to a
// loopback stand-in that allows 20 uploads a second. The screen is captured twice to see the bar move, Ctrl-C is
// sent, and the command must stop cleanly and print how to resume; the resumed run (not on a terminal: plain
// lines) uploads the rest, every file exactly once. Captures are kept in .tmp/cli-e2e/ (the README's come from there).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { hasTmux, startSession } from './test-support/tmux'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const bin = path.join(root, 'packages/cli/dist/bin.js')
const built = existsSync(bin) && existsSync(path.join(root, 'packages/upload/dist/node.js'))
const captures = path.join(root, '.tmp', 'cli-e2e')

const FILES = 300
const dir = mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-e2e-'))
const cwd = mkdtempSync(path.join(os.tmpdir(), 'imagekit-fp-e2e-cwd-'))
for (let i = 0; i < FILES; i++) {
  const sub = path.join(dir, `batch-${Math.floor(i / 100)}`)
  mkdirSync(sub, { recursive: true })
  writeFileSync(
    path.join(sub, `photo-${String(i).padStart(3, '0')}.jpg`),
    new Uint8Array(2000 + i).fill(i % 251),
  )
}
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(cwd, { recursive: true, force: true })
})

/** `N/300 files` on the screen, or -1. */
const filesOn = (screen: string): number =>
  Number(new RegExp(`(\\d+)/${FILES} files`).exec(screen)?.[1] ?? -1)

/** Runs the built bin with pipes (not a terminal). */
const runPiped = (args: readonly string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })

describe.skipIf(!built || !hasTmux)(
  'imagekit-fp upload in a terminal (needs tmux and the built packages)',
  () => {
    it('moves the bar, stops cleanly on Ctrl-C with the resume line, and the resumed run finishes exactly once', async () => {
      const standIn = createImagekitStandIn({
        rateLimit: { requests: 20, windowMs: 1000, operations: ['upload-file'] },
      })
      const server = await standIn.listen()
      const env = { IMAGEKIT_PRIVATE_KEY: standIn.privateKey, IMAGEKIT_UPLOAD_BASE_URL: server.url }
      const session = startSession(
        `imagekit-fp-e2e-${process.pid}`,
        `cd ${cwd} && node ${bin} upload ${dir} --folder /e2e --concurrency 4; echo "EXIT=$?"; sleep 600`,
        env,
      )
      try {
        const first = await session.waitFor((s) => filesOn(s) > 0)
        const second = await session.waitFor((s) => filesOn(s) > filesOn(first))
        session.sendKeys('C-c')
        const end = await session.waitFor((s) => s.includes('EXIT='))
        mkdirSync(captures, { recursive: true })
        writeFileSync(path.join(captures, 'tty-1.txt'), first)
        writeFileSync(path.join(captures, 'tty-2.txt'), second)
        writeFileSync(path.join(captures, 'tty-interrupted.txt'), end)

        expect(filesOn(second)).toBeGreaterThan(filesOn(first))
        expect(second).toMatch(new RegExp(`\\[[#-]{20}\\]  \\d+/${FILES} files  [\\d.]+ kB/[\\d.]+ kB  `))
        expect(end).toContain('EXIT=130')
        const resume = /to resume: (imagekit-fp upload .*)$/m.exec(end)?.[1]
        const manifest = /--resume (\S+)$/.exec(resume ?? '')?.[1] ?? ''
        expect(resume).toBe(`imagekit-fp upload ${dir} --folder /e2e --resume ${manifest}`)
        expect(manifest).toMatch(new RegExp(`^${cwd}/imagekit-fp-upload-\\d{8}T\\d{6}-[0-9a-f]{8}\\.jsonl$`))
        const recorded = readFileSync(manifest, 'utf8')
          .trim()
          .split('\n')
          .filter((l) => l !== '')
        const storedBefore = standIn.files().length
        expect(recorded.length).toBeGreaterThan(0)
        expect(storedBefore).toBeLessThan(FILES)

        // The resumed run, piped: plain lines, one per file.
        const again = await runPiped(resume!.split(' ').slice(1), env)
        writeFileSync(
          path.join(captures, 'piped-resume.txt'),
          again.stdout.split('\n').slice(0, 6).join('\n') +
            '\n…\n' +
            again.stdout.split('\n').slice(-4).join('\n'),
        )
        expect(again.code).toBe(0)
        const lines = again.stdout.trim().split('\n')
        const skipped = lines.filter((l) => l.startsWith('skipped\t'))
        const uploaded = lines.filter((l) => l.startsWith('uploaded\t'))
        expect(skipped).toHaveLength(recorded.length)
        expect(uploaded.length + skipped.length).toBe(FILES)
        expect(lines.at(-1)).toMatch(
          new RegExp(
            `^uploaded ${uploaded.length} files \\(.*\\) in \\d+:\\d\\d, ${skipped.length} already uploaded$`,
          ),
        )
        const stored = standIn.files().map((f) => f.filePath)
        expect(new Set(stored).size).toBe(FILES)
        expect(stored).toHaveLength(FILES)
      } finally {
        session.kill()
        await server.close()
      }
    })
  },
)
