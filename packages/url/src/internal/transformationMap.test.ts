import { describe, expect, it } from 'vitest'
import { TABLES, TRANSFORMATION_MAP } from './transformationMap'

// The full table as an object literal (the form it had before it became a compact string).
const EXPECTED_CODES: Record<string, string> = {
  width: 'w',
  height: 'h',
  aspectRatio: 'ar',
  background: 'bg',
  border: 'b',
  crop: 'c',
  cropMode: 'cm',
  dpr: 'dpr',
  focus: 'fo',
  quality: 'q',
  x: 'x',
  xCenter: 'xc',
  y: 'y',
  yCenter: 'yc',
  format: 'f',
  videoCodec: 'vc',
  audioCodec: 'ac',
  radius: 'r',
  rotation: 'rt',
  rotate: 'rt',
  blur: 'bl',
  named: 'n',
  defaultImage: 'di',
  flip: 'fl',
  original: 'orig',
  startOffset: 'so',
  endOffset: 'eo',
  duration: 'du',
  streamingResolutions: 'sr',
  grayscale: 'e-grayscale',
  aiUpscale: 'e-upscale',
  aiRetouch: 'e-retouch',
  aiVariation: 'e-genvar',
  aiDropShadow: 'e-dropshadow',
  aiChangeBackground: 'e-changebg',
  aiEdit: 'e-edit',
  aiRemoveBackground: 'e-bgremove',
  aiRemoveBackgroundExternal: 'e-removedotbg',
  contrastStretch: 'e-contrast',
  shadow: 'e-shadow',
  sharpen: 'e-sharpen',
  unsharpMask: 'e-usm',
  gradient: 'e-gradient',
  colorReplace: 'cr',
  distort: 'e-distort',
  colorize: 'e-colorize',
  progressive: 'pr',
  lossless: 'lo',
  colorProfile: 'cp',
  metadata: 'md',
  density: 'dn',
  opacity: 'o',
  trim: 't',
  zoom: 'z',
  page: 'pg',
  layerMode: 'lm',
  fontSize: 'fs',
  fontFamily: 'ff',
  fontColor: 'co',
  innerAlignment: 'ia',
  padding: 'pa',
  alpha: 'al',
  typography: 'tg',
  lineHeight: 'lh',
  fontOutline: 'fol',
  fontShadow: 'fsh',
  color: 'co',
  effectSharpen: 'e-sharpen',
  effectUSM: 'e-usm',
  effectUsm: 'e-usm',
  effectContrast: 'e-contrast',
  effectGray: 'e-grayscale',
  effectShadow: 'e-shadow',
  effectGradient: 'e-gradient',
  raw: 'raw',
}

const EXPECTED_KINDS: Record<string, number> = {
  'e-grayscale': 1,
  'e-contrast': 1,
  'e-removedotbg': 1,
  'e-bgremove': 1,
  'e-upscale': 1,
  'e-retouch': 1,
  'e-genvar': 1,
  'e-sharpen': 2,
  'e-shadow': 2,
  'e-gradient': 2,
  'e-usm': 2,
  'e-dropshadow': 2,
}

describe('transformationMap', () => {
  it('parses to exactly the full key → code table', () => {
    expect(Object.fromEntries(TABLES[0])).toStrictEqual(EXPECTED_CODES)
    expect(TRANSFORMATION_MAP).toStrictEqual(EXPECTED_CODES)
    expect([...TABLES[0].keys()]).toStrictEqual(Object.keys(EXPECTED_CODES))
  })

  it('parses to exactly the code → kind table', () => {
    expect(Object.fromEntries(TABLES[1])).toStrictEqual(EXPECTED_KINDS)
  })
})
