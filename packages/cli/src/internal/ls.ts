// `imagekit-fp ls <folder> [--search <query>] [--json]`
import { listAllFiles, type ListFilesOptions, type ListFilesResult } from '@imagekit-fp/media'
import { reportError, type Context } from './context'
import { EXIT, say } from './io'
import { formatBytes } from './progress'
import { need, type Settings } from './settings'

/** Options of `ls`, as commander parses them. */
export interface LsFlags {
  readonly search?: string
  readonly json?: boolean
}

/** The media config of a run (private key and API host). */
export const mediaConfig = (s: Settings) => ({
  privateKey: need(s, 'privateKey', 'the media API needs it'),
  ...(s.apiBaseUrl === undefined ? {} : { apiBaseUrl: s.apiBaseUrl }),
})

/** The query of `ls` (and of the bulk commands): a folder (with sub-folders when searching) and a search. */
export const listQuery = (folder: string | undefined, search: string | undefined): ListFilesOptions => ({
  ...(folder === undefined ? {} : { path: folder }),
  ...(search === undefined ? {} : { searchQuery: search }),
})

/** One listed item as a line: path, size, tags (tab-separated). */
export const itemLine = (item: ListFilesResult[number]): string => {
  const f = item as { filePath?: string; folderPath?: string; size?: number; tags?: readonly string[] | null }
  const path = f.filePath ?? (f.folderPath === undefined ? '?' : `${f.folderPath}/`)
  return [path, f.size === undefined ? '' : formatBytes(f.size), (f.tags ?? []).join(',')].join('\t')
}

/** Lists every file of `folder` (page by page, never all in memory): one line each, or one JSON object each. */
export const lsCommand = async (ctx: Context, folder: string, flags: LsFlags): Promise<number> => {
  const config = mediaConfig(ctx.settings)
  const query = { ...listQuery(folder, flags.search), ...(ctx.io.signal ? { signal: ctx.io.signal } : {}) }
  for await (const page of listAllFiles(config, query)) {
    if (page._tag === 'Left') return reportError(ctx.io, page.left)
    for (const item of page.right)
      say(ctx.io.stdout, flags.json === true ? JSON.stringify(item) : itemLine(item))
  }
  return EXIT.ok
}
