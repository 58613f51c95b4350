import dgram from 'node:dgram';
import { decodeMessage, encodeResponse, RR, type Question, type ResourceRecord } from '../../core/features/scanning/discovery/dns-wire.ts';

/** One DNS-SD service instance the responder announces (RFC 6763): PTR → SRV + TXT, host → A. */
export type AnnouncedService = Readonly<{
  /** Instance label, e.g. "Máy quét tầng 1" (UTF-8, as DNS-SD allows). */
  label: string;
  type: '_uscan._tcp.local' | '_uscans._tcp.local';
  host: string;
  address: string;
  port: number;
  /** TXT key=value strings, in order. */
  txt: readonly string[];
}>;

export type MdnsResponder = Readonly<{
  /** Where the browse sends its questions instead of 224.0.0.251:5353 (see below). */
  port: number;
  /** Every question received, as `TYPE name` (PTR, SRV, TXT, A), and whether unicast replies were asked for. */
  questions: { text: string; unicastResponse: boolean }[];
  close(): Promise<void>;
}>;

const TYPE_NAMES: Readonly<Record<number, string>> = { [RR.PTR]: 'PTR', [RR.SRV]: 'SRV', [RR.TXT]: 'TXT', [RR.A]: 'A', [RR.AAAA]: 'AAAA', [RR.ANY]: 'ANY' };

/**
 * An mDNS responder (RFC 6762) for tests, answering real DNS query packets with real response packets.
 * It listens on 127.0.0.1 on a free port rather than joining 224.0.0.251:5353: a test container has no
 * multicast route (and port 5353 may be taken by the machine's own responder), so the browse is pointed at
 * this unicast address through its transport port. Nothing else differs: it answers a one-shot query by
 * unicast to the querier's port, as a responder on the network does for a query not sent from port 5353.
 * `additionals: false` answers only what was asked, so the browser must ask for SRV, TXT and A itself.
 */
export async function startMdnsResponder(services: readonly AnnouncedService[], options: Readonly<{ additionals?: boolean; noise?: boolean }> = {}): Promise<MdnsResponder> {
  const socket = dgram.createSocket('udp4');
  const questions: { text: string; unicastResponse: boolean }[] = [];
  const instance = (service: AnnouncedService) => `${service.label}.${service.type}`;
  const srv = (service: AnnouncedService): ResourceRecord => ({ type: RR.SRV, name: instance(service), ttl: 120, priority: 0, weight: 0, port: service.port, target: service.host });
  const txt = (service: AnnouncedService): ResourceRecord => ({ type: RR.TXT, name: instance(service), ttl: 4500, entries: service.txt });
  const a = (service: AnnouncedService): ResourceRecord => ({ type: RR.A, name: service.host, ttl: 120, address: service.address });

  function answer(question: Question): { answers: ResourceRecord[]; additionals: ResourceRecord[] } {
    const name = question.name.toLowerCase();
    const answers: ResourceRecord[] = [];
    const additionals: ResourceRecord[] = [];
    for (const service of services) {
      if (question.type === RR.PTR && name === service.type) {
        answers.push({ type: RR.PTR, name: service.type, ttl: 4500, target: instance(service) });
        if (options.additionals !== false) additionals.push(srv(service), txt(service), a(service));
      }
      if (name === instance(service).toLowerCase() && (question.type === RR.SRV || question.type === RR.ANY)) answers.push(srv(service));
      if (name === instance(service).toLowerCase() && (question.type === RR.TXT || question.type === RR.ANY)) answers.push(txt(service));
      if (name === service.host.toLowerCase() && question.type === RR.A) answers.push(a(service));
    }
    return { answers, additionals };
  }

  socket.on('message', (packet, from) => {
    let message;
    try {
      message = decodeMessage(packet);
    } catch {
      return;
    }
    if (message.response) return;
    const answers: ResourceRecord[] = [];
    const additionals: ResourceRecord[] = [];
    for (const question of message.questions) {
      questions.push({ text: `${TYPE_NAMES[question.type] ?? question.type} ${question.name}`, unicastResponse: question.unicastResponse ?? false });
      const found = answer(question);
      answers.push(...found.answers);
      additionals.push(...found.additionals);
    }
    // Another device's chatter on the link: a response about something else, and a packet that is not DNS.
    if (options.noise) {
      socket.send(encodeResponse([{ type: RR.PTR, name: '_ipp._tcp.local', ttl: 4500, target: 'Máy in._ipp._tcp.local' }]), from.port, from.address);
      socket.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]), from.port, from.address);
    }
    if (answers.length > 0) socket.send(encodeResponse(answers, additionals), from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    questions,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
