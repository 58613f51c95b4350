export type SniffedType = 'pdf' | 'jpeg' | 'png' | 'tiff';

export type Sniffed = Readonly<{ type: SniffedType }> | Readonly<{ type: null; looksLike: string }>;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(head: Uint8Array, bytes: readonly number[], at = 0): boolean {
  return bytes.every((byte, index) => head[at + index] === byte);
}

/**
 * What a file is, from its first bytes, never from its name: a renamed program or a document saved under
 * the wrong extension is recognised for what it is. PDF readers accept the header within the first 1 KiB
 * (some scanners write a few bytes before it), so that is allowed too.
 */
export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { type: 'jpeg' };
  if (startsWith(head, PNG)) return { type: 'png' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return { type: 'tiff' };
  const text = Buffer.from(head.subarray(0, 1024)).toString('latin1');
  if (text.includes('%PDF-')) return { type: 'pdf' };
  if (startsWith(head, [0x4d, 0x5a])) return { type: null, looksLike: 'a Windows program (MZ)' };
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return { type: null, looksLike: 'a Linux program (ELF)' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { type: null, looksLike: 'a ZIP archive (or an Office document)' };
  return { type: null, looksLike: 'unknown content' };
}
