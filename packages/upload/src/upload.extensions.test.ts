// The extension checks upload shares with the saved-extension functions (one check, ImageKit's API reference):
// task vocabularies, selections, yes_no actions, remove-bg's image URL and colour.
import { describe, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { type Refusal, expectRefused, srv } from './test-support/uploadCases'

const task = (t: object) => ({ extensions: [{ name: 'ai-tasks', tasks: [t] }] })
const tags = (vocabulary: unknown[]) => task({ type: 'select_tags', instruction: 'q', vocabulary })
const yesNo = (onYes: object) => task({ type: 'yes_no', instruction: 'q', on_yes: onYes })
const at = (rest: string) => `request.extensions[0]${rest}`
const SCALAR = 'must be a string, a finite number or a boolean'

describe('upload: the extension checks it shares with saved extensions', () => {
  const cases: readonly Refusal[] = [
    srv(
      'remove-bg has a relative bg_image_url',
      { extensions: [{ name: 'remove-bg', options: { bg_image_url: '/a.png' } }] },
      at('.options.bg_image_url'),
      'must be an absolute http or https URL',
    ),
    srv(
      'remove-bg has an empty bg_color',
      { extensions: [{ name: 'remove-bg', options: { bg_color: '' } }] },
      at('.options.bg_color'),
      'must not be empty',
    ),
    srv('a vocabulary is empty', tags([]), at('.tasks[0].vocabulary'), 'must not be empty'),
    srv(
      'a vocabulary has 31 tags',
      tags(Array.from({ length: 31 }, (_, i) => `t${i}`)),
      at('.tasks[0].vocabulary'),
      'must have at most 30 items (it has 31)',
    ),
    srv('a vocabulary tag has %', tags(['a', '50%']), at('.tasks[0].vocabulary[1]'), 'must not contain %'),
    srv('a vocabulary tag is empty', tags(['']), at('.tasks[0].vocabulary[0]'), 'must not be empty'),
    srv('a vocabulary tag is a number', tags([1]), at('.tasks[0].vocabulary[0]'), 'must be a string'),
    srv(
      'a vocabulary has over 500 characters in all',
      tags(Array.from({ length: 6 }, () => 'x'.repeat(90))),
      at('.tasks[0].vocabulary'),
      'must have at most 500 characters in all',
    ),
    srv(
      'a select_metadata vocabulary holds an object',
      task({ type: 'select_metadata', instruction: 'q', field: 'f', vocabulary: ['a', {}] }),
      at('.tasks[0].vocabulary[1]'),
      SCALAR,
    ),
    srv(
      'a select_metadata vocabulary has 31 values',
      task({ type: 'select_metadata', instruction: 'q', field: 'f', vocabulary: Array(31).fill(1) }),
      at('.tasks[0].vocabulary'),
      'must have at most 30 items (it has 31)',
    ),
    srv(
      'max_selections is 0',
      task({ type: 'select_metadata', instruction: 'q', field: 'f', max_selections: 0 }),
      at('.tasks[0].max_selections'),
      'must be at least 1',
    ),
    srv(
      'min_selections is above max_selections',
      task({ type: 'select_tags', instruction: 'q', min_selections: 3, max_selections: 2 }),
      at('.tasks[0].max_selections'),
      'must not be less than min_selections',
    ),
    srv(
      'a yes_no action adds an empty tag',
      yesNo({ add_tags: [''] }),
      at('.tasks[0].on_yes.add_tags[0]'),
      'must be a non-empty string',
    ),
    srv(
      'a yes_no action removes a number',
      yesNo({ remove_tags: [1] }),
      at('.tasks[0].on_yes.remove_tags[0]'),
      'must be a non-empty string',
    ),
    srv(
      'a set_metadata entry has no value',
      yesNo({ set_metadata: [{ field: 'f' }] }),
      at('.tasks[0].on_yes.set_metadata[0].value'),
      'is required',
    ),
    srv(
      'a set_metadata entry has a blank field',
      yesNo({ set_metadata: [{ field: ' ', value: 1 }] }),
      at('.tasks[0].on_yes.set_metadata[0].field'),
      'must be a non-empty string',
    ),
    srv(
      'a set_metadata value is an object',
      yesNo({ set_metadata: [{ field: 'f', value: { a: 1 } }] }),
      at('.tasks[0].on_yes.set_metadata[0].value'),
      SCALAR,
    ),
    srv(
      'a set_metadata list holds an object',
      yesNo({ set_metadata: [{ field: 'f', value: ['a', {}] }] }),
      at('.tasks[0].on_yes.set_metadata[0].value[1]'),
      SCALAR,
    ),
    srv(
      'an unset_metadata entry has no field',
      yesNo({ unset_metadata: [{}] }),
      at('.tasks[0].on_yes.unset_metadata[0].field'),
      'is required',
    ),
  ]
  it.each(cases)(
    'is a ValidationError when %s, before any request',
    async (_title, config, request, path, message) =>
      expectRefused(config, request, validationError(path, message)),
  )
})
