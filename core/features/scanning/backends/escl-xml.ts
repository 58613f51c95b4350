import { XMLParser } from 'fast-xml-parser';
import type { ScanMode, ScannerInfo, ScanSource } from '../../../../shared/contract/scanning.ts';
import type { ScanRequest } from '../../../ports/scanner.ts';

// eSCL (Mopria "AirScan") XML: ScannerCapabilities in, ScanSettings out. Namespaces differ in prefix
// between vendors (scan:, pwg:, or defaults), so prefixes are dropped and elements are found by local name.

const parser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, isArray: () => true });

type Node = Record<string, unknown>;

function all(node: unknown, name: string): unknown[] {
  if (Array.isArray(node)) return node.flatMap((child) => all(child, name));
  if (typeof node !== 'object' || node === null) return [];
  const own: unknown = (node as Node)[name];
  return [...(Array.isArray(own) ? (own as unknown[]) : own === undefined ? [] : [own]), ...Object.entries(node as Node).filter(([key]) => key !== name).flatMap(([, child]) => all(child, name))];
}

const texts = (node: unknown, name: string): string[] => all(node, name).map((value) => (typeof value === 'string' ? value : '')).filter(Boolean);

export type EsclCapabilities = Readonly<{
  makeAndModel: string;
  sources: ScanSource[];
  duplex: boolean;
  modes: ScanMode[];
  resolutions: number[];
  formats: string[];
}>;

const MODE_OF: Readonly<Record<string, ScanMode>> = { RGB24: 'colour', RGB48: 'colour', Grayscale8: 'grey', Grayscale16: 'grey', BlackAndWhite1: 'lineart' };
export const ESCL_MODE: Readonly<Record<ScanMode, string>> = { colour: 'RGB24', grey: 'Grayscale8', lineart: 'BlackAndWhite1' };

export function parseCapabilities(xml: string): EsclCapabilities {
  const doc = parser.parse(xml) as unknown;
  const root = all(doc, 'ScannerCapabilities')[0];
  if (root === undefined) throw new Error('not an eSCL ScannerCapabilities document');
  const platen = all(root, 'Platen')[0];
  const adf = all(root, 'Adf')[0];
  const sources: ScanSource[] = [];
  if (platen !== undefined) sources.push('flatbed');
  if (adf !== undefined) sources.push('feeder');
  const modes = [...new Set(texts(root, 'ColorMode').map((mode) => MODE_OF[mode]).filter((mode): mode is ScanMode => mode !== undefined))];
  const resolutions = [...new Set(texts(root, 'XResolution').map(Number).filter((dpi) => Number.isInteger(dpi) && dpi > 0))].sort((a, b) => a - b);
  return {
    makeAndModel: texts(root, 'MakeAndModel')[0] ?? 'eSCL scanner',
    sources,
    duplex: adf !== undefined && all(adf, 'AdfDuplexInputCaps').length > 0,
    modes,
    resolutions,
    formats: [...new Set([...texts(root, 'DocumentFormat'), ...texts(root, 'DocumentFormatExt')])],
  };
}

export function capabilitiesToInfo(id: string, name: string, caps: EsclCapabilities): ScannerInfo {
  return { id, backend: 'escl', name: name || caps.makeAndModel, sources: caps.sources, duplex: caps.duplex, modes: caps.modes, resolutions: caps.resolutions };
}

/** The job's settings: the whole A4 page in 1/300 inch (eSCL's unit), JPEG pages (every eSCL device has them). */
export function scanSettingsXml(request: Pick<ScanRequest, 'source' | 'duplex' | 'dpi' | 'mode'>, format: string): string {
  const inputSource = request.source === 'feeder' ? 'Feeder' : 'Platen';
  return `<?xml version="1.0" encoding="UTF-8"?>
<scan:ScanSettings xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:Version>2.6</pwg:Version>
  <scan:Intent>Document</scan:Intent>
  <pwg:ScanRegions>
    <pwg:ScanRegion>
      <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>
      <pwg:XOffset>0</pwg:XOffset>
      <pwg:YOffset>0</pwg:YOffset>
      <pwg:Width>2480</pwg:Width>
      <pwg:Height>3508</pwg:Height>
    </pwg:ScanRegion>
  </pwg:ScanRegions>
  <pwg:InputSource>${inputSource}</pwg:InputSource>
  <scan:ColorMode>${ESCL_MODE[request.mode]}</scan:ColorMode>
  <scan:XResolution>${request.dpi}</scan:XResolution>
  <scan:YResolution>${request.dpi}</scan:YResolution>
  <pwg:DocumentFormat>${format}</pwg:DocumentFormat>
  <scan:DocumentFormatExt>${format}</scan:DocumentFormatExt>
  ${request.source === 'feeder' ? `<scan:Duplex>${request.duplex}</scan:Duplex>` : ''}
</scan:ScanSettings>
`;
}

/** The scanner's status document: Idle / Processing / Stopped, and the feeder's state when it has one. */
export function parseStatus(xml: string): { state: string; adfState: string | null } {
  const doc = parser.parse(xml) as unknown;
  return { state: texts(doc, 'State')[0] ?? 'Unknown', adfState: texts(doc, 'AdfState')[0] ?? null };
}
