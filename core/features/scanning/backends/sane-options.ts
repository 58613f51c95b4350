import type { ScanMode, ScannerInfo, ScanSource } from '../../../../shared/contract/scanning.ts';

/** Resolutions offered when a device states a range: what document scanning uses. */
const COMMON_DPI = [75, 100, 150, 200, 240, 300, 400, 600];

export type SaneOptionNames = Readonly<{
  /** The device's own names for what the contract calls source/duplex and mode. */
  sources: Readonly<Partial<Record<ScanSource | 'duplex', string>>>;
  modes: Readonly<Partial<Record<ScanMode, string>>>;
  resolutions: number[];
}>;

function choices(help: string, option: string): string[] | null {
  // e.g. "    --source Flatbed|Automatic Document Feeder [Flatbed]" (inactive options are still listed).
  const line = new RegExp(`^\\s+--${option} (.+?) \\[[^\\]]*\\]\\s*$`, 'm').exec(help);
  return line?.[1] ? line[1].split('|').map((choice) => choice.trim()) : null;
}

/**
 * Reads `scanimage --help -d DEVICE`. Drivers name things differently ("ADF", "Automatic Document Feeder",
 * "ADF Duplex", "Duplex"; "Color", "Colour", "Gray", "Grayscale", "Lineart", "Binary"), so names are matched
 * loosely and the device's own spelling is kept for the command line.
 */
export function parseSaneHelp(help: string): SaneOptionNames {
  const sources: Partial<Record<ScanSource | 'duplex', string>> = {};
  for (const source of choices(help, 'source') ?? []) {
    if (/duplex/i.test(source)) sources.duplex ??= source;
    else if (/adf|feeder/i.test(source)) sources.feeder ??= source;
    else if (/flatbed|normal/i.test(source)) sources.flatbed ??= source;
  }
  // A device without a --source option is a flatbed.
  if (choices(help, 'source') === null) sources.flatbed = '';
  const modes: Partial<Record<ScanMode, string>> = {};
  for (const mode of choices(help, 'mode') ?? []) {
    if (/^colou?r$/i.test(mode)) modes.colour ??= mode;
    else if (/gr[ae]y/i.test(mode)) modes.grey ??= mode;
    else if (/lineart|binary|black/i.test(mode)) modes.lineart ??= mode;
  }
  // "--resolution 1..1200dpi (in steps of 1) [300]" or "--resolution 75|150|300dpi [150]".
  const resolution = (/^\s+--resolution (\S+)/m.exec(help)?.[1] ?? '').replace(/dpi$/, '');
  let resolutions: number[];
  const range = /^(\d+)\.\.(\d+)/.exec(resolution);
  if (range) resolutions = COMMON_DPI.filter((dpi) => dpi >= Number(range[1]) && dpi <= Number(range[2]));
  else resolutions = resolution.split('|').map(Number).filter((dpi) => Number.isInteger(dpi) && dpi > 0);
  return { sources, modes, resolutions: resolutions.sort((a, b) => a - b) };
}

export function saneInfo(id: string, name: string, names: SaneOptionNames): ScannerInfo {
  const sources: ScanSource[] = [];
  if (names.sources.flatbed !== undefined) sources.push('flatbed');
  if (names.sources.feeder !== undefined || names.sources.duplex !== undefined) sources.push('feeder');
  // Lineart is always offered: a grey scan is thresholded by the pipeline when the device has no such mode.
  const modes: ScanMode[] = ['colour', 'grey', 'lineart'].filter((mode) => mode === 'lineart' || names.modes[mode as ScanMode] !== undefined) as ScanMode[];
  return { id, backend: 'sane', name, sources, duplex: names.sources.duplex !== undefined, modes, resolutions: names.resolutions };
}
