import { describe, expect, it } from 'vitest'
import { validationError } from '@imagekit-fp/utils'
import { buildTransformationString } from './buildTransformationString'
import { left, right } from '@imagekit-fp/internal'
import type { Transformation } from './model/Transformation'

// A step as a JavaScript caller may write it: keys outside the (closed) type still pass through at run time.
const js = (step: object) => step as Transformation

const ok = (steps: readonly Transformation[], expected: string) => () =>
  expect(buildTransformationString(steps)).toStrictEqual(right(expected))

const bad = (steps: readonly unknown[], path: string, message: string) => () =>
  expect(buildTransformationString(steps as readonly Transformation[])).toStrictEqual(
    left(validationError(path, message)),
  )

describe('buildTransformationString', () => {
  describe('classic README cases', () => {
    it('joins params with "," in key order', ok([{ height: '300', width: '400' }], 'h-300,w-400'))
    it('chains steps with ":"', ok([{ height: '300', width: '400' }, { rotation: 90 }], 'h-300,w-400:rt-90'))
    it(
      'maps the classic effect names and "-"',
      ok(
        [{ format: 'jpg', progressive: 'true', effectSharpen: '-', effectContrast: '1' }],
        'f-jpg,pr-true,e-sharpen,e-contrast-1',
      ),
    )
  })

  // One case per map entry (key → code).
  const mapCases: readonly (readonly [string, unknown, string])[] = [
    ['width', 300, 'w-300'],
    ['height', '200', 'h-200'],
    ['aspectRatio', '4-3', 'ar-4-3'],
    ['background', 'F3F3F3', 'bg-F3F3F3'],
    ['border', '5_FFF000', 'b-5_FFF000'],
    ['crop', 'at_max', 'c-at_max'],
    ['cropMode', 'pad_resize', 'cm-pad_resize'],
    ['dpr', 'auto', 'dpr-auto'],
    ['focus', 'face', 'fo-face'],
    ['quality', 80, 'q-80'],
    ['x', 10, 'x-10'],
    ['xCenter', 10, 'xc-10'],
    ['y', 20, 'y-20'],
    ['yCenter', 20, 'yc-20'],
    ['format', 'webp', 'f-webp'],
    ['videoCodec', 'h264', 'vc-h264'],
    ['audioCodec', 'aac', 'ac-aac'],
    ['radius', 'max', 'r-max'],
    ['rotation', 90, 'rt-90'],
    ['rotate', 91, 'rt-91'],
    ['blur', 10, 'bl-10'],
    ['named', 'thumb', 'n-thumb'],
    ['defaultImage', '/folder/default.jpg/', 'di-folder@@default.jpg'],
    ['flip', 'h_v', 'fl-h_v'],
    ['original', true, 'orig-true'],
    ['startOffset', 5, 'so-5'],
    ['endOffset', 10.5, 'eo-10.5'],
    ['duration', '8', 'du-8'],
    ['streamingResolutions', ['240', 360, '480'], 'sr-240_360_480'],
    ['grayscale', true, 'e-grayscale'],
    ['aiUpscale', true, 'e-upscale'],
    ['aiRetouch', 'true', 'e-retouch'],
    ['aiVariation', '-', 'e-genvar'],
    ['aiDropShadow', 'az-45', 'e-dropshadow-az-45'],
    ['aiChangeBackground', 'prompt-snow', 'e-changebg-prompt-snow'],
    ['aiEdit', 'prompt-hat', 'e-edit-prompt-hat'],
    ['aiRemoveBackground', true, 'e-bgremove'],
    ['aiRemoveBackgroundExternal', true, 'e-removedotbg'],
    ['contrastStretch', true, 'e-contrast'],
    ['shadow', 'bl-15', 'e-shadow-bl-15'],
    ['sharpen', 10, 'e-sharpen-10'],
    ['unsharpMask', '2-2-0.8-0.024', 'e-usm-2-2-0.8-0.024'],
    ['gradient', 'ld-top', 'e-gradient-ld-top'],
    ['colorReplace', 'FF0000_20', 'cr-FF0000_20'],
    ['distort', 'a-45', 'e-distort-a-45'],
    ['colorize', 'co-red', 'e-colorize-co-red'],
    ['progressive', true, 'pr-true'],
    ['lossless', false, 'lo-false'],
    ['colorProfile', true, 'cp-true'],
    ['metadata', 'false', 'md-false'],
    ['density', 300, 'dn-300'],
    ['opacity', 50, 'o-50'],
    ['trim', 5, 't-5'],
    ['zoom', 0.5, 'z-0.5'],
    ['page', 2, 'pg-2'],
    ['layerMode', 'multiply', 'lm-multiply'],
    ['fontSize', 20, 'fs-20'],
    ['fontFamily', 'Roboto', 'ff-Roboto'],
    ['fontColor', 'FF0000', 'co-FF0000'],
    ['innerAlignment', 'left', 'ia-left'],
    ['padding', '10_20', 'pa-10_20'],
    ['alpha', 5, 'al-5'],
    ['typography', 'b_i', 'tg-b_i'],
    ['lineHeight', 20, 'lh-20'],
    ['fontOutline', '2_blue', 'fol-2_blue'],
    ['fontShadow', 'blue_2', 'fsh-blue_2'],
    ['color', 'yellow', 'co-yellow'],
    ['effectSharpen', 5, 'e-sharpen-5'],
    ['effectUSM', '2-2-0.8-0.024', 'e-usm-2-2-0.8-0.024'],
    ['effectContrast', '-', 'e-contrast'],
    ['effectGray', true, 'e-grayscale'],
    ['effectShadow', '-', 'e-shadow'],
    ['effectGradient', true, 'e-gradient'],
    ['raw', 'l-text,i-Hi,l-end', 'l-text,i-Hi,l-end'],
  ]
  describe('map', () => {
    it.each(mapCases)('maps %s: %j', (key, value, expected) => ok([{ [key]: value }], expected)())
  })

  const twinCases: readonly (readonly [string, unknown, string])[] = [
    ['aspect_ratio', '4-3', 'ar-4-3'],
    ['effect_sharpen', '-', 'e-sharpen'],
    ['effect_usm', '-', 'e-usm'],
    ['effect_contrast', '1', 'e-contrast-1'],
    ['effect_gray', '-', 'e-grayscale'],
    ['effect_shadow', '-', 'e-shadow'],
    ['effect_gradient', '-', 'e-gradient'],
    ['crop_mode', 'extract', 'cm-extract'],
    ['default_image', 'a/b.jpg', 'di-a@@b.jpg'],
    ['color_profile', true, 'cp-true'],
    ['x_center', 3, 'xc-3'],
    ['ai_remove_background', true, 'e-bgremove'],
    ['streaming_resolutions', ['240', '360'], 'sr-240_360'],
    ['WIDTH', 1, 'w-1'],
    ['Height', 2, 'h-2'],
    ['rndm_trnsf', 'abcd', 'rndm_trnsf-abcd'],
    ['myKey', 'v', 'myKey-v'],
    ['constructor', 1, 'constructor-1'],
    ['toString', 1, 'toString-1'],
  ]
  describe('key lookup', () => {
    it.each(twinCases)('maps %s: %j', (key, value, expected) => ok([{ [key]: value }], expected)())
  })

  const ruleCases: readonly (readonly [string, readonly Transformation[], string])[] = [
    ['drops null and undefined params', [{ width: null, height: undefined, quality: 5 }], 'q-5'],
    ['drops empty keys', [js({ '': 'x', width: 1 })], 'w-1'],
    ['drops empty steps', [{}, { width: 1 }, {}, { height: 2 }], 'w-1:h-2'],
    ['drops null steps', [null as unknown as Transformation, { width: 1 }], 'w-1'],
    ['emits the bare code for "-" on any key', [js({ width: '-', rndm: '-' })], 'w,rndm'],
    [
      'emits the bare flag code for true, "true" and "-"',
      [{ grayscale: true }, { grayscale: 'true' }, { grayscale: '-' }],
      'e-grayscale:e-grayscale:e-grayscale',
    ],
    [
      'emits nothing for a false, "false" or "" flag',
      [{ grayscale: false, aiUpscale: 'false', aiRetouch: '', width: 1 }],
      'w-1',
    ],
    [
      'emits code-value for any other flag value',
      [{ contrastStretch: '1', effectGray: 2 } as unknown as Transformation],
      'e-contrast-1,e-grayscale-2',
    ],
    [
      'emits the bare optional-value code for true, "true", "" and "-"',
      [{ sharpen: true, shadow: 'true', gradient: '', unsharpMask: '-', aiDropShadow: ' ' }],
      'e-sharpen,e-shadow,e-gradient,e-usm,e-dropshadow',
    ],
    [
      'emits nothing for a false or "false" optional-value effect',
      [{ sharpen: false, shadow: 'false', width: 1 }],
      'w-1',
    ],
    ['emits code-value for a number on an optional-value effect', [{ sharpen: 0 }], 'e-sharpen-0'],
    ['appends raw verbatim', [{ width: 1, raw: 'h-2,l-text,i-a b,l-end' }], 'w-1,h-2,l-text,i-a b,l-end'],
    ['drops an empty raw', [{ raw: '', width: 1 }], 'w-1'],
    ['strips one slash each side of defaultImage', [{ defaultImage: '//a/b//' }], 'di-@@a@@b@@'],
    ['rewrites fontFamily paths', [{ fontFamily: '/fonts/my font.ttf' }], 'ff-fonts@@my font.ttf'],
    ['prints t-true for trim "" and true', [{ trim: '' }, { trim: true }], 't-true:t-true'],
    ['prints numbers with String', [{ width: 0, height: -1.5, quality: 1e21 }], 'w-0,h--1.5,q-1e+21'],
    ['prints bigints', [{ width: 10n } as unknown as Transformation], 'w-10'],
    ['prints true on non-flag keys', [{ progressive: true }, { progressive: 'true' }], 'pr-true:pr-true'],
    ['prints false on non-flag keys', [{ height: false } as unknown as Transformation], 'h-false'],
    ['prints an empty string as code-', [{ width: '' }], 'w-'],
    ['joins a streamingResolutions array with _', [{ streamingResolutions: ['240', '360'] }], 'sr-240_360'],
    ['passes a streamingResolutions string through', [{ streamingResolutions: '240_360' }], 'sr-240_360'],
    ['keeps insertion order', [js({ b: 1, a: 2, width: 3 })], 'b-1,a-2,w-3'],
    ['does not URL-encode plain values', [{ named: 'a b,c' }], 'n-a b,c'],
  ]
  describe('rules', () => {
    it.each(ruleCases)('%s', (_, steps, expected) => ok(steps, expected)())
  })

  const overlayCases: readonly (readonly [string, Transformation['overlay'], string])[] = [
    ['a plain text', { type: 'text', text: 'Hello World' }, 'l-text,i-Hello%20World,l-end'],
    [
      'a unicode text as base64',
      { type: 'text', text: 'हिन्दी' },
      'l-text,ie-4KS54KS%2F4KSo4KWN4KSm4KWA,l-end',
    ],
    ['a text with a comma as base64', { type: 'text', text: 'a,b' }, 'l-text,ie-YSxi,l-end'],
    ['a text forced plain', { type: 'text', text: 'a,b&c', encoding: 'plain' }, 'l-text,i-a%2Cb%26c,l-end'],
    ['a text forced base64', { type: 'text', text: 'Hi', encoding: 'base64' }, 'l-text,ie-SGk%3D,l-end'],
    ['an emoji text', { type: 'text', text: '😀' }, 'l-text,ie-8J%2BYgA%3D%3D,l-end'],
    ['an image path', { type: 'image', input: '/folder/logo.png' }, 'l-image,i-folder@@logo.png,l-end'],
    [
      'an image path with one slash stripped each side',
      { type: 'image', input: '//a.png//' },
      'l-image,i-@@a.png@@,l-end',
    ],
    [
      'an image URL as base64',
      { type: 'image', input: 'https://x.io/a.png' },
      'l-image,ie-aHR0cHM6Ly94LmlvL2EucG5n,l-end',
    ],
    [
      'an image forced plain',
      { type: 'image', input: 'a/b c?.png', encoding: 'plain' },
      'l-image,i-a@@b c?.png,l-end',
    ],
    [
      'an image forced base64',
      { type: 'image', input: '/a/b.png', encoding: 'base64' },
      'l-image,ie-YS9iLnBuZw%3D%3D,l-end',
    ],
    ['a video', { type: 'video', input: 'clip.mp4', encoding: 'auto' }, 'l-video,i-clip.mp4,l-end'],
    ['a subtitle', { type: 'subtitle', input: '/subs/en.srt' }, 'l-subtitles,i-subs@@en.srt,l-end'],
    ['a subtitles alias', { type: 'subtitles', input: 'en.srt' }, 'l-subtitles,i-en.srt,l-end'],
    ['a solid colour', { type: 'solidColor', color: 'FF0000' }, 'l-image,i-ik_canvas,bg-FF0000,l-end'],
    [
      'a layer mode',
      { type: 'image', input: 'a.png', layerMode: 'multiply' },
      'l-image,i-a.png,lm-multiply,l-end',
    ],
    [
      'every position field in J5 order',
      {
        type: 'image',
        input: 'a.png',
        position: { focus: 'top', anchorPoint: 'center', yCenter: 4, xCenter: 3, y: 2, x: 1 },
      },
      'l-image,i-a.png,lx-1,ly-2,lxc-3,lyc-4,lap-center,lfo-top,l-end',
    ],
    [
      'x and y of 0',
      { type: 'image', input: 'a.png', position: { x: 0, y: 0 } },
      'l-image,i-a.png,lx-0,ly-0,l-end',
    ],
    [
      'absent position fields',
      { type: 'image', input: 'a.png', position: { x: null, y: '', xCenter: undefined } },
      'l-image,i-a.png,l-end',
    ],
    [
      'expression positions',
      { type: 'image', input: 'a.png', position: { x: 'bw_mul_0.5', y: 'N10' } },
      'l-image,i-a.png,lx-bw_mul_0.5,ly-N10,l-end',
    ],
    [
      'timing',
      { type: 'video', input: 'v.mp4', timing: { duration: 3, end: 8, start: 5 } },
      'l-video,i-v.mp4,lso-5,leo-8,ldu-3,l-end',
    ],
    [
      'a nested chained transformation',
      { type: 'image', input: 'a.png', transformation: [{ width: 100, grayscale: true }, { rotation: 90 }] },
      'l-image,i-a.png,w-100,e-grayscale:rt-90,l-end',
    ],
    [
      'an empty nested transformation',
      { type: 'image', input: 'a.png', transformation: [{}] },
      'l-image,i-a.png,l-end',
    ],
    [
      'a subtitle style with color → co',
      {
        type: 'subtitle',
        input: 'en.srt',
        transformation: [{ color: 'red', fontOutline: '2_blue', fontShadow: 'blue_2', typography: 'b' }],
      },
      'l-subtitles,i-en.srt,co-red,fol-2_blue,fsh-blue_2,tg-b,l-end',
    ],
    [
      'a text style',
      {
        type: 'text',
        text: 'Hi',
        transformation: [
          {
            fontSize: 20,
            fontFamily: 'a/b',
            fontColor: 'FFF',
            innerAlignment: 'left',
            padding: 5,
            alpha: 3,
            lineHeight: 2,
            background: 'red',
          },
        ],
      },
      'l-text,i-Hi,fs-20,ff-a@@b,co-FFF,ia-left,pa-5,al-3,lh-2,bg-red,l-end',
    ],
    [
      'a nested overlay',
      {
        type: 'image',
        input: 'a.png',
        transformation: [{ width: 50, overlay: { type: 'text', text: 'Hi', position: { x: 5 } } }],
      },
      'l-image,i-a.png,w-50,l-text,i-Hi,lx-5,l-end,l-end',
    ],
  ]
  describe('overlays', () => {
    it.each(overlayCases)('emits %s', (_, overlay, expected) => ok([{ overlay }], expected)())
    it(
      'keeps the other params of the step in order',
      ok(
        [{ width: 300, overlay: { type: 'text', text: 'Hi' }, height: 200 }],
        'w-300,l-text,i-Hi,l-end,h-200',
      ),
    )
  })

  describe('errors', () => {
    it(
      'is a Left for an empty result',
      bad([{}, { width: null }], 'transformation', 'produces an empty string'),
    )
    it('is a Left for no steps', bad([], 'transformation', 'produces an empty string'))
    it('is a Left when the input is not an array', () =>
      expect(buildTransformationString({ width: 1 } as unknown as readonly Transformation[])).toStrictEqual(
        left(validationError('transformation', 'must be an array')),
      ))
    it(
      'is a Left for a step that is not a plain object',
      bad([{ width: 1 }, 'w-1'], 'transformation[1]', 'must be a plain object'),
    )
    it('is a Left for an array step', bad([[1]], 'transformation[0]', 'must be a plain object'))
    it(
      'is a Left for a class instance step',
      bad([new Date(0)], 'transformation[0]', 'must be a plain object'),
    )
    it(
      'is a Left for a symbol value',
      bad([{ width: Symbol('w') }], 'transformation[0].width', 'must be a string, number or boolean'),
    )
    it(
      'is a Left for a function value',
      bad([{ width: () => 1 }], 'transformation[0].width', 'must be a string, number or boolean'),
    )
    it(
      'is a Left for an object value',
      bad(
        [{ height: 1 }, { width: { a: 1 } }],
        'transformation[1].width',
        'must be a string, number or boolean',
      ),
    )
    it(
      'is a Left for an array value on a key that takes none',
      bad([{ width: [1, 2] }], 'transformation[0].width', 'must be a string, number or boolean'),
    )
    it(
      'is a Left for a bad streamingResolutions entry',
      bad(
        [{ streamingResolutions: ['240', {}] }],
        'transformation[0].streamingResolutions[1]',
        'must be a string, number or boolean',
      ),
    )
    it(
      'is a Left for an object raw',
      bad([{ raw: {} }], 'transformation[0].raw', 'must be a string, number or boolean'),
    )
    it(
      'is a Left for a scalar overlay',
      bad([{ overlay: 'l-text' }], 'transformation[0].overlay', 'must be a plain object'),
    )
    it(
      'is a Left for an overlay without a type',
      bad(
        [{ overlay: { text: 'a' } }],
        'transformation[0].overlay.type',
        'must be text, image, video, subtitle or solidColor',
      ),
    )
    it(
      'is a Left for a missing text (the official SDKs drop the overlay)',
      bad(
        [{ width: 1, overlay: { type: 'text' } }],
        'transformation[0].overlay.text',
        'must be a non-empty string',
      ),
    )
    it(
      'is a Left for an empty text',
      bad(
        [{ overlay: { type: 'text', text: '' } }],
        'transformation[0].overlay.text',
        'must be a non-empty string',
      ),
    )
    it(
      'is a Left for a non-string text',
      bad(
        [{ overlay: { type: 'text', text: {} } }],
        'transformation[0].overlay.text',
        'must be a non-empty string',
      ),
    )
    it(
      'is a Left for a missing input',
      bad([{ overlay: { type: 'image' } }], 'transformation[0].overlay.input', 'must be a non-empty string'),
    )
    it(
      'is a Left for a missing color',
      bad(
        [{ overlay: { type: 'solidColor' } }],
        'transformation[0].overlay.color',
        'must be a non-empty string',
      ),
    )
    it(
      'is a Left for an unknown encoding',
      bad(
        [{ overlay: { type: 'text', text: 'a', encoding: 'hex' } }],
        'transformation[0].overlay.encoding',
        'must be auto, plain or base64',
      ),
    )
    it(
      'is a Left for a non-object position',
      bad(
        [{ overlay: { type: 'text', text: 'a', position: 5 } }],
        'transformation[0].overlay.position',
        'must be a plain object',
      ),
    )
    it(
      'is a Left for a bad position value',
      bad(
        [{ overlay: { type: 'text', text: 'a', position: { x: [1] } } }],
        'transformation[0].overlay.position.x',
        'must be a string, number or boolean',
      ),
    )
    it(
      'is a Left for a bad timing value',
      bad(
        [{ overlay: { type: 'video', input: 'a', timing: { start: {} } } }],
        'transformation[0].overlay.timing.start',
        'must be a string, number or boolean',
      ),
    )
    it(
      'is a Left for a bad layerMode',
      bad(
        [{ overlay: { type: 'video', input: 'a', layerMode: {} } }],
        'transformation[0].overlay.layerMode',
        'must be a string, number or boolean',
      ),
    )
    it(
      'is a Left for a non-array nested transformation',
      bad(
        [{ overlay: { type: 'image', input: 'a', transformation: {} } }],
        'transformation[0].overlay.transformation',
        'must be an array',
      ),
    )
    it(
      'names the path of an error in a nested transformation',
      bad(
        [
          {},
          { overlay: { type: 'image', input: 'a', transformation: [{ width: 1 }, { height: Symbol() }] } },
        ],
        'transformation[1].overlay.transformation[1].height',
        'must be a string, number or boolean',
      ),
    )
    it('is a Left when a getter throws', () => {
      const step = Object.defineProperty({}, 'width', {
        enumerable: true,
        get: () => {
          throw new Error('boom')
        },
      })
      expect(buildTransformationString([step])).toStrictEqual(
        left(validationError('transformation', 'could not be read')),
      )
    })
    it('is a Left for a cyclic overlay instead of a stack overflow', () => {
      const steps: Record<string, unknown>[] = []
      steps.push({ overlay: { type: 'image', input: 'a', transformation: steps } })
      expect(buildTransformationString(steps)).toStrictEqual(
        left(validationError('transformation', 'could not be read')),
      )
    })
  })
})
