import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { createImagekitStandIn } from '@imagekit-fp/testing/node'
import { run } from './test-support/run'

const standIn = createImagekitStandIn()
const server = await standIn.listen()
afterAll(() => server.close())
const env = { IMAGEKIT_PRIVATE_KEY: standIn.privateKey, IMAGEKIT_API_BASE_URL: server.url }

beforeEach(() => {
  standIn.reset()
  standIn.addFile({ fileName: 'a.jpg', folder: '/shop', tags: ['old'] })
  standIn.addFile({ fileName: 'b.jpg', folder: '/shop' })
  standIn.addFile({ fileName: 'c.jpg', folder: '/other', tags: ['old'] })
})

const tagsOf = () => standIn.files().map((f) => [f.filePath, f.tags])
const changes = () => standIn.requests().filter((r) => r.method !== 'GET')

describe('runCli tag, untag, rm, purge', () => {
  it('lists what it would do and changes nothing without --yes', async () => {
    expect(await run(['tag', 'new,sale', '/shop'], { env })).toStrictEqual({
      code: 0,
      stdout:
        'would tag\t/shop/a.jpg\nwould tag\t/shop/b.jpg\n' +
        'dry run: 2 files match, nothing was changed; run again with --yes to tag them\n',
      stderr: '',
    })
    expect(changes()).toStrictEqual([])
  })

  it.each([
    [
      ['rm', '/other'],
      'would delete\t/other/c.jpg\ndry run: 1 files match, nothing was changed; run again with --yes to delete them\n',
    ],
    [
      ['purge', '/', '--search', 'tags IN ["old"]'],
      'would purge\t/shop/a.jpg\nwould purge\t/other/c.jpg\ndry run: 2 files match, nothing was changed; run again with --yes to purge them\n',
    ],
  ])('dry-runs %j', async (argv, stdout) => {
    expect(await run(argv, { env })).toStrictEqual({ code: 0, stdout, stderr: '' })
    expect(changes()).toStrictEqual([])
  })

  it('tags every matching file with --yes, one plain line per file when not on a terminal', async () => {
    expect(await run(['tag', 'new', '/shop', '--yes'], { env })).toStrictEqual({
      code: 0,
      stdout: 'tagged\t/shop/a.jpg\ntagged\t/shop/b.jpg\ntagged 2 of 2 files\n',
      stderr: '',
    })
    expect(tagsOf()).toStrictEqual([
      ['/shop/a.jpg', ['old', 'new']],
      ['/shop/b.jpg', ['new']],
      ['/other/c.jpg', ['old']],
    ])
  })

  it('removes tags over a search with --yes', async () => {
    const r = await run(['untag', 'old', '/', '--search', 'tags IN ["old"]', '--yes'], { env })
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n').at(-2)).toBe('untagged 2 of 2 files')
    expect(tagsOf()).toStrictEqual([
      ['/shop/a.jpg', null],
      ['/shop/b.jpg', null],
      ['/other/c.jpg', null],
    ])
  })

  it('deletes with --yes', async () => {
    const r = await run(['rm', '/shop', '--yes'], { env })
    expect(r).toStrictEqual({
      code: 0,
      stdout: 'deleted\t/shop/a.jpg\ndeleted\t/shop/b.jpg\ndeleted 2 of 2 files\n',
      stderr: '',
    })
    expect(standIn.files().map((f) => f.filePath)).toStrictEqual(['/other/c.jpg'])
  })

  it('purges with --yes', async () => {
    const r = await run(['purge', '/shop', '--yes'], { env })
    expect(r).toStrictEqual({
      code: 0,
      stdout: 'purged\t/shop/a.jpg\npurged\t/shop/b.jpg\npurged 2 of 2 files\n',
      stderr: '',
    })
    expect(changes().map((c) => c.operation)).toStrictEqual(['purge-cache', 'purge-cache'])
  })

  it('exits 1 and lists the files that failed', async () => {
    standIn.inject({ operation: 'purge-cache', status: 500, times: Infinity })
    const r = await run(['purge', '/shop', '--yes', '--concurrency', '1'], { env: { ...env } })
    const line = (p: string) => `failed\t${p}\tHttpError 500: Injected fault: status 500.`
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(
      new RegExp(`^${line('/shop/a.jpg')}.*\\n${line('/shop/b.jpg')}.*\\npurged 0 of 2 files, 2 failed:\\n$`),
    )
    expect(r.stderr).toMatch(new RegExp(`^${line('/shop/a.jpg')}.*\\n${line('/shop/b.jpg')}.*\\n$`))
  })

  it('exits 2 when neither a folder nor --search is given', async () => {
    expect(await run(['rm', '--yes'], { env })).toStrictEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: give a folder or --search (a bulk command never acts on every file of the account unasked)\n',
    })
    expect(changes()).toStrictEqual([])
  })

  it.each(['tag', 'untag', 'rm', 'purge'])('answers %s --help', async (cmd) => {
    const r = await run([cmd, '--help'])
    expect(r.code).toBe(0)
    expect(r.stdout.split('\n')[0]).toBe(
      `Usage: imagekit-fp ${cmd} [options] ${cmd.endsWith('tag') ? '<tags> ' : ''}[folder]`,
    )
  })

  it('works on the seeded --stand-in', async () => {
    const r = await run(['--stand-in', 'tag', 'x', '/demo'])
    expect(r.stdout.split('\n').at(-2)).toBe(
      'dry run: 3 files match, nothing was changed; run again with --yes to tag them',
    )
  })
})
