import fs from 'node:fs';
import { checkFileSyntax } from './pdfa/file-syntax.ts';
import { Findings, type Finding } from './pdfa/findings.ts';
import { checkGraphics, iccHeader, type OutputIntent } from './pdfa/graphics.ts';
import { allValues, catalogOf, isDict, isRef, loadPdf, nameOf, resolve, resolveDict, streamOf, textOf, type PdfDict, type PdfModel, type PdfValue } from './pdfa/pdf-model.ts';
import { checkIdentification, checkInfoMatchesXmp, readXmp } from './pdfa/xmp.ts';

export type { Finding };

/**
 * What `checkPdfA2b` found: the failed requirements (each with its ISO 19005-2 clause and veraPDF-style test
 * number), notes that are not failures, and what the file claims to be (pdfaid in its XMP, null without).
 */
export type PdfaReport = Readonly<{ failures: readonly Finding[]; notes: readonly string[]; claims: { part: string | null; conformance: string | null } | null }>;

/**
 * A PDF/A-2b conformance check of the ISO 19005-2 requirements that apply to the PDFs this app makes, on the
 * real file as qpdf reads it plus the bytes as written. It is not a full validator: it does not look inside
 * font programs (glyphs present, widths, cmap tables, .notdef: 6.2.11.4-2, 6.2.11.5, 6.2.11.6-1/-4, 6.2.11.8),
 * JPEG 2000 codestreams (6.2.8.3), hex string syntax (6.1.6), name UTF-8 (6.1.8), signatures (6.4.3),
 * extension schema definitions (6.6.2.3.2/3) or ICC profile contents beyond the header. veraPDF does.
 */
export function checkPdfA2b(file: string): PdfaReport {
  const findings = new Findings();
  const model = loadPdf(file, fs.readFileSync(file));
  checkFileSyntax(file, model, findings);
  const catalog = catalogOf(model);
  const intent = outputIntent(model, catalog, findings);
  checkGraphics(model, intent, findings);
  const claims = metadata(model, catalog, findings);
  checkDocument(model, catalog, findings);
  return { failures: findings.failures, notes: findings.notes, claims };
}

/** 6.2.3: the GTS_PDFA1 output intent and its ICC profile; its colour space decides which device colours may be used. */
function outputIntent(model: PdfModel, catalog: PdfDict, findings: Findings): OutputIntent {
  const intents = resolve(model, catalog['/OutputIntents']);
  const list = Array.isArray(intents) ? intents.map((i) => resolveDict(model, i)).filter((i): i is PdfDict => i !== null) : [];
  const profiles = new Set(list.map((i) => i['/DestOutputProfile']).filter((p): p is string => isRef(p)));
  if (profiles.size > 1) findings.fail('6.2.3-2', 'output intents name different DestOutputProfile objects');
  for (const i of list) if (i['/DestOutputProfileRef'] !== undefined) findings.fail('6.2.3-3', 'an output intent has /DestOutputProfileRef');
  const pdfa = list.find((i) => nameOf(i['/S']) === 'GTS_PDFA1');
  if (pdfa === undefined) {
    findings.note('no PDF/A output intent (/S /GTS_PDFA1): device colour spaces are not allowed');
    return null;
  }
  const stream = streamOf(model, pdfa['/DestOutputProfile'] ?? null);
  if (stream === null || stream.data === null) {
    findings.fail('6.2.3-1', 'the PDF/A output intent has no embedded DestOutputProfile');
    return null;
  }
  const header = iccHeader(stream.data);
  if (header === null) {
    findings.fail('6.2.3-1', 'the DestOutputProfile is not an ICC profile (no acsp signature)');
    return null;
  }
  const components: Readonly<Record<string, number>> = { 'GRAY': 1, 'RGB ': 3, 'CMYK': 4 };
  if (!['prtr', 'mntr'].includes(header.deviceClass)) findings.fail('6.2.3-1', `the DestOutputProfile's device class is ${header.deviceClass}, not prtr or mntr`);
  if (components[header.colourSpace] === undefined) findings.fail('6.2.3-1', `the DestOutputProfile's colour space is ${header.colourSpace}, not GRAY, RGB or CMYK`);
  if (header.major >= 5) findings.fail('6.2.3-1', `the DestOutputProfile is ICC version ${header.major}`);
  if (!header.sizeOk) findings.fail('6.2.3-1', 'the DestOutputProfile header states a size other than the profile has');
  const n = resolve(model, stream.dict['/N']);
  if (n !== undefined && n !== components[header.colourSpace]) findings.fail('6.2.3-1', `the DestOutputProfile has /N ${JSON.stringify(n)} for a ${header.colourSpace.trim()} profile (ISO 32000-1 8.6.5.5)`);
  if (textOf(pdfa['/OutputConditionIdentifier']) === null) findings.fail('6.2.3-1', 'the PDF/A output intent has no /OutputConditionIdentifier (ISO 32000-1 14.11.5)');
  return components[header.colourSpace] === undefined ? null : header.colourSpace;
}

/** 6.6: the catalog's XMP metadata stream, the PDF/A identification, and Info ↔ XMP. */
function metadata(model: PdfModel, catalog: PdfDict, findings: Findings): PdfaReport['claims'] {
  const stream = streamOf(model, catalog['/Metadata'] ?? null);
  if (stream === null || nameOf(stream.dict['/Type']) !== 'Metadata' || nameOf(stream.dict['/Subtype']) !== 'XML') {
    findings.fail('6.6.2.1-1', 'the catalog has no /Metadata stream of /Type /Metadata /Subtype /XML');
    return null;
  }
  // PDF/A-1 (6.7.2) forbade filtering the metadata stream; PDF/A-2 dropped that rule. Said, not failed.
  if (stream.dict['/Filter'] !== undefined) findings.note('the metadata stream is filtered (allowed in PDF/A-2; PDF/A-1 forbade it)');
  const properties = readXmp(stream, findings);
  if (properties === null) return null;
  const claims = checkIdentification(properties, findings);
  checkInfoMatchesXmp(resolveDict(model, model.trailer['/Info']), properties, findings);
  return claims;
}

const FORBIDDEN_ACTIONS = new Set(['Launch', 'Sound', 'Movie', 'ResetForm', 'ImportData', 'Hide', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView', 'JavaScript', 'SetState', 'NoOp']);
const ANNOTATIONS = new Set(['Text', 'Link', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut', 'Stamp', 'Caret', 'Ink', 'Popup', 'FileAttachment', 'Widget', 'PrinterMark', 'TrapNet', 'Watermark', 'Redact']);

/** 6.1.12 permissions, 6.3 annotations, 6.4 forms, 6.5 actions, 6.8 embedded files, 6.9 optional content, 6.10, 6.11. */
function checkDocument(model: PdfModel, catalog: PdfDict, findings: Findings): void {
  const perms = resolveDict(model, catalog['/Perms']);
  if (perms !== null && Object.keys(perms).some((k) => k !== '/UR3' && k !== '/DocMDP')) findings.fail('6.1.12-1', 'the permissions dictionary has keys other than /UR3 and /DocMDP');
  if (catalog['/AA'] !== undefined) findings.fail('6.5.2-1', 'the catalog has an additional-actions (/AA) dictionary');
  if (catalog['/NeedsRendering'] !== undefined) findings.fail('6.4.2-2', 'the catalog has /NeedsRendering');
  if (catalog['/Requirements'] !== undefined) findings.fail('6.11-1', 'the catalog has /Requirements');
  const names = resolveDict(model, catalog['/Names']);
  if (names?.['/JavaScript'] !== undefined) findings.fail('6.5.1-1', 'the name dictionary has /JavaScript');
  if (names?.['/AlternatePresentations'] !== undefined) findings.fail('6.10-1', 'the name dictionary has /AlternatePresentations');

  for (const { value, object } of allValues(model)) {
    if (!isDict(value)) continue;
    const where = object === 'trailer' ? object : `${object} R`;
    const action = nameOf(value['/S']);
    const isAction = nameOf(value['/Type']) === 'Action' || value['/JS'] !== undefined || (action !== null && FORBIDDEN_ACTIONS.has(action)) || (action === 'Named' && value['/N'] !== undefined);
    if (isAction && action !== null && FORBIDDEN_ACTIONS.has(action)) findings.fail('6.5.1-1', `a /${action} action`, where);
    if (isAction && action === 'Named' && !['NextPage', 'PrevPage', 'FirstPage', 'LastPage'].includes(nameOf(value['/N']) ?? '')) findings.fail('6.5.1-2', `the named action /${String(nameOf(value['/N']))}`, where);
    if (value['/EF'] !== undefined) embeddedFile(model, value, where, findings);
  }

  model.pages.forEach((ref, index) => {
    const page = resolveDict(model, ref) ?? {};
    const annots = resolve(model, page['/Annots']);
    for (const item of Array.isArray(annots) ? annots : []) annotation(model, resolveDict(model, item), `page ${index + 1}`, findings);
  });

  const form = resolveDict(model, catalog['/AcroForm']);
  if (form !== null) {
    if (resolve(model, form['/NeedAppearances']) === true) findings.fail('6.4.1-3', 'the interactive form has /NeedAppearances true');
    if (form['/XFA'] !== undefined) findings.fail('6.4.2-1', 'the interactive form has /XFA');
    const fields = resolve(model, form['/Fields']);
    for (const field of Array.isArray(fields) ? fields : []) if (resolveDict(model, field)?.['/AA'] !== undefined) findings.fail('6.4.1-2', 'a form field has /AA', JSON.stringify(field));
  }

  optionalContent(model, resolveDict(model, catalog['/OCProperties']), findings);
}

function annotation(model: PdfModel, annot: PdfDict | null, where: string, findings: Findings): void {
  if (annot === null) return;
  const subtype = nameOf(annot['/Subtype']) ?? '?';
  if (!ANNOTATIONS.has(subtype)) findings.fail('6.3.1-1', `a /${subtype} annotation`, where);
  const flags = resolve(model, annot['/F']);
  if (subtype !== 'Popup' && typeof flags !== 'number') findings.fail('6.3.2-1', `a /${subtype} annotation without /F`, where);
  if (typeof flags === 'number' && ((flags & 4) === 0 || (flags & (1 | 2 | 32 | 256)) !== 0)) findings.fail('6.3.2-2', `a /${subtype} annotation's flags are ${flags} (Print must be set; Invisible, Hidden, NoView, ToggleNoView clear)`, where);
  const rect = resolve(model, annot['/Rect']);
  const empty = Array.isArray(rect) && rect[0] === rect[2] && rect[1] === rect[3];
  const appearance = resolveDict(model, annot['/AP']);
  if (appearance === null && !empty && subtype !== 'Popup' && subtype !== 'Link') findings.fail('6.3.3-1', `a /${subtype} annotation without an appearance`, where);
  if (appearance !== null && Object.keys(appearance).some((k) => k !== '/N')) findings.fail('6.3.3-2', `a /${subtype} annotation's appearance has entries other than /N`, where);
  if (subtype === 'Widget' && (annot['/A'] !== undefined || annot['/AA'] !== undefined)) findings.fail('6.4.1-1', 'a widget annotation has /A or /AA', where);
}

/** 6.8: PDF/A-2 allows embedded files only when they are PDF/A-1 or PDF/A-2 files themselves. */
function embeddedFile(model: PdfModel, spec: PdfDict, where: string, findings: Findings): void {
  const ef = resolveDict(model, spec['/EF']);
  for (const value of Object.values(ef ?? {})) {
    const data = streamOf(model, value)?.data;
    const text = data?.toString('latin1') ?? '';
    const part = /pdfaid:part(?:>|=["'])\s*([0-9])/.exec(text)?.[1];
    if (!text.startsWith('%PDF-') || (part !== '1' && part !== '2')) findings.fail('6.8', 'an embedded file that is not a PDF/A-1 or PDF/A-2 file', where);
  }
}

/** 6.9: optional content configurations need unique names, no /AS, and an /Order that lists every group. */
function optionalContent(model: PdfModel, properties: PdfDict | null, findings: Findings): void {
  if (properties === null) return;
  findings.note('the document has optional content (layers)');
  const groups = resolve(model, properties['/OCGs']);
  const all = new Set((Array.isArray(groups) ? groups : []).filter(isRef));
  const configs = [properties['/D'], ...((resolve(model, properties['/Configs']) as PdfValue[] | undefined) ?? [])].map((c) => resolveDict(model, c)).filter((c): c is PdfDict => c !== null);
  const seen = new Set<string>();
  for (const config of configs) {
    const name = textOf(config['/Name']);
    if (name === null || name === '') findings.fail('6.9-1', 'an optional content configuration without /Name');
    else if (seen.has(name)) findings.fail('6.9-2', `two optional content configurations are named "${name}"`);
    if (name !== null) seen.add(name);
    if (config['/AS'] !== undefined) findings.fail('6.9-4', 'an optional content configuration has /AS');
    const order = resolve(model, config['/Order']);
    if (order !== undefined) {
      const listed = new Set<string>();
      const walk = (value: PdfValue | undefined): void => {
        const v = isRef(value) && all.has(value) ? value : resolve(model, value);
        if (typeof v === 'string' && all.has(v)) listed.add(v);
        else if (Array.isArray(v)) v.forEach(walk);
      };
      walk(order);
      if ([...all].some((g) => !listed.has(g))) findings.fail('6.9-3', 'an optional content /Order does not list every group');
    }
  }
}
