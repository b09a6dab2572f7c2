import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { type Refusal, KEY, base, expectRefused, row, srv } from './test-support/uploadCases'
import { untouchable } from '../../../test/support/bounds'

describe('upload', () => {
  describe('validation of the upload options', () => {
    const cases: readonly Refusal[] = [
      srv(
        'useUniqueFileName is a string',
        { useUniqueFileName: 'false' },
        'request.useUniqueFileName',
        'must be a boolean',
      ),
      srv(
        'overwriteAITags is a number',
        { overwriteAITags: 0 },
        'request.overwriteAITags',
        'must be a boolean',
      ),
      srv('tags is a string', { tags: 'a,b' }, 'request.tags', 'must be an array'),
      srv('a tag is not a string', { tags: ['a', 1] }, 'request.tags[1]', 'must be a string'),
      srv(
        'a tag contains a comma',
        { tags: ['a', 'b,c'] },
        'request.tags[1]',
        'must not contain a comma or %',
      ),
      srv('a tag contains %', { tags: ['50%'] }, 'request.tags[0]', 'must not contain a comma or %'),
      srv('a tag is empty', { tags: [''] }, 'request.tags[0]', 'must not be empty'),
      srv('folder is not a string', { folder: ['/a'] }, 'request.folder', 'must be a string'),
      srv(
        'customCoordinates has three numbers',
        { customCoordinates: '1,2,3' },
        'request.customCoordinates',
        'must be "x,y,width,height"',
      ),
      srv(
        'a response field is unknown',
        { responseFields: ['tags', 'url'] },
        'request.responseFields[1]',
        "must be one of 'tags', 'customCoordinates', 'isPrivateFile', 'embeddedMetadata', 'isPublished', 'customMetadata', 'metadata', 'selectedFieldsSchema'",
      ),
      srv(
        'extensions is an object',
        { extensions: { name: 'remove-bg' } },
        'request.extensions',
        'must be an array',
      ),
      srv(
        'an extension name is unknown',
        { extensions: [{ name: 'blur' }] },
        'request.extensions[0].name',
        "must be one of 'remove-bg', 'google-auto-tagging', 'aws-auto-tagging', 'ai-auto-description', 'ai-tasks', 'saved-extension'",
      ),
      srv(
        'auto-tagging lacks both counts (minConfidence is checked first, as the API reference lists it)',
        { extensions: [{ name: 'aws-auto-tagging' }] },
        'request.extensions[0].minConfidence',
        'is required',
      ),
      srv(
        'auto-tagging lacks maxTags',
        { extensions: [{ name: 'aws-auto-tagging', minConfidence: 5 }] },
        'request.extensions[0].maxTags',
        'is required',
      ),
      srv(
        'auto-tagging confidence is above 100',
        { extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 101 }] },
        'request.extensions[0].minConfidence',
        'must be from 0 to 100',
      ),
      srv(
        'remove-bg has both backgrounds',
        {
          extensions: [{ name: 'remove-bg', options: { bg_color: 'red', bg_image_url: 'https://x/y.png' } }],
        },
        'request.extensions[0].options.bg_image_url',
        'must not be set together with bg_color',
      ),
      srv(
        'remove-bg add_shadow is a string',
        { extensions: [{ name: 'remove-bg', options: { add_shadow: 'yes' } }] },
        'request.extensions[0].options.add_shadow',
        'must be a boolean',
      ),
      srv(
        'ai-tasks has no tasks',
        { extensions: [{ name: 'ai-tasks', tasks: [] }] },
        'request.extensions[0].tasks',
        'must not be empty',
      ),
      srv(
        'an ai task has no instruction',
        { extensions: [{ name: 'ai-tasks', tasks: [{ type: 'yes_no' }] }] },
        'request.extensions[0].tasks[0].instruction',
        'is required',
      ),
      srv(
        'a select_metadata task has no field',
        { extensions: [{ name: 'ai-tasks', tasks: [{ type: 'select_metadata', instruction: 'x' }] }] },
        'request.extensions[0].tasks[0].field',
        'is required',
      ),
      srv(
        'a saved extension has no id',
        { extensions: [{ name: 'saved-extension' }] },
        'request.extensions[0].id',
        'is required',
      ),
      srv(
        'webhookUrl is relative',
        { webhookUrl: '/hook' },
        'request.webhookUrl',
        'must be an absolute http or https URL',
      ),
      srv(
        'customMetadata is an array',
        { customMetadata: ['a'] },
        'request.customMetadata',
        'must be an object',
      ),
      srv(
        'customMetadata holds a bigint',
        { customMetadata: { n: 1n } },
        'request.customMetadata.n',
        'must be JSON data: a string, a finite number, a boolean, null, an array or a plain object',
      ),
      srv(
        'transformation has neither pre nor post',
        { transformation: {} },
        'request.transformation',
        'must have pre, post or both',
      ),
      srv(
        'transformation has an unknown key',
        { transformation: { pre: 'w-1', mid: 'x' } },
        'request.transformation.mid',
        'is not a known key (allowed: pre, post)',
      ),
      srv(
        'pre is empty',
        { transformation: { pre: '' } },
        'request.transformation.pre',
        'must be a non-empty string',
      ),
      srv(
        'post is not an array',
        { transformation: { post: { type: 'thumbnail' } } },
        'request.transformation.post',
        'must be an array',
      ),
      srv(
        'a post step has an unknown type',
        { transformation: { post: [{ type: 'resize', value: 'w-1' }] } },
        'request.transformation.post[0].type',
        "must be one of 'transformation', 'gif-to-video', 'thumbnail', 'abs'",
      ),
      srv(
        'a transformation step has no value',
        { transformation: { post: [{ type: 'thumbnail' }, { type: 'transformation' }] } },
        'request.transformation.post[1].value',
        'is required',
      ),
      srv(
        'an abs step has no protocol',
        { transformation: { post: [{ type: 'abs', value: 'sr-240' }] } },
        'request.transformation.post[0].protocol',
        'is required',
      ),
      srv(
        'a thumbnail step has a protocol',
        { transformation: { post: [{ type: 'thumbnail', protocol: 'hls' }] } },
        'request.transformation.post[0].protocol',
        'is not a known key (allowed: type, value)',
      ),
      srv('checks is not a string', { checks: 1 }, 'request.checks', 'must be a string'),
      srv('description is not a string', { description: null }, 'request.description', 'must be a string'),
      srv(
        'an extension is not an object',
        { extensions: ['remove-bg'] },
        'request.extensions[0]',
        'must be an object',
      ),
      srv(
        'remove-bg options is an array',
        { extensions: [{ name: 'remove-bg', options: [] }] },
        'request.extensions[0].options',
        'must be an object',
      ),
      srv(
        'an ai task type is unknown',
        { extensions: [{ name: 'ai-tasks', tasks: [{ type: 'guess', instruction: 'x' }] }] },
        'request.extensions[0].tasks[0].type',
        "must be one of 'select_tags', 'select_metadata', 'yes_no'",
      ),
      srv(
        'an ai task instruction is too long',
        {
          extensions: [{ name: 'ai-tasks', tasks: [{ type: 'select_tags', instruction: 'x'.repeat(2001) }] }],
        },
        'request.extensions[0].tasks[0].instruction',
        'must be at most 2000 characters',
      ),
      srv(
        'ai-tasks has eleven tasks',
        {
          extensions: [
            {
              name: 'ai-tasks',
              tasks: Array.from({ length: 11 }, () => ({ type: 'select_tags', instruction: 'x' })),
            },
          ],
        },
        'request.extensions[0].tasks',
        'must have at most 10 items (it has 11)',
      ),
      srv(
        'a yes_no action sets metadata with an object',
        {
          extensions: [
            {
              name: 'ai-tasks',
              tasks: [{ type: 'yes_no', instruction: 'x', on_no: { set_metadata: { field: 'a' } } }],
            },
          ],
        },
        'request.extensions[0].tasks[0].on_no.set_metadata',
        'must be an array',
      ),
      srv(
        'a task has negative min_selections',
        {
          extensions: [
            { name: 'ai-tasks', tasks: [{ type: 'select_tags', instruction: 'x', min_selections: -1 }] },
          ],
        },
        'request.extensions[0].tasks[0].min_selections',
        'must be at least 0',
      ),
      srv(
        'a gif-to-video step has an empty value',
        { transformation: { post: [{ type: 'gif-to-video', value: '' }] } },
        'request.transformation.post[0].value',
        'must be a non-empty string',
      ),
      srv(
        'customMetadata cannot be turned into JSON',
        {
          customMetadata: {
            toJSON: () => {
              throw new Error('boom')
            },
          },
        },
        'request.customMetadata',
        'could not be read',
      ),
      srv(
        'a nested getter throws',
        {
          extensions: [
            {
              name: 'remove-bg',
              get options(): object {
                throw new Error('boom')
              },
            },
          ],
        },
        'request.extensions[0].options',
        'could not be read',
      ),
      srv(
        'a proxy hides the keys of transformation',
        {
          transformation: new Proxy(
            {},
            {
              ownKeys: () => {
                throw new Error('boom')
              },
            },
          ),
        },
        'request.transformation',
        'could not be read',
      ),
      row(
        'a getter throws',
        { privateKey: KEY },
        {
          ...base,
          get folder(): string {
            throw new Error('boom')
          },
        },
        'request.folder',
        'could not be read',
      ),
    ]
    it.each(cases)(
      'is a ValidationError when %s, before any request',
      async (_title, config, request, path, message) =>
        expectRefused(config, request, validationError(path, message)),
    )
  })
})

describe('upload: bounded input (nothing hangs or crashes)', () => {
  const tooMany = (max = 1000) => `must have at most ${max} items (it has 4294967295)`
  it.each([
    ['tags', (huge: unknown[]) => ({ tags: huge }), 'request.tags'],
    ['responseFields', (huge: unknown[]) => ({ responseFields: huge }), 'request.responseFields'],
    ['extensions', (huge: unknown[]) => ({ extensions: huge }), 'request.extensions'],
    [
      'transformation.post',
      (huge: unknown[]) => ({ transformation: { post: huge } }),
      'request.transformation.post',
    ],
    [
      'a customMetadata list',
      (huge: unknown[]) => ({ customMetadata: { colours: huge } }),
      'request.customMetadata.colours',
    ],
    [
      'an ai task vocabulary',
      (huge: unknown[]) => ({
        extensions: [
          { name: 'ai-tasks', tasks: [{ type: 'select_tags', instruction: 'x', vocabulary: huge }] },
        ],
      }),
      'request.extensions[0].tasks[0].vocabulary',
      30, // the reference's limit for a vocabulary
    ],
  ] as const)(
    'refuses a sparse array of length 2^32 - 1 as %s without reading an element',
    async (_title, fields, path, max?: number) => {
      const huge = untouchable<unknown>()
      await expectRefused(
        { privateKey: KEY },
        { ...base, ...fields(huge.array) },
        validationError(path, tooMany(max)),
      )
      expect(huge.touched()).toBe(0)
    },
  )

  it('refuses customMetadata nested deeper than 32 levels', async () => {
    let deep: unknown = 'x'
    for (let i = 0; i < 40; i++) deep = { a: deep }
    const path = 'request.customMetadata' + '.a'.repeat(32)
    await expectRefused(
      { privateKey: KEY },
      { ...base, customMetadata: deep },
      validationError(path, 'must be nested at most 32 levels deep'),
    )
  })
})
