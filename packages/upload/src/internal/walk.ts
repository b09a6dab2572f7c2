// Walks a folder lazily for `uploadDirectory`: one open directory handle per level of depth, never the whole tree
// in memory. Yields each regular file (and each symbolic link to one inside the root) with its relative path, and
// each entry it refuses, as it finds them, in the file system's order.
import { opendir, realpath, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import { validationError, type ValidationError } from '@imagekit-fp/utils'
import { codeOf } from './codeOf'

/** A file to upload (`real`: the path to open, symbolic links resolved) or an entry refused with its error. */
export type WalkEntry =
  | { readonly kind: 'file'; readonly path: string; readonly real: string; readonly size: number }
  | { readonly kind: 'refused'; readonly path: string; readonly error: ValidationError }

/**
 * Why a name read from a directory cannot become an ImageKit folder or file name, or `undefined`. A backslash is an
 * ordinary character on POSIX but a separator on Windows and to many tools: `..\..\x` must not reach ImageKit as a
 * name. Control characters (NUL included) are refused as ImageKit refuses them in folder paths. `.`, `..`, an empty
 * name and `/` cannot come from a directory listing; they are checked all the same.
 */
export const nameProblem = (name: string): string | undefined =>
  name === '' || name === '.' || name === '..' || name.includes('/')
    ? "is not a usable name ('', '.', '..' or with /)"
    : name.includes('\\')
      ? 'has a backslash in a name (a folder separator on Windows): refused'
      : /\p{Cc}/u.test(name)
        ? 'has a control character in a name: refused'
        : undefined

/** Whether `real` (a resolved path) is `root` or below it. */
const inside = (root: string, real: string): boolean =>
  real === root || real.startsWith(root.endsWith(sep) ? root : root + sep)

const refused = (path: string, message: string): WalkEntry => ({
  kind: 'refused',
  path,
  error: validationError(path, message),
})

/**
 * The entries below `root` (a resolved path: `realpath` of the caller's folder). `include` is asked about every
 * file and symbolic link by relative path (`a/b/c.jpg`); one that throws refuses that entry. Directories are
 * walked, symbolic links to directories are not (one inside `root` is walked at its real place; one outside is
 * refused), other entries (sockets, FIFOs, devices) are skipped. A directory that cannot be read is one refused
 * entry (its path ends with `/`). Never rejects.
 */
export async function* walk(
  root: string,
  include: (path: string) => boolean,
  at = root,
  prefix = '',
  problem?: string,
): AsyncGenerator<WalkEntry, void, undefined> {
  let dir
  try {
    dir = await opendir(at)
  } catch (e) {
    yield refused(`${prefix}/`, `cannot be read (${codeOf(e)})`)
    return
  }
  try {
    for await (const entry of dir) {
      const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`
      const bad = problem ?? nameProblem(entry.name)
      const full = join(at, entry.name)
      if (entry.isDirectory()) {
        yield* walk(root, include, full, path, bad)
        continue
      }
      if (!entry.isFile() && !entry.isSymbolicLink()) continue
      let wanted: boolean
      try {
        wanted = include(path) === true
      } catch {
        yield { kind: 'refused', path, error: validationError('options.filter', `threw for ${path}`) }
        continue
      }
      if (!wanted) continue
      const found = await resolve(root, full, entry.isSymbolicLink())
      if (typeof found === 'string') yield refused(path, found)
      else if (found === undefined) continue
      else if (bad !== undefined) yield refused(path, bad)
      else yield { kind: 'file', path, ...found }
    }
  } catch (e) {
    yield refused(`${prefix}/`, `cannot be read (${codeOf(e)})`)
  }
}

/**
 * The real path and size of a regular file, `undefined` for anything else, or why it is refused. Only a link needs
 * resolving: the walk never enters a linked directory, so below the resolved root every other path is real.
 */
const resolve = async (
  root: string,
  full: string,
  link: boolean,
): Promise<{ readonly real: string; readonly size: number } | string | undefined> => {
  let real = full
  if (link) {
    try {
      real = await realpath(full)
    } catch (e) {
      return `is a symbolic link that cannot be followed (${codeOf(e)})`
    }
    if (!inside(root, real)) return 'is a symbolic link to outside the folder: refused'
  }
  try {
    const info = await stat(real)
    return info.isFile() ? { real, size: info.size } : undefined
  } catch (e) {
    return `cannot be opened (${codeOf(e)})`
  }
}
