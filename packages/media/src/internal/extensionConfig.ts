// The check of an extension configuration (the spec's `ExtensionConfig`), shared by createSavedExtension
// and updateSavedExtension. It reads only the documented fields of each extension, so the body sent is
// exactly what was checked.
import type { ExtensionConfig } from '../model/SavedExtension'
import {
  array,
  boolean,
  defined,
  fail,
  httpUrl,
  integer,
  need,
  nonEmptyString,
  object,
  oneOf,
  optional,
  scalar,
  text,
  type Check,
  type Field,
} from './validate'

const NAMES = [
  'remove-bg',
  'google-auto-tagging',
  'aws-auto-tagging',
  'ai-auto-description',
  'ai-tasks',
] as const
const TASKS = ['select_tags', 'select_metadata', 'yes_no'] as const

/** `min_selections` ≤ `max_selections`, read from a task. */
const selections = (field: Field, path: string) => {
  const min = field('min_selections', optional(integer(0, Infinity)))
  const max = field('max_selections', optional(integer(1, Infinity)))
  if (min !== undefined && max !== undefined)
    need(min <= max, `${path}.max_selections`, 'must not be less than min_selections')
  return { min_selections: min, max_selections: max }
}

/** A select_tags vocabulary: 1 to 30 tags, together at most 500 characters, none with `%`. */
const vocabulary: Check<string[]> = (u, path) => {
  const words = array(text(1, Infinity, [/^[^%]*$/, 'must not contain %']), 1, 30)(u, path)
  need(words.join('').length <= 500, path, 'must have at most 500 characters in all')
  return words
}

const action = /*#__PURE__*/ object((field) =>
  defined({
    add_tags: field('add_tags', optional(array(nonEmptyString))),
    remove_tags: field('remove_tags', optional(array(nonEmptyString))),
    set_metadata: field(
      'set_metadata',
      optional(
        array(
          object((entry) => ({
            field: entry('field', nonEmptyString),
            value: entry('value', (u, path) => (Array.isArray(u) ? array(scalar)(u, path) : scalar(u, path))),
          })),
        ),
      ),
    ),
    unset_metadata: field(
      'unset_metadata',
      optional(array(object((entry) => ({ field: entry('field', nonEmptyString) })))),
    ),
  }),
)

const task = (u: unknown, path: string) =>
  object((field) => {
    const type = field('type', oneOf(TASKS))
    const instruction = field('instruction', text(1, 2000))
    switch (type) {
      case 'select_tags':
        return defined({
          type,
          instruction,
          vocabulary: field('vocabulary', optional(vocabulary)),
          ...selections(field, path),
        })
      case 'select_metadata':
        return defined({
          type,
          instruction,
          field: field('field', nonEmptyString),
          vocabulary: field('vocabulary', optional(array(scalar, 1, 30))),
          ...selections(field, path),
        })
      case 'yes_no':
        return defined({
          type,
          instruction,
          on_yes: field('on_yes', optional(action)),
          on_no: field('on_no', optional(action)),
          on_unknown: field('on_unknown', optional(action)),
        })
    }
  })(u, path)

/** An extension configuration: `name` picks which fields are read and how they are checked. */
export const extensionConfig: Check<ExtensionConfig> = (u, path) =>
  object((field) => {
    const name = field('name', oneOf(NAMES))
    switch (name) {
      case 'remove-bg': {
        const options = field(
          'options',
          optional(
            object((option) => {
              const chosen = defined({
                add_shadow: option('add_shadow', optional(boolean)),
                semitransparency: option('semitransparency', optional(boolean)),
                bg_color: option('bg_color', optional(nonEmptyString)),
                bg_image_url: option('bg_image_url', optional(httpUrl)),
              })
              if (chosen.bg_color !== undefined && chosen.bg_image_url !== undefined)
                fail(`${path}.options.bg_image_url`, 'must not be set together with bg_color')
              return chosen
            }),
          ),
        )
        return options === undefined ? { name } : { name, options }
      }
      case 'google-auto-tagging':
      case 'aws-auto-tagging':
        return {
          name,
          minConfidence: field('minConfidence', integer(0, 100)),
          maxTags: field('maxTags', integer(1, Infinity)),
        }
      case 'ai-auto-description':
        return { name }
      case 'ai-tasks':
        return { name, tasks: field('tasks', array(task, 1, 10)) }
    }
  })(u, path) as ExtensionConfig // the checks above are the codec's shape, with `undefined`s left out
