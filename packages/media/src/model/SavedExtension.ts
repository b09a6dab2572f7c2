import type * as t from 'io-ts'
import {
  array,
  laxBoolean,
  laxNumber,
  laxScalar,
  laxScalarOrList,
  laxString,
  literal,
  struct,
  union,
} from '@imagekit-fp/utils/codec'

const AITaskAction = /*#__PURE__*/ struct('AITaskAction', {
  optional: {
    add_tags: /*#__PURE__*/ array(laxString),
    remove_tags: /*#__PURE__*/ array(laxString),
    set_metadata: /*#__PURE__*/ array(
      /*#__PURE__*/ struct('SetMetadata', { required: { field: laxString, value: laxScalarOrList } }),
    ),
    unset_metadata: /*#__PURE__*/ array(
      /*#__PURE__*/ struct('UnsetMetadata', { required: { field: laxString } }),
    ),
  },
})

const selections = { min_selections: laxNumber, max_selections: laxNumber }

const AITask = /*#__PURE__*/ union('AITask', 'type', {
  select_tags: /*#__PURE__*/ struct('SelectTagsTask', {
    identity: { type: /*#__PURE__*/ literal('select_tags') },
    required: { instruction: laxString },
    optional: { vocabulary: /*#__PURE__*/ array(laxString), ...selections },
  }),
  select_metadata: /*#__PURE__*/ struct('SelectMetadataTask', {
    identity: { type: /*#__PURE__*/ literal('select_metadata') },
    required: { instruction: laxString, field: laxString },
    optional: { vocabulary: /*#__PURE__*/ array(laxScalar), ...selections },
  }),
  yes_no: /*#__PURE__*/ struct('YesNoTask', {
    identity: { type: /*#__PURE__*/ literal('yes_no') },
    required: { instruction: laxString },
    optional: { on_yes: AITaskAction, on_no: AITaskAction, on_unknown: AITaskAction },
  }),
})

const autoTagging = <N extends string>(name: N) =>
  struct(name, {
    identity: { name: literal(name) },
    required: { minConfidence: laxNumber, maxTags: laxNumber },
  })

/**
 * One extension's configuration, as a saved extension holds it (the spec's `ExtensionConfig`): background
 * removal (`remove-bg`), auto tagging (`google-auto-tagging`, `aws-auto-tagging`), auto description
 * (`ai-auto-description`) or AI tasks (`ai-tasks`: `select_tags`, `select_metadata`, `yes_no`).
 *
 * @example
 * import { ExtensionConfig } from '@imagekit-fp/media'
 *
 * ExtensionConfig.is({ name: 'google-auto-tagging', minConfidence: 80, maxTags: 10 }) // true
 * @since 0.1.0
 * @category codecs
 */
export const ExtensionConfig = /*#__PURE__*/ union('ExtensionConfig', 'name', {
  'remove-bg': /*#__PURE__*/ struct('RemoveBgConfig', {
    identity: { name: /*#__PURE__*/ literal('remove-bg') },
    optional: {
      options: /*#__PURE__*/ struct('RemoveBgOptions', {
        optional: {
          add_shadow: laxBoolean,
          semitransparency: laxBoolean,
          bg_color: laxString,
          bg_image_url: laxString,
        },
      }),
    },
  }),
  'google-auto-tagging': /*#__PURE__*/ autoTagging('google-auto-tagging'),
  'aws-auto-tagging': /*#__PURE__*/ autoTagging('aws-auto-tagging'),
  'ai-auto-description': /*#__PURE__*/ struct('AutoDescriptionConfig', {
    identity: { name: /*#__PURE__*/ literal('ai-auto-description') },
  }),
  'ai-tasks': /*#__PURE__*/ struct('AITasksConfig', {
    identity: { name: /*#__PURE__*/ literal('ai-tasks') },
    required: { tasks: /*#__PURE__*/ array(AITask) },
  }),
})
/**
 * @since 0.1.0
 * @category model
 */
export type ExtensionConfig = t.TypeOf<typeof ExtensionConfig>

/**
 * A saved extension: an {@link ExtensionConfig} stored under an `id`, which upload and `updateFileDetails`
 * can name as `{ name: 'saved-extension', id }`. Every field is optional, as in the spec.
 *
 * @example
 * import { SavedExtension } from '@imagekit-fp/media'
 *
 * SavedExtension.is({ id: 'ext_abc123', name: 'Describe', config: { name: 'ai-auto-description' } }) // true
 * @since 0.1.0
 * @category codecs
 */
export const SavedExtension = /*#__PURE__*/ struct('SavedExtension', {
  identity: { id: laxString },
  optional: {
    name: laxString,
    description: laxString,
    config: ExtensionConfig,
    createdAt: laxString,
    updatedAt: laxString,
  },
})
/**
 * @since 0.1.0
 * @category model
 */
export type SavedExtension = t.TypeOf<typeof SavedExtension>
