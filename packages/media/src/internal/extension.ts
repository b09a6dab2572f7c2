// Checks an extension given to updateFileDetails (types: model/Extension.ts).
import { isObject, jsonCopy } from '@imagekit-fp/internal'
import type { Extension } from '../model/Extension'
import { array, integer, nonEmptyString, object, oneOf, optional, record, type Check } from './validate'

const NAMES = [
  'remove-bg',
  'google-auto-tagging',
  'aws-auto-tagging',
  'ai-auto-description',
  'ai-tasks',
  'saved-extension',
] as const

const task: Check<unknown> = object((field) => {
  const type = field('type', oneOf(['select_tags', 'select_metadata', 'yes_no']))
  field('instruction', nonEmptyString)
  if (type === 'select_metadata') field('field', nonEmptyString)
})

/**
 * One extension: its `name` is known and the fields that name requires are there (deeper fields are left to
 * ImageKit). A copy of it, each property read once (internal's `jsonCopy`), is checked and sent.
 */
export const extension: Check<Extension> = (u, path) => {
  const copy = isObject(u) ? jsonCopy(u, path) : u
  object((field) => {
    const name = field('name', oneOf(NAMES))
    if (name === 'remove-bg') field('options', optional(record))
    if (name === 'google-auto-tagging' || name === 'aws-auto-tagging') {
      field('minConfidence', integer(0, 100))
      field('maxTags', integer(1, Number.MAX_SAFE_INTEGER))
    }
    if (name === 'ai-tasks') field('tasks', array(task, 1, 10))
    if (name === 'saved-extension') field('id', nonEmptyString)
  })(copy, path)
  return copy as Extension
}
