import dgram from 'node:dgram';
import { decodeMessage, encodeQuery, RR, type Question, type ResourceRecord } from './dns-wire.ts';


/** A socket that sends DNS messages and hands every packet it receives to `onPacket`. */
export type MdnsSocket = Readonly<{ send(packet: Buffer): Promise<void>; close(): void }>;
/** Opens one for the duration of a browse: the port tests drive (a unicast responder on 127.0.0.1). */
export type MdnsTransport = (onPacket: (packet: Buffer) => void) => Promise<MdnsSocket>;

/**
 * One-shot queries (RFC 6762 §5.1) from an ephemeral UDP port, sent to `target` (the mDNS group by default):
 * responders answer a query that does not come from port 5353 by unicast to its source, so the counter needs
 * neither port 5353 nor group membership (often taken by the OS's own responder, or refused on managed PCs).
 */
export function udpTransport(target: Readonly<{ address: string; port: number }> = { address: '224.0.0.251', port: 5353 }): MdnsTransport {
  return (onPacket) =>
    new Promise((resolve, reject) => {
      const socket = dgram.createSocket({ type: 'udp4' });
      socket.once('error', reject);
      socket.on('message', (packet) => onPacket(packet));
      socket.bind(0, () => {
        socket.off('error', reject);
        socket.on('error', () => undefined); // an ICMP "unreachable" for one send must not end the browse
        resolve({
          send: (packet) => new Promise<void>((done) => socket.send(packet, target.port, target.address, () => done())),
          close: () => {
            try {
              socket.close();
            } catch {
              // already closed
            }
          },
        });
      });
    });
}

/** eSCL over HTTP and over HTTPS (Mopria eSCL, "Bonjour/mDNS"). */
export const ESCL_SERVICE_TYPES = ['_uscan._tcp.local', '_uscans._tcp.local'] as const;

/** An eSCL scanner as it announced itself: its eSCL root and the TXT keys of the Mopria specification. */
export type DiscoveredEscl = Readonly<{
  /** The DNS-SD instance name, e.g. `HP LaserJet MFP M428 [0A1B2C]._uscan._tcp.local`. */
  instance: string;
  secure: boolean;
  /** `ty`: the model as the device names itself; the instance label when absent. */
  name: string;
  /** `UUID`, lower case; null when the device gives none. */
  uuid: string | null;
  /** `http(s)://<address>:<port>/<rs>`. */
  url: string;
  /** `pdl` (formats), `cs` (colour spaces), `is` (input sources: platen, adf, camera), `duplex` (T/F). */
  formats: readonly string[];
  colourSpaces: readonly string[];
  inputSources: readonly string[];
  duplex: boolean | null;
}>;

/** Keyed by the lower-case name (DNS compares names without case); `name` keeps the case it was announced in. */
type Found = { name: string; srv?: { target: string; port: number }; txt?: Record<string, string> };

function txtMap(entries: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const equals = entry.indexOf('=');
    const key = (equals < 0 ? entry : entry.slice(0, equals)).toLowerCase();
    // RFC 6763 §6.4: keys are case-insensitive; the first occurrence wins.
    if (key && !(key in map)) map[key] = equals < 0 ? '' : entry.slice(equals + 1);
  }
  return map;
}

const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
const lower = (name: string) => name.toLowerCase().replace(/\.$/, '');

function serviceOf(instance: string): (typeof ESCL_SERVICE_TYPES)[number] | null {
  return ESCL_SERVICE_TYPES.find((type) => lower(instance).endsWith(`.${type}`)) ?? null;
}

/**
 * Asks for eSCL scanners for at most `timeoutMs`: PTR questions for both service types, then SRV/TXT for
 * instances announced without them and A/AAAA for hosts without an address. Ends early once every instance
 * is complete and the network has been quiet for `quietMs`. Malformed packets are ignored.
 */
export async function browseEscl(transport: MdnsTransport, options: Readonly<{ timeoutMs: number; quietMs?: number }>): Promise<DiscoveredEscl[]> {
  const quietMs = options.quietMs ?? 300;
  const instances = new Map<string, Found>();
  const addresses = new Map<string, { v4?: string; v6?: string }>();
  const asked = new Set<string>();
  let socket: MdnsSocket | null = null;
  let lastPacketAt = Date.now();

  const ask = (questions: Question[]) => {
    const fresh = questions.filter((question) => !asked.has(`${question.type} ${lower(question.name)}`));
    for (const question of fresh) asked.add(`${question.type} ${lower(question.name)}`);
    if (fresh.length > 0 && socket) void socket.send(encodeQuery(fresh.map((question) => ({ ...question, unicastResponse: true }))));
  };

  const learn = (record: ResourceRecord) => {
    const name = lower(record.name);
    if (record.type === RR.PTR && 'target' in record && (ESCL_SERVICE_TYPES as readonly string[]).includes(name) && serviceOf(record.target)) {
      if (!instances.has(lower(record.target))) instances.set(lower(record.target), { name: record.target.replace(/\.$/, '') });
    } else if (record.type === RR.SRV && 'port' in record && serviceOf(name)) {
      const found = instances.get(name) ?? { name: record.name.replace(/\.$/, '') };
      found.srv = { target: lower(record.target), port: record.port };
      instances.set(name, found);
    } else if (record.type === RR.TXT && 'entries' in record && serviceOf(name)) {
      const found = instances.get(name) ?? { name: record.name.replace(/\.$/, '') };
      found.txt = txtMap(record.entries);
      instances.set(name, found);
    } else if ((record.type === RR.A || record.type === RR.AAAA) && 'address' in record) {
      const known = addresses.get(name) ?? {};
      if (record.type === RR.A) known.v4 ??= record.address;
      else known.v6 ??= record.address;
      addresses.set(name, known);
    }
  };

  const complete = (found: Found) => found.srv !== undefined && found.txt !== undefined && addresses.has(found.srv.target);

  const followUp = () => {
    const questions: Question[] = [];
    for (const found of instances.values()) {
      if (!found.srv) questions.push({ name: found.name, type: RR.SRV });
      if (!found.txt) questions.push({ name: found.name, type: RR.TXT });
      if (found.srv && !addresses.has(found.srv.target)) questions.push({ name: found.srv.target, type: RR.A });
    }
    ask(questions);
  };

  socket = await transport((packet) => {
    let message;
    try {
      message = decodeMessage(packet);
    } catch {
      return; // not DNS, or damaged: another device's problem
    }
    if (!message.response) return;
    lastPacketAt = Date.now();
    for (const record of [...message.answers, ...message.additionals]) learn(record);
    followUp();
  });
  try {
    ask(ESCL_SERVICE_TYPES.map((name) => ({ name, type: RR.PTR })));
    const started = Date.now();
    while (Date.now() - started < options.timeoutMs) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const all = [...instances.values()];
      if (all.length > 0 && all.every(complete) && Date.now() - lastPacketAt >= quietMs) break;
    }
  } finally {
    socket.close();
  }

  const found: DiscoveredEscl[] = [];
  for (const entry of instances.values()) {
    if (!complete(entry)) continue;
    const instance = entry.name;
    const { srv, txt } = entry as Required<Found>;
    const address = addresses.get(srv.target)!;
    const host = address.v4 ?? `[${address.v6!}]`;
    const secure = serviceOf(instance) === '_uscans._tcp.local';
    const root = (txt.rs ?? 'eSCL').replace(/^\/+|\/+$/g, '');
    const label = instance.slice(0, instance.length - (serviceOf(instance)!.length + 1));
    found.push({
      instance,
      secure,
      name: txt.ty?.trim() || label,
      uuid: txt.uuid ? txt.uuid.toLowerCase() : null,
      url: `${secure ? 'https' : 'http'}://${host}:${srv.port}/${root}`,
      formats: list(txt.pdl),
      colourSpaces: list(txt.cs),
      inputSources: list(txt.is),
      duplex: txt.duplex === undefined ? null : txt.duplex.toUpperCase() === 'T',
    });
  }
  return found;
}
