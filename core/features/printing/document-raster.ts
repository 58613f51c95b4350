import type { PaperName } from '../../../shared/contract/printing.ts';
import type { DocLine, FilledDocument, TextStyle } from '../../../shared/domain/forms/model.ts';
import { PAPER_WIDTH_DOTS, renderSlip, type Raster, type SlipLine, type SlipText } from './raster.ts';

/**
 * A filled form (shared/domain/forms) as a 1-bit raster: on a receipt roll (80 mm = 576 dots, 58 mm = 384
 * dots at 203 dpi) it becomes the slip; at A5/A4 width (144 dpi, where the 24-dot body text is 12 pt) it is the
 * PNG preview of the page. The official A5/A4 output is the PDF (document-pdf.ts); the preview is one long
 * image without page breaks.
 */

export type Paper = PaperName;

/** A5 is 148 mm and A4 210 mm wide; at 144 dpi, rounded down to whole bytes. */
const PAGE_WIDTH_DOTS = { A5: 832, A4: 1184 } as const;

export function paperWidthDots(paper: Paper): number {
  return paper === '80mm' || paper === '58mm' ? PAPER_WIDTH_DOTS[paper] : PAGE_WIDTH_DOTS[paper];
}

const isRoll = (paper: Paper): boolean => paper === '80mm' || paper === '58mm';

const STYLE: Readonly<Record<TextStyle, Omit<SlipText, 'kind' | 'text'>>> = {
  title: { bold: true, size: 'large', align: 'center' },
  subtitle: { bold: true, align: 'center' },
  body: {},
  emphasis: { bold: true },
  note: { italic: true, size: 'small' },
  banner: { bold: true, size: 'large', align: 'center', underline: true },
};

/** Space left for a handwritten signature. */
const SIGNATURE_DOTS = { roll: 88, page: 120 } as const;
/** TT 01/2023's QR is small (it is for machines); the look-up, receipt and VietQR codes are for phones. */
const QR_MODULE_DOTS = { 'tt01-2023': 3, lookup: 4, vietqr: 4, receipt: 4 } as const;

function toSlipLines(line: DocLine, roll: boolean): SlipLine[] {
  switch (line.kind) {
    case 'header': {
      const size = 'small';
      const part = (items: typeof line.left): SlipText[] => items.map((h) => ({ kind: 'text', text: h.text, bold: h.bold, underline: h.underline, size, align: 'center' }));
      // On a roll the two columns would each be too narrow: the agency goes first, the motto under it.
      if (roll) return [...part(line.left), { kind: 'space', dots: 6 }, ...part(line.right), { kind: 'space', dots: 6 }];
      // The official layout: agency on the left (about 38 %), Quốc hiệu and Tiêu ngữ on the right.
      return [{ kind: 'columns', columns: [part(line.left), part(line.right)], gapDots: 16, weights: [38, 62] }, { kind: 'space', dots: 12 }];
    }
    case 'text': {
      const style = STYLE[line.style];
      const spaced = line.style === 'title' || line.style === 'banner';
      const text: SlipText = { kind: 'text', text: line.text, ...style, align: style.align ?? line.align };
      return spaced ? [{ kind: 'space', dots: 8 }, text, { kind: 'space', dots: 8 }] : [text];
    }
    case 'field':
      return [{ kind: 'text', text: `${line.number ? `${line.number}. ` : ''}${line.label}: ${line.value}`, indentDots: 16 }];
    case 'list':
      return [
        { kind: 'text', text: `${line.number ? `${line.number}. ` : ''}${line.label}:` },
        ...line.items.map((item): SlipText => ({ kind: 'text', text: `– ${item}`, indentDots: 24 })),
      ];
    case 'qr': {
      const out: SlipLine[] = [{ kind: 'qr', text: line.data, moduleDots: QR_MODULE_DOTS[line.role] }];
      if (line.caption !== null) out.push({ kind: 'text', text: line.caption, size: 'small', align: 'center' });
      return out;
    }
    case 'signatures': {
      const top = line.columns.map((c): SlipText[] => [
        { kind: 'text', text: c.title, bold: true, align: 'center', size: roll ? 'small' : 'normal' },
        { kind: 'text', text: c.hint, italic: true, size: 'small', align: 'center' },
      ]);
      const names = line.columns.map((c): SlipText[] => (c.name === '' ? [] : [{ kind: 'text', text: c.name, bold: true, align: 'center', size: roll ? 'small' : 'normal' }]));
      return [
        { kind: 'space', dots: 12 },
        { kind: 'columns', columns: top },
        { kind: 'space', dots: SIGNATURE_DOTS[roll ? 'roll' : 'page'] },
        { kind: 'columns', columns: names },
        { kind: 'space', dots: 8 },
      ];
    }
    case 'rule':
      return [{ kind: 'rule' }];
    default:
      throw new RangeError('unknown document line');
  }
}

export function documentSlipLines(document: FilledDocument, paper: Paper): SlipLine[] {
  const roll = isRoll(paper);
  return [{ kind: 'space', dots: roll ? 8 : 48 }, ...document.lines.flatMap((line) => toSlipLines(line, roll)), { kind: 'space', dots: roll ? 32 : 48 }];
}

export function renderDocumentRaster(document: FilledDocument, paper: Paper): Raster {
  const roll = isRoll(paper);
  return renderSlip(documentSlipLines(document, paper), { widthDots: paperWidthDots(paper), marginDots: roll ? 8 : 56 });
}
