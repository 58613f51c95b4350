import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, test } from 'vitest';
import { sniff } from '../documents/sniff.ts';
import { parseCapabilities, parseStatus, scanSettingsXml } from './backends/escl-xml.ts';
import { parseSaneHelp, saneInfo } from './backends/sane-options.ts';
import { decodeRawPage } from './pipeline/decode.ts';
import { jpegInfo } from './pipeline/jpeg-info.ts';
import { looksBlank, normalisePage } from './pipeline/normalise.ts';
import { applyOrientation } from './pipeline/orientation.ts';
import { preparePages } from './pipeline/pages.ts';
import { decodePnm, type Raster } from './pipeline/raster.ts';

function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload, jpeg.subarray(2)]);
}

/** 60 × 30, left half black: turned a quarter, the black half must end up on top (orientation 6 = 90° clockwise). */
function halfBlack(): Buffer {
  const canvas = createCanvas(60, 30);
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, 60, 30);
  context.fillStyle = '#000';
  context.fillRect(0, 0, 30, 30);
  return canvas.encodeSync('jpeg', 95);
}

const greyAt = (raster: Raster, x: number, y: number) => raster.data[(y * raster.width + x) * raster.channels]!;

describe('page pipeline', () => {
  test('a JPEG with EXIF orientation 6 is decoded upright (Skia applies it), and its header is read', async () => {
    const jpeg = withExifOrientation(halfBlack(), 6);
    expect(jpegInfo(jpeg)).toMatchObject({ width: 60, height: 30, components: 3, bits: 8, orientation: 6 });
    const [upright] = await decodeRawPage({ format: 'jpeg', bytes: jpeg, dpi: 200 }, 10);
    expect([upright!.width, upright!.height]).toEqual([30, 60]);
    expect(greyAt(upright!, 15, 5)).toBeLessThan(60); // top: the black half
    expect(greyAt(upright!, 15, 55)).toBeGreaterThan(200);
    // A rotated JPEG is never kept as delivered: it is re-encoded upright.
    const [page] = await Promise.all(await preparePages({ format: 'jpeg', bytes: jpeg, dpi: 200 }, 'colour', 10));
    expect([page!.width, page!.height]).toEqual([30, 60]);
  });

  test('TIFF-style orientations (mirrors and quarter turns) map every pixel', () => {
    const raster: Raster = { width: 3, height: 2, channels: 1, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
    expect(Array.from(applyOrientation(raster, 3).data)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(applyOrientation(raster, 6)).toMatchObject({ width: 2, height: 3, data: Uint8Array.from([4, 1, 5, 2, 6, 3]) });
    expect(applyOrientation(raster, 8)).toMatchObject({ width: 2, height: 3, data: Uint8Array.from([3, 6, 2, 5, 1, 4]) });
  });

  test('PNM from scanimage: grey with a comment, 1-bit, RGB', () => {
    const grey = decodePnm(Buffer.concat([Buffer.from('P5\n# SANE data follows\n2 1\n255\n', 'latin1'), Buffer.from([10, 250])]));
    expect(grey).toMatchObject({ width: 2, height: 1, channels: 1 });
    expect(Array.from(grey.data)).toEqual([10, 250]);
    expect(decodePnm(Buffer.concat([Buffer.from('P4\n3 1\n', 'latin1'), Buffer.from([0b10100000])])).data).toEqual(Uint8Array.from([0, 255, 0]));
    expect(decodePnm(Buffer.concat([Buffer.from('P6 1 1 255\n', 'latin1'), Buffer.from([1, 2, 3])])).data).toEqual(Uint8Array.from([1, 2, 3, 255]));
    expect(() => decodePnm(Buffer.from('P5\n100 100\n255\nshort', 'latin1'))).toThrow(/truncated/);
  });

  test('blank pages: white and near-white with scanner-edge shadow are blank; a short line of ink is not', async () => {
    const page = (draw?: (context: ReturnType<ReturnType<typeof createCanvas>['getContext']>) => void): Raster => {
      const canvas = createCanvas(850, 1100);
      const context = canvas.getContext('2d');
      context.fillStyle = '#f4f4f4';
      context.fillRect(0, 0, 850, 1100);
      context.fillStyle = '#333';
      context.fillRect(0, 0, 12, 1100); // the feeder's edge shadow, inside the ignored margin
      draw?.(context);
      const pixels = context.getImageData(0, 0, 850, 1100).data;
      return { width: 850, height: 1100, channels: 4, data: new Uint8Array(pixels.buffer) };
    };
    const toGreyRaster = (raster: Raster) => decodePnm(Buffer.concat([Buffer.from(`P5 ${raster.width} ${raster.height} 255\n`, 'latin1'), Buffer.from(raster.data.filter((_, index) => index % 4 === 0))]));
    expect(looksBlank(toGreyRaster(page()))).toBe(true);
    expect(looksBlank(toGreyRaster(page((context) => context.fillRect(200, 500, 300, 6))))).toBe(false);
    const flagged = await normalisePage(page(), 'grey', 100);
    expect(flagged).toMatchObject({ blank: true, format: 'jpeg' });
    expect((await normalisePage(page((context) => context.fillRect(100, 100, 600, 40)), 'lineart', 100)).format).toBe('png');
  });

  test('content sniffing ignores names: PDF (also after a few leading bytes), JPEG, PNG, TIFF, and programs refused', () => {
    expect(sniff(Buffer.from('%PDF-1.7\n'))).toEqual({ type: 'pdf' });
    expect(sniff(Buffer.from('\r\n\r\n%PDF-1.4\n'))).toEqual({ type: 'pdf' });
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ type: 'jpeg' });
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({ type: 'png' });
    expect(sniff(Buffer.from('II*\0'))).toEqual({ type: 'tiff' });
    expect(sniff(Buffer.from('MM\0*'))).toEqual({ type: 'tiff' });
    expect(sniff(Buffer.from('MZ\x90\0'))).toMatchObject({ type: null, looksLike: 'a Windows program (MZ)' });
    expect(sniff(Buffer.from('\x7fELF'))).toMatchObject({ type: null });
  });
});

describe('scanner option vocabularies', () => {
  test('SANE drivers name sources and modes differently; duplex feeders are recognised', () => {
    const help = `
Options specific to device 'fujitsu:fi-7160':
    --source ADF Front|ADF Back|ADF Duplex [ADF Front]
        Selects the scan source.
    --mode Lineart|Halftone|Gray|Color [Lineart]
        Selects the scan mode.
    --resolution 50..600dpi (in steps of 1) [600]
`;
    const names = parseSaneHelp(help);
    expect(names).toEqual({ sources: { feeder: 'ADF Front', duplex: 'ADF Duplex' }, modes: { lineart: 'Lineart', grey: 'Gray', colour: 'Color' }, resolutions: [75, 100, 150, 200, 240, 300, 400, 600] });
    expect(saneInfo('fujitsu:fi-7160', 'Fujitsu fi-7160', names)).toMatchObject({ sources: ['feeder'], duplex: true, modes: ['colour', 'grey', 'lineart'] });
    expect(parseSaneHelp('    --mode Color|Gray [Color]\n    --resolution 75|150|300dpi [150]\n')).toMatchObject({ sources: { flatbed: '' }, resolutions: [75, 150, 300] });
  });

  test('eSCL capabilities from a vendor with default namespaces and no feeder; status and settings XML', () => {
    const caps = parseCapabilities(`<?xml version="1.0"?>
<ScannerCapabilities xmlns="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm">
  <pwg:MakeAndModel>Canon TS5300</pwg:MakeAndModel>
  <Platen><PlatenInputCaps><SettingProfiles><SettingProfile>
    <ColorModes><ColorMode>RGB24</ColorMode><ColorMode>Grayscale8</ColorMode></ColorModes>
    <DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat></DocumentFormats>
    <SupportedResolutions><DiscreteResolutions><DiscreteResolution><XResolution>300</XResolution><YResolution>300</YResolution></DiscreteResolution><DiscreteResolution><XResolution>150</XResolution><YResolution>150</YResolution></DiscreteResolution></DiscreteResolutions></SupportedResolutions>
  </SettingProfile></SettingProfiles></PlatenInputCaps></Platen>
</ScannerCapabilities>`);
    expect(caps).toEqual({ makeAndModel: 'Canon TS5300', sources: ['flatbed'], duplex: false, modes: ['colour', 'grey'], resolutions: [150, 300], formats: ['image/jpeg'] });
    expect(() => parseCapabilities('<html></html>')).toThrow(/not an eSCL/);
    expect(parseStatus('<scan:ScannerStatus xmlns:scan="x" xmlns:pwg="y"><pwg:State>Idle</pwg:State><scan:AdfState>ScannerAdfEmpty</scan:AdfState></scan:ScannerStatus>')).toEqual({ state: 'Idle', adfState: 'ScannerAdfEmpty' });
    const settings = scanSettingsXml({ source: 'feeder', duplex: true, dpi: 300, mode: 'lineart' }, 'image/jpeg');
    expect(settings).toContain('<pwg:InputSource>Feeder</pwg:InputSource>');
    expect(settings).toContain('<scan:ColorMode>BlackAndWhite1</scan:ColorMode>');
    expect(settings).toContain('<scan:Duplex>true</scan:Duplex>');
  });
});
