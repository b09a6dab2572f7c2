// File and folder names as ImageKit documents them: characters outside a documented set become `_` in the
// names it creates (upload `fileName`, rename `newFileName`, `folderName`, `newFolderName`). Folder paths
// have no documented replacement, so the two cases that would make one path mean another (`.` and `..`
// segments) and control characters are refused instead of stored.

/** Upload `fileName`, rename `newFileName`: all but letters, marks and digits of any script, `.`, `-`, `_` → `_`. */
export const fileNameOf = (name: string): string => name.replace(/[^\p{L}\p{M}\p{N}._-]/gu, '_')

/** `folderName`, `newFolderName`: all but letters, marks and digits of any script, `-` and `_` → `_`. */
export const folderNameOf = (name: string): string => name.replace(/[^\p{L}\p{M}\p{N}_-]/gu, '_')

/** `.` or `..`: a name that would denote its folder or the parent rather than a file. */
export const isDotName = (name: string): boolean => name === '.' || name === '..'

/** Whether a folder path holds a `.` or `..` segment or a control character (refused, never stored). */
export const isBadFolderPath = (path: string): boolean =>
  /\p{Cc}/u.test(path) || path.split('/').some(isDotName)
