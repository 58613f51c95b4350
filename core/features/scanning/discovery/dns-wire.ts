/**
 * The DNS message format (RFC 1035 §4) as Multicast DNS uses it (RFC 6762): enough to ask for and read
 * DNS-SD service records (PTR, SRV, TXT, A, AAAA). Names are written uncompressed (allowed everywhere) and
 * read with compression pointers; every length is checked against the packet, and pointer loops are cut.
 */
export const RR = { A: 1, PTR: 12, TXT: 16, AAAA: 28, SRV: 33, ANY: 255 } as const;
const CLASS_IN = 1;
/** Top bit of a question's class: "answer me by unicast" (RFC 6762 §5.4); of a record's class: cache-flush. */
const TOP_BIT = 0x8000;

export type Question = Readonly<{ name: string; type: number; unicastResponse?: boolean }>;

export type ResourceRecord = Readonly<
  | { type: typeof RR.PTR; name: string; ttl: number; target: string }
  | { type: typeof RR.SRV; name: string; ttl: number; priority: number; weight: number; port: number; target: string }
  | { type: typeof RR.TXT; name: string; ttl: number; entries: readonly string[] }
  | { type: typeof RR.A | typeof RR.AAAA; name: string; ttl: number; address: string }
  | { type: number; name: string; ttl: number; other: true }
>;

export type DnsMessage = Readonly<{
  id: number;
  response: boolean;
  questions: readonly Question[];
  answers: readonly ResourceRecord[];
  authorities: readonly ResourceRecord[];
  additionals: readonly ResourceRecord[];
}>;

export class DnsFormatError extends Error {
  override readonly name = 'DnsFormatError';
}

function encodeName(name: string): Buffer {
  const parts: Buffer[] = [];
  for (const label of name.replace(/\.$/, '').split('.')) {
    const bytes = Buffer.from(label, 'utf8');
    if (bytes.length === 0 || bytes.length > 63) throw new DnsFormatError(`Bad DNS label in ${name.slice(0, 100)}`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function header(id: number, flags: number, counts: readonly [number, number, number, number]): Buffer {
  const buffer = Buffer.alloc(12);
  buffer.writeUInt16BE(id, 0);
  buffer.writeUInt16BE(flags, 2);
  counts.forEach((count, index) => buffer.writeUInt16BE(count, 4 + index * 2));
  return buffer;
}

/** A query (mDNS uses id 0 and no flags); `unicastResponse` asks responders to answer the sender directly. */
export function encodeQuery(questions: readonly Question[], id = 0): Buffer {
  const body = questions.map((question) => {
    const fixed = Buffer.alloc(4);
    fixed.writeUInt16BE(question.type, 0);
    fixed.writeUInt16BE(CLASS_IN | (question.unicastResponse ? TOP_BIT : 0), 2);
    return Buffer.concat([encodeName(question.name), fixed]);
  });
  return Buffer.concat([header(id, 0, [questions.length, 0, 0, 0]), ...body]);
}

function encodeRecord(record: ResourceRecord): Buffer {
  let data: Buffer;
  if ('target' in record && record.type === RR.PTR) data = encodeName(record.target);
  else if ('port' in record) {
    const fixed = Buffer.alloc(6);
    fixed.writeUInt16BE(record.priority, 0);
    fixed.writeUInt16BE(record.weight, 2);
    fixed.writeUInt16BE(record.port, 4);
    data = Buffer.concat([fixed, encodeName(record.target)]);
  } else if ('entries' in record) {
    data = Buffer.concat(record.entries.flatMap((entry) => {
      const bytes = Buffer.from(entry, 'utf8');
      if (bytes.length > 255) throw new DnsFormatError('A TXT string is longer than 255 bytes');
      return [Buffer.from([bytes.length]), bytes];
    }));
  } else if ('address' in record && record.type === RR.A) data = Buffer.from(record.address.split('.').map(Number));
  else throw new DnsFormatError(`Cannot write a record of type ${record.type}`);
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(record.type, 0);
  // Shared records (PTR) never carry cache-flush; unique ones (SRV, TXT, A) do (RFC 6762 §10.2).
  fixed.writeUInt16BE(CLASS_IN | (record.type === RR.PTR ? 0 : TOP_BIT), 2);
  fixed.writeUInt32BE(record.ttl, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([encodeName(record.name), fixed, data]);
}

/** An authoritative response (QR and AA set), as a responder sends it. */
export function encodeResponse(answers: readonly ResourceRecord[], additionals: readonly ResourceRecord[] = [], id = 0): Buffer {
  return Buffer.concat([header(id, 0x8400, [0, answers.length, 0, additionals.length]), ...answers.map(encodeRecord), ...additionals.map(encodeRecord)]);
}

/** Reads a possibly compressed name at `offset`; returns it and where the data after it starts. */
function readName(packet: Buffer, start: number): { name: string; next: number } {
  const labels: string[] = [];
  let offset = start;
  let next = -1;
  for (let jumps = 0; ; ) {
    if (offset >= packet.length) throw new DnsFormatError('A name runs past the end of the packet');
    const length = packet[offset]!;
    if (length === 0) {
      if (next < 0) next = offset + 1;
      break;
    }
    if ((length & 0xc0) === 0xc0) {
      if (offset + 1 >= packet.length) throw new DnsFormatError('A compression pointer runs past the end');
      if (next < 0) next = offset + 2;
      if (++jumps > 32) throw new DnsFormatError('Too many compression pointers (a loop)');
      offset = ((length & 0x3f) << 8) | packet[offset + 1]!;
      continue;
    }
    if ((length & 0xc0) !== 0) throw new DnsFormatError('An unknown label type');
    if (offset + 1 + length > packet.length) throw new DnsFormatError('A label runs past the end of the packet');
    labels.push(packet.toString('utf8', offset + 1, offset + 1 + length));
    offset += 1 + length;
    if (labels.length > 128) throw new DnsFormatError('A name with too many labels');
  }
  return { name: labels.join('.'), next };
}

function ipv6(bytes: Buffer): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  return groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::').replace(/:{3,}/, '::');
}

function readRecord(packet: Buffer, start: number): { record: ResourceRecord; next: number } {
  const { name, next: afterName } = readName(packet, start);
  if (afterName + 10 > packet.length) throw new DnsFormatError('A record header runs past the end');
  const type = packet.readUInt16BE(afterName);
  const ttl = packet.readUInt32BE(afterName + 4);
  const length = packet.readUInt16BE(afterName + 8);
  const at = afterName + 10;
  const end = at + length;
  if (end > packet.length) throw new DnsFormatError('Record data runs past the end');
  const data = packet.subarray(at, end);
  let record: ResourceRecord;
  if (type === RR.PTR) record = { type, name, ttl, target: readName(packet, at).name };
  else if (type === RR.SRV) {
    if (length < 7) throw new DnsFormatError('A short SRV record');
    record = { type, name, ttl, priority: data.readUInt16BE(0), weight: data.readUInt16BE(2), port: data.readUInt16BE(4), target: readName(packet, at + 6).name };
  } else if (type === RR.TXT) {
    const entries: string[] = [];
    for (let offset = 0; offset < data.length; ) {
      const size = data[offset]!;
      if (offset + 1 + size > data.length) throw new DnsFormatError('A TXT string runs past its record');
      if (size > 0) entries.push(data.toString('utf8', offset + 1, offset + 1 + size));
      offset += 1 + size;
    }
    record = { type, name, ttl, entries };
  } else if (type === RR.A && length === 4) record = { type, name, ttl, address: [...data].join('.') };
  else if (type === RR.AAAA && length === 16) record = { type, name, ttl, address: ipv6(data) };
  else record = { type, name, ttl, other: true };
  return { record, next: end };
}

export function decodeMessage(packet: Buffer): DnsMessage {
  if (packet.length < 12) throw new DnsFormatError('Shorter than a DNS header');
  const counts = [4, 6, 8, 10].map((offset) => packet.readUInt16BE(offset)) as [number, number, number, number];
  let offset = 12;
  const questions: Question[] = [];
  for (let i = 0; i < counts[0]; i += 1) {
    const { name, next } = readName(packet, offset);
    if (next + 4 > packet.length) throw new DnsFormatError('A question runs past the end');
    questions.push({ name, type: packet.readUInt16BE(next), unicastResponse: (packet.readUInt16BE(next + 2) & TOP_BIT) !== 0 });
    offset = next + 4;
  }
  const sections: ResourceRecord[][] = [[], [], []];
  for (const [index, count] of counts.slice(1).entries()) {
    for (let i = 0; i < count; i += 1) {
      const { record, next } = readRecord(packet, offset);
      sections[index]!.push(record);
      offset = next;
    }
  }
  return { id: packet.readUInt16BE(0), response: (packet.readUInt16BE(2) & 0x8000) !== 0, questions, answers: sections[0]!, authorities: sections[1]!, additionals: sections[2]! };
}
