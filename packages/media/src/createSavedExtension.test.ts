import { describe, expect, it } from 'vitest'
import { createSavedExtension, updateSavedExtension } from '@imagekit-fp/media'
import { refuses, type Refused } from './test-support/refuses'
import { EXTENSION } from './test-support/replies'
import { json, KEY, stubFetch } from './test-support/stub'

const withConfig = (config: unknown) => ({ name: 'n', description: 'd', config })
const tasks = (...t: unknown[]) => withConfig({ name: 'ai-tasks', tasks: t })

describe('createSavedExtension', () => {
  it.each([
    [
      'remove-bg with every option',
      {
        name: 'remove-bg',
        options: { add_shadow: true, semitransparency: false, bg_image_url: 'https://example.com/bg.jpg' },
      },
    ],
    ['remove-bg without options', { name: 'remove-bg' }],
    ['aws-auto-tagging', { name: 'aws-auto-tagging', minConfidence: 0, maxTags: 0 }],
    ['ai-auto-description', { name: 'ai-auto-description' }],
    [
      'ai-tasks of every task type',
      {
        name: 'ai-tasks',
        tasks: [
          {
            type: 'select_tags',
            instruction: 'Which?',
            vocabulary: ['a', 'b'],
            min_selections: 1,
            max_selections: 1,
          },
          { type: 'select_metadata', instruction: 'Which?', field: 'color', vocabulary: [1, 'x', false] },
          {
            type: 'yes_no',
            instruction: 'Is it?',
            on_yes: { add_tags: ['y'], set_metadata: [{ field: 'f', value: ['a', 2] }] },
            on_no: { remove_tags: ['y'], unset_metadata: [{ field: 'f' }] },
            on_unknown: {},
          },
        ],
      },
    ],
  ])('sends %s as given', async (_, config) => {
    const stub = stubFetch(() => json(EXTENSION, 201))
    const result = await createSavedExtension(
      { privateKey: KEY, fetch: stub.fetch },
      withConfig(config) as never,
    )()
    expect(result).toStrictEqual({ _tag: 'Right', right: EXTENSION })
    expect(stub.calls.map((c) => [c.method, c.path, c.json])).toStrictEqual([
      ['POST', '/v1/saved-extensions', withConfig(config)],
    ])
  })

  const bad: readonly Refused[] = [
    ['no name', { description: 'd', config: { name: 'ai-auto-description' } }, 'input.name', 'is required'],
    [
      'an empty description',
      { ...withConfig({ name: 'ai-auto-description' }), description: '' },
      'input.description',
      'must not be empty',
    ],
    ['no config', { name: 'n', description: 'd' }, 'input.config', 'must be an object'],
    [
      'a saved-extension reference as the config',
      withConfig({ name: 'saved-extension', id: 'ext_1' }),
      'input.config.name',
      "must be one of 'remove-bg', 'google-auto-tagging', 'aws-auto-tagging', 'ai-auto-description', 'ai-tasks'",
    ],
    [
      'remove-bg with both a colour and an image',
      withConfig({ name: 'remove-bg', options: { bg_color: 'fff', bg_image_url: 'https://e.com/a.png' } }),
      'input.config.options.bg_image_url',
      'must not be set together with bg_color',
    ],
    [
      'remove-bg with a relative image URL',
      withConfig({ name: 'remove-bg', options: { bg_image_url: '/a.png' } }),
      'input.config.options.bg_image_url',
      'must be an absolute http or https URL',
    ],
    [
      'remove-bg with a string add_shadow',
      withConfig({ name: 'remove-bg', options: { add_shadow: 'yes' } }),
      'input.config.options.add_shadow',
      'must be a boolean',
    ],
    [
      'auto tagging without minConfidence',
      withConfig({ name: 'google-auto-tagging', maxTags: 5 }),
      'input.config.minConfidence',
      'is required',
    ],
    [
      'auto tagging with a confidence over 100',
      withConfig({ name: 'google-auto-tagging', minConfidence: 101, maxTags: 5 }),
      'input.config.minConfidence',
      'must be from 0 to 100',
    ],
    [
      'auto tagging with a negative tag count',
      withConfig({ name: 'aws-auto-tagging', minConfidence: 50, maxTags: -1 }),
      'input.config.maxTags',
      'must be at least 0',
    ],
    ['ai-tasks without tasks', withConfig({ name: 'ai-tasks' }), 'input.config.tasks', 'is required'],
    ['ai-tasks with no task', tasks(), 'input.config.tasks', 'must not be empty'],
    [
      'ai-tasks with 11 tasks',
      tasks(...Array.from({ length: 11 }, () => ({ type: 'yes_no', instruction: 'q' }))),
      'input.config.tasks',
      'must have at most 10 items (it has 11)',
    ],
    [
      'an unknown task type',
      tasks({ type: 'describe', instruction: 'q' }),
      'input.config.tasks[0].type',
      "must be one of 'select_tags', 'select_metadata', 'yes_no'",
    ],
    [
      'an empty instruction',
      tasks({ type: 'yes_no', instruction: '' }),
      'input.config.tasks[0].instruction',
      'must not be empty',
    ],
    [
      'an instruction over 2000 characters',
      tasks({ type: 'yes_no', instruction: 'x'.repeat(2001) }),
      'input.config.tasks[0].instruction',
      'must be at most 2000 characters',
    ],
    [
      'a vocabulary of 31 tags',
      tasks({
        type: 'select_tags',
        instruction: 'q',
        vocabulary: Array.from({ length: 31 }, (_, i) => `t${i}`),
      }),
      'input.config.tasks[0].vocabulary',
      'must have at most 30 items (it has 31)',
    ],
    [
      'a tag with %',
      tasks({ type: 'select_tags', instruction: 'q', vocabulary: ['50%'] }),
      'input.config.tasks[0].vocabulary[0]',
      'must not contain %',
    ],
    [
      'a vocabulary over 500 characters in all',
      tasks({
        type: 'select_tags',
        instruction: 'q',
        vocabulary: Array.from({ length: 6 }, () => 'x'.repeat(90)),
      }),
      'input.config.tasks[0].vocabulary',
      'must have at most 500 characters in all',
    ],
    [
      'min_selections above max_selections',
      tasks({ type: 'select_tags', instruction: 'q', min_selections: 3, max_selections: 2 }),
      'input.config.tasks[0].max_selections',
      'must not be less than min_selections',
    ],
    [
      'max_selections of 0',
      tasks({ type: 'select_metadata', instruction: 'q', field: 'f', max_selections: 0 }),
      'input.config.tasks[0].max_selections',
      'must be at least 1',
    ],
    [
      'select_metadata without a field',
      tasks({ type: 'select_metadata', instruction: 'q' }),
      'input.config.tasks[0].field',
      'is required',
    ],
    [
      'a yes_no action with an empty tag',
      tasks({ type: 'yes_no', instruction: 'q', on_yes: { add_tags: [''] } }),
      'input.config.tasks[0].on_yes.add_tags[0]',
      'must be a non-empty string',
    ],
    [
      'a set_metadata without a value',
      tasks({ type: 'yes_no', instruction: 'q', on_no: { set_metadata: [{ field: 'f' }] } }),
      'input.config.tasks[0].on_no.set_metadata[0].value',
      'is required',
    ],
    [
      'a set_metadata value that is an object',
      tasks({
        type: 'yes_no',
        instruction: 'q',
        on_unknown: { set_metadata: [{ field: 'f', value: [{}] }] },
      }),
      'input.config.tasks[0].on_unknown.set_metadata[0].value[0]',
      'must be a string, a finite number or a boolean',
    ],
  ]
  refuses(createSavedExtension, bad)
})

describe('updateSavedExtension', () => {
  refuses(updateSavedExtension, [
    ['nothing to update', { id: 'ext_1' }, 'input', 'must set at least one of name, description, config'],
    [
      'an id with a query',
      { id: 'a?b', name: 'x' },
      'input.id',
      'may only contain letters, digits and - . _ ~',
    ],
    [
      'a bad config',
      { id: 'ext_1', config: { name: 'ai-tasks', tasks: [] } },
      'input.config.tasks',
      'must not be empty',
    ],
  ])
})
