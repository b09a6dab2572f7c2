import { describe, expectTypeOf, it } from 'vitest'
import type { RenameFolderOptions } from '../renameFolder'
import { nonEmptyString, prepare } from './validate'

describe('prepare', () => {
  it('types field keys against the input: a misspelt key does not compile', () => {
    const input: RenameFolderOptions = { folderPath: '/a', newFolderName: 'b' }
    prepare(input, (field) => {
      expectTypeOf(field('folderPath', nonEmptyString)).toEqualTypeOf<string>()
      // @ts-expect-error 'folderPth' is not a key of RenameFolderOptions
      return field('folderPth', nonEmptyString)
    })
  })
})
