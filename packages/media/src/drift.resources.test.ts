// Drift of the replies of custom metadata fields, saved extensions and named transformations: each class of
// change, read lax (a Right and drift reports) and strict (a DecodeError) through the transport
// (test-support/drift.ts).
import { describe } from 'vitest'
import {
  createCustomMetadataField,
  createNamedTransformation,
  createSavedExtension,
  getNamedTransformation,
  getSavedExtension,
  listCustomMetadataFields,
  listNamedTransformations,
  listSavedExtensions,
  updateCustomMetadataField,
  updateNamedTransformation,
  updateSavedExtension,
} from '@imagekit-fp/media'
import {
  GONE,
  edit,
  fault,
  idFaults,
  listFaults,
  read,
  resource,
  same,
  type DriftCase,
} from './test-support/drift'
import { EXTENSION, FIELD, NAMED } from './test-support/replies'

const API = 'https://api.imagekit.io'

describe('drift: custom metadata fields', () => {
  const TYPES = "'Text' | 'Textarea' | 'Number' | 'Date' | 'Boolean' | 'SingleSelect' | 'MultiSelect'"
  const SELECT = {
    id: '598821f949c0a938d57563de',
    name: 'size',
    label: 'Size',
    schema: { type: 'SingleSelect', selectOptions: ['small', 'large', 3, true], isValueRequired: false },
  }
  // prettier-ignore
  const rows = (codec: string): DriftCase[] => [
    same('a number field', FIELD),
    same('a select field', SELECT),
    same('a field added later', edit(FIELD, 'createdAt', '2026-01-01T00:00:00Z')),
    same('an unknown enum value', edit(FIELD, 'schema.type', 'Color'), ['schema.type', 'unknown-value', TYPES, 'Color']),
    read('an enum value in another case', edit(FIELD, 'schema.type', 'number'), FIELD, ['schema.type', 'coerced', TYPES, 'number']),
    read('null in an optional field', edit(FIELD, 'schema.minValue', null), edit(FIELD, 'schema.minValue', GONE), ['schema.minValue', 'null', 'string | number', null]),
    read('null in a documented field', edit(FIELD, 'schema', null), edit(FIELD, 'schema', GONE), ['schema', 'null', 'CustomMetadataFieldSchema', null]),
    read('a number sent as a string', edit(FIELD, 'schema.maxLength', '50'), edit(FIELD, 'schema.maxLength', 50), ['schema.maxLength', 'coerced', 'number', '50']),
    read('a boolean sent as a string', edit(SELECT, 'schema.isValueRequired', 'false'), SELECT, ['schema.isValueRequired', 'coerced', 'boolean', 'false']),
    read('a number where a string is expected', edit(FIELD, 'label', 5), edit(FIELD, 'label', '5'), ['label', 'coerced', 'string', 5]),
    read('an uncoercible value', edit(FIELD, 'schema.minValue', true), edit(FIELD, 'schema.minValue', GONE), ['schema.minValue', 'dropped', 'string | number', true]),
    read('an uncoercible list item', edit(SELECT, 'schema.selectOptions.1', {}), edit(SELECT, 'schema.selectOptions.1', GONE), ['schema.selectOptions[1]', 'dropped', 'string | number | boolean', {}]),
    read('a missing documented field', edit(FIELD, 'label', GONE), edit(FIELD, 'label', GONE), ['label', 'missing', 'string', undefined]),
    read('a missing documented enum', edit(FIELD, 'schema.type', GONE), edit(FIELD, 'schema.type', GONE), ['schema.type', 'missing', 'CustomMetadataFieldType', undefined]),
    read('id sent as a number', edit(FIELD, 'id', 42), edit(FIELD, 'id', '42'), ['id', 'coerced', 'string', 42]),
    ...idFaults(FIELD, codec),
  ]
  resource(
    {
      call: (c) => listCustomMetadataFields(c),
      operation: 'GET /v1/customMetadataFields',
      url: `${API}/v1/customMetadataFields`,
    },
    [
      {
        call: (c) =>
          createCustomMetadataField(c, { name: 'price', label: 'Price', schema: { type: 'Number' } }),
        operation: 'POST /v1/customMetadataFields',
        url: `${API}/v1/customMetadataFields`,
      },
      {
        call: (c) => updateCustomMetadataField(c, { id: FIELD.id, label: 'Price' }),
        operation: `PATCH /v1/customMetadataFields/${FIELD.id}`,
        url: `${API}/v1/customMetadataFields/${FIELD.id}`,
      },
    ],
    'CustomMetadataField',
    rows,
    listFaults(FIELD, 'CustomMetadataField'),
  )
})

describe('drift: saved extensions', () => {
  const CONFIGS =
    "'remove-bg' | 'google-auto-tagging' | 'aws-auto-tagging' | 'ai-auto-description' | 'ai-tasks'"
  const TASKS = "'select_tags' | 'select_metadata' | 'yes_no'"
  const AI = {
    id: 'ext_def456',
    name: 'Fashion',
    config: {
      name: 'ai-tasks',
      tasks: [{ type: 'select_tags', instruction: 'Clothing?', vocabulary: ['shirt'] }],
    },
  }
  const UPSCALE = { name: 'ai-upscale', scale: 2 }
  const DESCRIBE = { type: 'describe', instruction: 'Describe it' }
  const NO_NAME = { minConfidence: 80, maxTags: 10 }
  const BG = (shadow: unknown) =>
    edit(EXTENSION, 'config', { name: 'remove-bg', options: { add_shadow: shadow } })
  // prettier-ignore
  const rows = (codec: string): DriftCase[] => [
    same('an auto-tagging extension', EXTENSION),
    same('an AI tasks extension', AI),
    same('a field added later', edit(EXTENSION, 'usage', { count: 3 })),
    read('an unknown union variant', edit(EXTENSION, 'config', UPSCALE), edit(EXTENSION, 'config', { name: 'unknown', raw: UPSCALE }), ['config.name', 'unknown-variant', CONFIGS, 'ai-upscale']),
    read('an unknown union variant in a list', edit(AI, 'config.tasks.0', DESCRIBE), edit(AI, 'config.tasks.0', { type: 'unknown', raw: DESCRIBE }), ['config.tasks[0].type', 'unknown-variant', TASKS, 'describe']),
    read('null in an optional field', edit(EXTENSION, 'description', null), edit(EXTENSION, 'description', GONE), ['description', 'null', 'string', null]),
    read('a number sent as a string', edit(EXTENSION, 'config.minConfidence', '80'), EXTENSION, ['config.minConfidence', 'coerced', 'number', '80']),
    read('a boolean sent as a string', BG('true'), BG(true), ['config.options.add_shadow', 'coerced', 'boolean', 'true']),
    read('a number where a string is expected', edit(EXTENSION, 'description', 7), edit(EXTENSION, 'description', '7'), ['description', 'coerced', 'string', 7]),
    read('an uncoercible value', edit(EXTENSION, 'config.maxTags', 'ten'), edit(EXTENSION, 'config.maxTags', GONE), ['config.maxTags', 'dropped', 'number', 'ten']),
    read('a missing documented field', edit(EXTENSION, 'config.maxTags', GONE), edit(EXTENSION, 'config.maxTags', GONE), ['config.maxTags', 'missing', 'number', undefined]),
    fault('a config without its discriminant (a fault of the whole body)', edit(EXTENSION, 'config', NO_NAME), ['config.name', 'invalid', CONFIGS, undefined]),
    read('id sent as a number', edit(EXTENSION, 'id', 42), edit(EXTENSION, 'id', '42'), ['id', 'coerced', 'string', 42]),
    ...idFaults(EXTENSION, codec),
  ]
  resource(
    {
      call: (c) => listSavedExtensions(c),
      operation: 'GET /v1/saved-extensions',
      url: `${API}/v1/saved-extensions`,
    },
    [
      {
        call: (c) => getSavedExtension(c, { id: EXTENSION.id }),
        operation: `GET /v1/saved-extensions/${EXTENSION.id}`,
        url: `${API}/v1/saved-extensions/${EXTENSION.id}`,
      },
      {
        call: (c) =>
          createSavedExtension(c, {
            name: 'Alt',
            description: 'Alt text',
            config: { name: 'ai-auto-description' },
          }),
        operation: 'POST /v1/saved-extensions',
        url: `${API}/v1/saved-extensions`,
      },
      {
        call: (c) => updateSavedExtension(c, { id: EXTENSION.id, config: { name: 'ai-auto-description' } }),
        operation: `PATCH /v1/saved-extensions/${EXTENSION.id}`,
        url: `${API}/v1/saved-extensions/${EXTENSION.id}`,
      },
    ],
    'SavedExtension',
    rows,
    listFaults(EXTENSION, 'SavedExtension'),
  )
})

describe('drift: named transformations', () => {
  // prettier-ignore
  const rows = (codec: string): DriftCase[] => [
    same('a named transformation', NAMED),
    same('a field added later', edit(NAMED, 'updatedAt', '2026-01-01T00:00:00Z')),
    read('null in a documented field', edit(NAMED, 'createdAt', null), edit(NAMED, 'createdAt', GONE), ['createdAt', 'null', 'string', null]),
    read('a boolean sent as a string', edit(NAMED, 'enabled', 'false'), edit(NAMED, 'enabled', false), ['enabled', 'coerced', 'boolean', 'false']),
    read('a number where a string is expected', edit(NAMED, 'name', 5), edit(NAMED, 'name', '5'), ['name', 'coerced', 'string', 5]),
    read('an uncoercible value', edit(NAMED, 'enabled', 'yes'), edit(NAMED, 'enabled', GONE), ['enabled', 'dropped', 'boolean', 'yes']),
    read('a missing documented field', edit(NAMED, 'enabled', GONE), edit(NAMED, 'enabled', GONE), ['enabled', 'missing', 'boolean', undefined]),
    read('id sent as a number', edit(NAMED, 'id', 42), edit(NAMED, 'id', '42'), ['id', 'coerced', 'string', 42]),
    ...idFaults(NAMED, codec),
  ]
  resource(
    {
      call: (c) => listNamedTransformations(c),
      operation: 'GET /v1/named-transformations',
      url: `${API}/v1/named-transformations`,
    },
    [
      {
        call: (c) => getNamedTransformation(c, { id: NAMED.id }),
        operation: `GET /v1/named-transformations/${NAMED.id}`,
        url: `${API}/v1/named-transformations/${NAMED.id}`,
      },
      {
        call: (c) => createNamedTransformation(c, { name: 'small_thumbnail', transformation: 'w-150,h-150' }),
        operation: 'POST /v1/named-transformations',
        url: `${API}/v1/named-transformations`,
      },
      {
        call: (c) => updateNamedTransformation(c, { id: NAMED.id, enabled: false }),
        operation: `PATCH /v1/named-transformations/${NAMED.id}`,
        url: `${API}/v1/named-transformations/${NAMED.id}`,
      },
    ],
    'NamedTransformation',
    rows,
    listFaults(NAMED, 'NamedTransformation'),
  )
})
