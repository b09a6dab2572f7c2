import { isObject, readProp } from '@imagekit-fp/internal'

/** The `code` of a file system error (`ENOENT`, `EACCES`), else its message: what a message names as the cause. */
export const codeOf = (e: unknown): string => {
  const code = isObject(e) ? readProp(e, 'code')?.value : undefined
  return typeof code === 'string' ? code : e instanceof Error ? e.message : 'unknown error'
}
