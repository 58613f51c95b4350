import { isNameOperand, KNOWN_OPERATORS, parseContent, type Operand } from './content-stream.ts';
import type { Findings } from './findings.ts';
import { inherited, isDict, isRef, nameOf, resolve, resolveDict, streamOf, type PdfDict, type PdfModel, type PdfValue } from './pdf-model.ts';

/** The PDF/A output intent's colour space ("RGB ", "GRAY", "CMYK"), or null when there is none. */
export type OutputIntent = string | null;

const BLEND_MODES = new Set(['Normal', 'Compatible', 'Multiply', 'Screen', 'Overlay', 'Darken', 'Lighten', 'ColorDodge', 'ColorBurn', 'HardLight', 'SoftLight', 'Difference', 'Exclusion', 'Hue', 'Saturation', 'Color', 'Luminosity']);
const INTENTS = new Set(['RelativeColorimetric', 'AbsoluteColorimetric', 'Perceptual', 'Saturation']);
const INLINE_FILTERS = new Set(['ASCIIHexDecode', 'ASCII85Decode', 'FlateDecode', 'RunLengthDecode', 'CCITTFaxDecode', 'DCTDecode', 'AHx', 'A85', 'Fl', 'RL', 'CCF', 'DCT']);
const ICC_SPACE: Readonly<Record<string, number>> = { 'GRAY': 1, 'RGB ': 3, 'CMYK': 4, 'LAB ': 3 };
const STANDARD_14 = new Set(['Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic', 'Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique', 'Courier', 'Courier-Bold', 'Courier-Oblique', 'Courier-BoldOblique', 'Symbol', 'ZapfDingbats']);
const BOX_KEYS = ['/MediaBox', '/CropBox', '/BleedBox', '/TrimBox', '/ArtBox'];
/** Predefined CMaps (ISO 32000-1 Table 118) need not be embedded; any other CMap must be (6.2.11.3-3). */
const PREDEFINED_CMAP = /^(Identity-[HV]|(GB|GBpc|GBK|GBKp|GBK2K)-EUC-[HV]|UniGB-(UCS2|UTF16)-[HV]|B5pc-[HV]|HKscs-B5-[HV]|ETen(ms)?-B5-[HV]|CNS-EUC-[HV]|UniCNS-(UCS2|UTF16)-[HV]|83pv-RKSJ-H|90ms-RKSJ-[HV]|90msp-RKSJ-[HV]|90pv-RKSJ-H|Add-RKSJ-[HV]|EUC-[HV]|Ext-RKSJ-[HV]|[HV]|UniJIS-(UCS2|UCS2-HW|UTF16)-[HV]|KSC-EUC-[HV]|KSCms-UHC(-HW)?-[HV]|KSCpc-EUC-H|UniKS-(UCS2|UTF16)-[HV])$/;

/** An ICC profile's header (ICC.1, 7.2): device class, colour space, major version, and whether its size field is right. */
export function iccHeader(data: Buffer): { deviceClass: string; colourSpace: string; major: number; sizeOk: boolean } | null {
  if (data.length < 128 || data.toString('latin1', 36, 40) !== 'acsp') return null;
  return { deviceClass: data.toString('latin1', 12, 16), colourSpace: data.toString('latin1', 16, 20), major: data[8]!, sizeOk: data.readUInt32BE(0) === data.length };
}

type Context = { model: PdfModel; findings: Findings; intent: OutputIntent; seen: Set<string>; transparency: boolean; fontsChecked: Set<string> };

/** 6.2: every page's boxes, content (operators, q nesting, colours, graphics states), images, forms and fonts. */
export function checkGraphics(model: PdfModel, intent: OutputIntent, findings: Findings): void {
  model.pages.forEach((ref, index) => {
    const page = resolveDict(model, ref) ?? {};
    const where = `page ${index + 1}`;
    for (const key of BOX_KEYS) {
      const box = resolve(model, key === '/MediaBox' || key === '/CropBox' ? inherited(model, page, key) : page[key]);
      if (!Array.isArray(box)) {
        if (key === '/MediaBox') findings.fail('6.1.13-11', 'the page has no MediaBox', where);
        continue;
      }
      const [x0, y0, x1, y1] = box.map((v) => resolve(model, v)) as number[];
      const [w, h] = [Math.abs(x1! - x0!), Math.abs(y1! - y0!)];
      if (w < 3 || h < 3 || w > 14_400 || h > 14_400) findings.fail('6.1.13-11', `${key.slice(1)} is ${w} × ${h} units (3 … 14 400)`, where);
    }
    const context: Context = { model, findings, intent, seen: new Set(), transparency: false, fontsChecked: new Set() };
    const group = resolveDict(model, page['/Group']);
    if (group !== null && nameOf(group['/S']) === 'Transparency') {
      context.transparency = true;
      if (group['/CS'] !== undefined) colourSpace(context, group['/CS'], {}, `${where} group`);
    }
    const resources = resolveDict(model, inherited(model, page, '/Resources')) ?? {};
    const contents = resolve(model, page['/Contents']) === undefined ? [] : Array.isArray(resolve(model, page['/Contents'])) ? (resolve(model, page['/Contents']) as PdfValue[]) : [page['/Contents']];
    const data = Buffer.concat(contents.map((part) => {
      const stream = streamOf(model, isRef(part) ? part : null);
      if (stream?.data === null || stream === null) findings.fail('6.2.2-1', 'a content stream cannot be decoded', where);
      return Buffer.concat([stream?.data ?? Buffer.alloc(0), Buffer.from('\n')]);
    }));
    content(context, data, resources, where);
    if (page['/PresSteps'] !== undefined) findings.fail('6.10-2', 'the page has /PresSteps', where);
    if (page['/AA'] !== undefined) findings.fail('6.5.2-2', 'the page has an additional-actions (/AA) dictionary', where);
    if (context.transparency) {
      findings.note(`${where} uses transparency (soft mask, constant alpha, a blend mode or a transparency group)`);
      if (intent === null && (group === null || group['/CS'] === undefined)) findings.fail('6.2.10-2', 'transparency without an output intent or a page group /CS (no blending colour space)', where);
    }
  });
}

function content(context: Context, data: Buffer, resources: PdfDict, where: string): void {
  const { model, findings } = context;
  let depth = 0;
  const named = (category: string, operand: Operand | undefined): PdfValue | undefined => {
    if (!isNameOperand(operand)) return undefined;
    const dict = resolveDict(model, resources[category]);
    const found = dict?.[`/${operand.name}`];
    if (found === undefined) findings.fail('6.2.2-2', `${category.slice(1)} /${operand.name} is used but not in the content's resources`, where);
    return found;
  };
  for (const { operator, operands, inlineImage } of parseContent(data)) {
    if (!KNOWN_OPERATORS.has(operator)) findings.fail('6.2.2-1', `the content uses the operator ${operator}, not defined in ISO 32000-1`, where);
    switch (operator) {
      case 'q':
        depth += 1;
        if (depth > 28) findings.fail('6.1.13-8', 'q/Q nested more than 28 levels', where);
        break;
      case 'Q':
        depth -= 1;
        break;
      case 'g': case 'G': device(context, 'DeviceGray', where, resources); break;
      case 'rg': case 'RG': device(context, 'DeviceRGB', where, resources); break;
      case 'k': case 'K': device(context, 'DeviceCMYK', where, resources); break;
      case 'cs': case 'CS': {
        const name = operands[0];
        if (!isNameOperand(name)) break;
        if (['DeviceGray', 'DeviceRGB', 'DeviceCMYK', 'Pattern'].includes(name.name)) colourSpace(context, `/${name.name}`, resources, where);
        else colourSpace(context, named('/ColorSpace', name), resources, where);
        break;
      }
      case 'ri': {
        const intent = operands[0];
        if (isNameOperand(intent) && !INTENTS.has(intent.name)) findings.fail('6.2.6-1', `rendering intent /${intent.name}`, where);
        break;
      }
      case 'gs': graphicsState(context, named('/ExtGState', operands[0]), where); break;
      case 'sh': {
        const shading = resolveDict(model, named('/Shading', operands[0]));
        if (shading !== null) colourSpace(context, shading['/ColorSpace'], resources, where);
        break;
      }
      case 'Tf': font(context, named('/Font', operands[0]), where); break;
      case 'Do': xobject(context, named('/XObject', operands[0]), resources, where); break;
      case 'BI': inline(context, inlineImage ?? {}, resources, where); break;
      default: break;
    }
  }
}

function device(context: Context, space: 'DeviceGray' | 'DeviceRGB' | 'DeviceCMYK', where: string, resources: PdfDict = {}): void {
  const defaults = resolveDict(context.model, resources['/ColorSpace']);
  const override = { DeviceGray: '/DefaultGray', DeviceRGB: '/DefaultRGB', DeviceCMYK: '/DefaultCMYK' }[space];
  if (defaults?.[override] !== undefined) return;
  const { intent, findings } = context;
  if (space === 'DeviceGray' && intent === null) findings.fail('6.2.4.3-4', 'DeviceGray is used without a PDF/A output intent', where);
  if (space === 'DeviceRGB' && intent !== 'RGB ') findings.fail('6.2.4.3-2', `DeviceRGB is used but the output intent is ${intent === null ? 'missing' : `${intent.trim()}, not RGB`}`, where);
  if (space === 'DeviceCMYK' && intent !== 'CMYK') findings.fail('6.2.4.3-3', `DeviceCMYK is used but the output intent is ${intent === null ? 'missing' : `${intent.trim()}, not CMYK`}`, where);
}

function colourSpace(context: Context, value: PdfValue | undefined, resources: PdfDict, where: string): void {
  const { model, findings } = context;
  const space = resolve(model, value);
  const name = nameOf(space);
  if (name === 'DeviceGray' || name === 'DeviceRGB' || name === 'DeviceCMYK') return device(context, name, where, resources);
  if (name !== null) {
    // A resource name (for an inline image or an image in a form) or Pattern: resolved through the resources.
    const named = resolveDict(model, resources['/ColorSpace'])?.[`/${name}`];
    if (named !== undefined) colourSpace(context, named, resources, where);
    return;
  }
  if (!Array.isArray(space)) return;
  const family = nameOf(space[0]);
  if (family === 'ICCBased') {
    const stream = streamOf(model, space[1] ?? null);
    const header = stream?.data ? iccHeader(stream.data) : null;
    const n = resolve(model, stream?.dict['/N']);
    if (header === null) findings.fail('6.2.4.2-1', 'an ICCBased colour space has no readable ICC profile', where);
    else if (!['prtr', 'mntr', 'scnr', 'spac'].includes(header.deviceClass) || ICC_SPACE[header.colourSpace] === undefined || header.major >= 5) findings.fail('6.2.4.2-1', `an ICCBased profile is ${header.deviceClass}/${header.colourSpace} v${header.major}`, where);
    else if (n !== ICC_SPACE[header.colourSpace]) findings.fail('6.2.4.2-1', `an ICCBased colour space has /N ${JSON.stringify(n)} for a ${header.colourSpace.trim()} profile`, where);
  } else if (family === 'Indexed') {
    colourSpace(context, space[1], resources, where);
  } else if (family === 'Separation' || family === 'DeviceN') {
    colourSpace(context, space[2], resources, where);
    if (family === 'DeviceN' && Array.isArray(resolve(model, space[1])) && (resolve(model, space[1]) as PdfValue[]).length > 32) findings.fail('6.1.13-9', 'a DeviceN colour space with more than 32 colourants', where);
  } else if (family === 'Pattern' && space[1] !== undefined) {
    colourSpace(context, space[1], resources, where);
  }
}

function graphicsState(context: Context, value: PdfValue | undefined, where: string): void {
  const { model, findings } = context;
  const gs = resolveDict(model, value);
  if (gs === null) return;
  if (gs['/TR'] !== undefined) findings.fail('6.2.5-1', 'an ExtGState has /TR', where);
  if (gs['/TR2'] !== undefined && nameOf(gs['/TR2']) !== 'Default') findings.fail('6.2.5-2', 'an ExtGState has /TR2 other than /Default', where);
  if (gs['/HTP'] !== undefined) findings.fail('6.2.5-3', 'an ExtGState has /HTP', where);
  const halftone = resolveDict(model, gs['/HT']);
  if (halftone !== null) {
    const type = resolve(model, halftone['/HalftoneType']);
    if (type !== 1 && type !== 5) findings.fail('6.2.5-4', `a halftone of type ${JSON.stringify(type)}`, where);
    if (halftone['/HalftoneName'] !== undefined) findings.fail('6.2.5-5', 'a halftone has /HalftoneName', where);
  }
  const intent = nameOf(gs['/RI']);
  if (intent !== null && !INTENTS.has(intent)) findings.fail('6.2.6-1', `rendering intent /${intent}`, where);
  const blend = resolve(model, gs['/BM']);
  for (const mode of (Array.isArray(blend) ? blend : blend === undefined ? [] : [blend]).map((b) => nameOf(b))) {
    if (mode === null || !BLEND_MODES.has(mode)) findings.fail('6.2.10-1', `blend mode ${String(mode)} is not defined in ISO 32000-1`, where);
    else if (mode !== 'Normal' && mode !== 'Compatible') context.transparency = true;
  }
  const mask = resolve(model, gs['/SMask']);
  if (mask !== undefined && nameOf(mask) !== 'None') context.transparency = true;
  for (const alpha of ['/CA', '/ca']) if (typeof resolve(model, gs[alpha]) === 'number' && (resolve(model, gs[alpha]) as number) < 1) context.transparency = true;
}

function xobject(context: Context, value: PdfValue | undefined, resources: PdfDict, where: string): void {
  const { model, findings } = context;
  if (!isRef(value)) return;
  const stream = streamOf(model, value);
  if (stream === null) return;
  const dict = stream.dict;
  const subtype = nameOf(dict['/Subtype']);
  const at = `${where}, ${value}`;
  if (subtype === 'PS') findings.fail('6.2.9-3', 'a PostScript XObject', at);
  if (subtype === 'Image') return image(context, dict, resources, at, false);
  if (subtype !== 'Form' || context.seen.has(value)) return;
  context.seen.add(value);
  if (dict['/OPI'] !== undefined || dict['/PS'] !== undefined || nameOf(dict['/Subtype2']) === 'PS') findings.fail('6.2.9-1', 'a form XObject has /OPI, /PS or /Subtype2 /PS', at);
  if (dict['/Ref'] !== undefined) findings.fail('6.2.9-2', 'a reference XObject (/Ref)', at);
  const group = resolveDict(model, dict['/Group']);
  if (group !== null && nameOf(group['/S']) === 'Transparency') context.transparency = true;
  const own = resolveDict(model, dict['/Resources']);
  if (own === null) findings.fail('6.2.2-2', 'a form XObject has no Resources of its own', at);
  if (stream.data === null) findings.fail('6.2.2-1', 'a form XObject content cannot be decoded', at);
  else content(context, stream.data, own ?? resources, at);
}

function image(context: Context, dict: PdfDict, resources: PdfDict, where: string, isInline: boolean): void {
  const { model, findings } = context;
  const key = (long: string, short: string): PdfValue | undefined => dict[long] ?? (isInline ? dict[short] : undefined);
  if (dict['/Alternates'] !== undefined) findings.fail('6.2.8-1', 'an image has /Alternates', where);
  if (dict['/OPI'] !== undefined) findings.fail('6.2.8-2', 'an image has /OPI', where);
  if (resolve(model, key('/Interpolate', '/I')) === true) findings.fail('6.2.8-3', 'an image has /Interpolate true', where);
  const intent = nameOf(dict['/Intent']);
  if (intent !== null && !INTENTS.has(intent)) findings.fail('6.2.6-1', `rendering intent /${intent}`, where);
  const filters = resolve(model, key('/Filter', '/F'));
  const jpx = (Array.isArray(filters) ? filters : [filters]).some((f) => nameOf(f) === 'JPXDecode');
  const mask = resolve(model, key('/ImageMask', '/IM')) === true;
  const bits = resolve(model, key('/BitsPerComponent', '/BPC'));
  if (!jpx && !mask && ![1, 2, 4, 8, 16].includes(bits as number)) findings.fail('6.2.8-3', `BitsPerComponent ${JSON.stringify(bits)} (ISO 32000-1 allows 1, 2, 4, 8, 16)`, where);
  if (jpx) findings.note(`${where}: a JPEG 2000 image; its codestream (6.2.8.3: channels, colr boxes, bit depth) was not inspected`);
  if (dict['/SMask'] !== undefined || (typeof resolve(model, dict['/SMaskInData']) === 'number' && resolve(model, dict['/SMaskInData']) !== 0)) context.transparency = true;
  const space = key('/ColorSpace', '/CS');
  if (space !== undefined && !mask) {
    // Inline images abbreviate device names (G, RGB, CMYK, I).
    const short: Readonly<Record<string, string>> = { G: '/DeviceGray', RGB: '/DeviceRGB', CMYK: '/DeviceCMYK', I: '/Indexed' };
    const name = nameOf(space);
    colourSpace(context, isInline && name !== null && short[name] !== undefined ? short[name] : space, resources, where);
  }
}

function inline(context: Context, dict: Readonly<Record<string, Operand>>, resources: PdfDict, where: string): void {
  const toValue = (operand: Operand): PdfValue => {
    if (operand === null || typeof operand !== 'object') return operand;
    if (Array.isArray(operand)) return (operand as Operand[]).map(toValue);
    if ('name' in operand) return `/${operand.name}`;
    if ('string' in operand) return `b:${operand.string.toString('hex')}`;
    return Object.fromEntries(Object.entries((operand as { dict: Readonly<Record<string, Operand>> }).dict).map(([k, v]) => [`/${k}`, toValue(v)]));
  };
  const value = Object.fromEntries(Object.entries(dict).map(([k, v]) => [`/${k}`, toValue(v)]));
  const filters = value['/F'] ?? value['/Filter'];
  for (const filter of (Array.isArray(filters) ? filters : filters === undefined ? [] : [filters]).map((f) => nameOf(f))) {
    if (filter === null || !INLINE_FILTERS.has(filter)) context.findings.fail('6.1.10-1', `an inline image uses the filter ${String(filter)}`, where);
  }
  image(context, value, resources, `${where}, inline image`, true);
}

function font(context: Context, value: PdfValue | undefined, where: string): void {
  const { model, findings } = context;
  const key = isRef(value) ? value : JSON.stringify(value);
  if (value === undefined || context.fontsChecked.has(key)) return;
  context.fontsChecked.add(key);
  const dict = resolveDict(model, value);
  if (dict === null) return;
  const at = `${where}, font ${isRef(value) ? value : ''}`.trim();
  const subtype = nameOf(dict['/Subtype']);
  if (nameOf(dict['/Type']) !== 'Font') findings.fail('6.2.11.2-1', 'a font dictionary without /Type /Font', at);
  if (subtype === null || !['Type1', 'MMType1', 'TrueType', 'Type3', 'Type0'].includes(subtype)) return findings.fail('6.2.11.2-2', `a font of subtype ${String(subtype)}`, at);
  if (subtype !== 'Type3' && nameOf(dict['/BaseFont']) === null) findings.fail('6.2.11.2-3', 'a font without /BaseFont', at);
  if (resolve(model, dict['/ToUnicode']) === undefined && subtype !== 'TrueType') findings.note(`${at}: no ToUnicode map (required for PDF/A-2a/u, not for level B; text may not extract)`);
  if (subtype === 'Type0') {
    const descendant = resolveDict(model, (resolve(model, dict['/DescendantFonts']) as PdfValue[] | undefined)?.[0]);
    if (descendant === null) return findings.fail('6.2.11.2-2', 'a Type0 font without a descendant CIDFont', at);
    const encoding = resolve(model, dict['/Encoding']);
    const cmap = nameOf(encoding);
    if (cmap !== null && !PREDEFINED_CMAP.test(cmap)) findings.fail('6.2.11.3-3', `the CMap /${cmap} is neither predefined nor embedded`, at);
    const cidType = nameOf(descendant['/Subtype']);
    if (cidType !== 'CIDFontType0' && cidType !== 'CIDFontType2') findings.fail('6.2.11.2-2', `a descendant font of subtype ${String(cidType)}`, at);
    if (cidType === 'CIDFontType2' && descendant['/CIDToGIDMap'] === undefined) findings.fail('6.2.11.3-2', 'a CIDFontType2 without /CIDToGIDMap', at);
    return embedded(context, resolveDict(model, descendant['/FontDescriptor']), at);
  }
  if (subtype === 'Type3') return;
  const descriptor = resolveDict(model, dict['/FontDescriptor']);
  // The standard 14 may leave out FirstChar, LastChar and Widths (ISO 32000-1 Table 111); they still need embedding.
  const standard = STANDARD_14.has(nameOf(dict['/BaseFont']) ?? '') && descriptor === null;
  if (!standard) for (const k of ['/FirstChar', '/LastChar', '/Widths']) if (dict[k] === undefined) findings.fail(k === '/FirstChar' ? '6.2.11.2-4' : k === '/LastChar' ? '6.2.11.2-5' : '6.2.11.2-6', `a simple font without ${k}`, at);
  const widths = resolve(model, dict['/Widths']);
  const [first, last] = [resolve(model, dict['/FirstChar']), resolve(model, dict['/LastChar'])];
  if (Array.isArray(widths) && typeof first === 'number' && typeof last === 'number' && widths.length !== last - first + 1) findings.fail('6.2.11.2-6', `/Widths has ${widths.length} entries for codes ${first}…${last}`, at);
  if (subtype === 'TrueType' && descriptor !== null) {
    const symbolic = ((resolve(model, descriptor['/Flags']) as number | undefined) ?? 0) & 4;
    const encoding = resolve(model, dict['/Encoding']);
    if (symbolic !== 0 && encoding !== undefined) findings.fail('6.2.11.6-3', 'a symbolic TrueType font has /Encoding', at);
    if (symbolic === 0 && !['MacRomanEncoding', 'WinAnsiEncoding'].includes(nameOf(encoding) ?? '') && !isDict(encoding)) findings.fail('6.2.11.6-2', 'a non-symbolic TrueType font whose encoding is neither MacRoman nor WinAnsi', at);
  }
  embedded(context, descriptor, at);
}

function embedded(context: Context, descriptor: PdfDict | null, where: string): void {
  const { model, findings } = context;
  const file = descriptor === null ? undefined : (['/FontFile', '/FontFile2', '/FontFile3'] as const).find((k) => descriptor[k] !== undefined);
  if (descriptor === null || file === undefined) return findings.fail('6.2.11.4-1', 'the font program is not embedded', where);
  if (file === '/FontFile3') {
    const sub = nameOf(streamOf(model, descriptor[file] ?? null)?.dict['/Subtype']);
    if (sub !== 'Type1C' && sub !== 'CIDFontType0C' && sub !== 'OpenType') findings.fail('6.2.11.2-7', `an embedded FontFile3 of subtype ${String(sub)}`, where);
  }
}
