import fs from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Sql } from '../db/sql.ts';
import { createAgency, findAgencyByCode, listAgencies, type Agency } from '../features/agencies/repo.ts';
import { createBackofficeKey } from '../features/backoffice/keys.ts';
import { hashPassword } from '../features/clerks/password.ts';
import { setClerkDisabled, upsertClerk, type ClerkRole } from '../features/clerks/repo.ts';
import { listCounters, revokeCounter } from '../features/counters/repo.ts';
import { createEnrolmentCode } from '../features/counters/service.ts';
import { listSigners, revokeSigner, setTrustOnFirstUse, trustSigner } from '../features/receipts/trust.ts';
import { readSigningCertificate } from '../features/receipts/verify-signed-xml.ts';
import { loadCalendars, loadCatalogue, loadTemplates } from '../features/reference/load.ts';

export type AdminIo = Readonly<{ out: (line: string) => void; readPassword: () => Promise<string> }>;
type Command = (sql: Sql, args: string[], io: AdminIo) => Promise<void>;

const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/;

function options<const T extends ParseArgsOptionsConfig>(args: string[], spec: T) {
  return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`thiếu / missing --${name}`);
  return value;
}

async function agencyByCode(sql: Sql, code: string): Promise<Agency> {
  const agency = await findAgencyByCode(sql, code);
  if (!agency) throw new Error(`không có cơ quan / no agency ${code}`);
  return agency;
}

/** Each command: `<noun> <verb>` as typed, so the usage text and the table read alike. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  'agency create': async (sql, args, io) => {
    const { values } = options(args, { code: { type: 'string' }, name: { type: 'string' } });
    const code = required(values.code, 'code');
    if (!AGENCY_CODE.test(code)) throw new Error(`mã cơ quan phải có dạng / agency code must look like 000.00.12.H12: ${code}`);
    const agency = await createAgency(sql, code, required(values.name, 'name'));
    io.out(`${agency.code}  ${agency.name}  (${agency.id})`);
  },
  'agency list': async (sql, _args, io) => {
    for (const agency of await listAgencies(sql)) io.out(`${agency.code}  ${agency.name}`);
  },
  'counter list': async (sql, args, io) => {
    const { values } = options(args, { agency: { type: 'string' } });
    const agency = values.agency ? await agencyByCode(sql, values.agency) : null;
    for (const counter of await listCounters(sql, agency?.id ?? null)) {
      const state = counter.revoked_at ? `thu hồi / revoked ${counter.revoked_at.toISOString()}` : 'hoạt động / active';
      io.out(`${counter.id}  ${counter.agency_code}  slot ${counter.slot}  ${counter.name}  [${counter.device_name ?? ''}]  ${state}`);
    }
  },
  'counter revoke': async (sql, args, io) => {
    const { positionals } = options(args, {});
    const id = required(positionals[0], '<counterId>');
    io.out((await revokeCounter(sql, id)) ? `đã thu hồi / revoked ${id}` : `không có quầy đang hoạt động / no active counter ${id}`);
  },
  'enrolment-code create': async (sql, args, io) => {
    const { values } = options(args, { agency: { type: 'string' }, slot: { type: 'string' }, name: { type: 'string' }, 'ttl-hours': { type: 'string' } });
    const { code, expiresAt } = await createEnrolmentCode(sql, {
      agencyCode: required(values.agency, 'agency'),
      slot: Number(required(values.slot, 'slot')),
      counterName: required(values.name, 'name'),
      now: new Date(),
      ...(values['ttl-hours'] ? { ttlHours: Number(values['ttl-hours']) } : {}),
    });
    io.out(`Mã đăng ký (chỉ hiện một lần) / enrolment code (shown once): ${code}`);
    io.out(`Hết hạn / expires: ${expiresAt.toISOString()}`);
  },
  'clerk create': async (sql, args, io) => {
    const { values } = options(args, {
      agency: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      'password-file': { type: 'string' },
    });
    const agency = await agencyByCode(sql, required(values.agency, 'agency'));
    const roles = (values.role ?? ['clerk']) as ClerkRole[];
    if (roles.some((role) => role !== 'clerk' && role !== 'supervisor')) throw new Error('--role: clerk | supervisor');
    const password = values['password-file'] ? fs.readFileSync(values['password-file'], 'utf8').replace(/\r?\n$/, '') : await io.readPassword();
    if (password.length < 8) throw new Error('mật khẩu tối thiểu 8 ký tự / the password needs at least 8 characters');
    const username = required(values.username, 'username');
    await upsertClerk(sql, { agencyId: agency.id, username, displayName: required(values.name, 'name'), passwordHash: await hashPassword(password), roles });
    io.out(`đã lưu / saved clerk ${username} (${roles.join(', ')}) for ${agency.code}`);
  },
  'clerk disable': async (sql, args, io) => {
    const { values } = options(args, { agency: { type: 'string' }, username: { type: 'string' } });
    const agency = await agencyByCode(sql, required(values.agency, 'agency'));
    const username = required(values.username, 'username');
    if (!(await setClerkDisabled(sql, agency.id, username, true))) throw new Error(`không có / no clerk ${username}`);
    io.out(`đã khoá / disabled ${username}`);
  },
  'backoffice-key create': async (sql, args, io) => {
    const { values } = options(args, { name: { type: 'string' }, agency: { type: 'string' } });
    const agency = values.agency ? await agencyByCode(sql, values.agency) : null;
    const { key } = await createBackofficeKey(sql, required(values.name, 'name'), agency?.id ?? null);
    io.out(`Khoá (chỉ hiện một lần) / key (shown once): ${key}`);
  },
  'signer trust': async (sql, args, io) => {
    const { positionals } = options(args, {});
    const agency = await agencyByCode(sql, required(positionals[0], '<agencyCode>'));
    const file = required(positionals[1], '<cert.pem>');
    const bytes = fs.readFileSync(file);
    let certificate;
    try {
      certificate = readSigningCertificate(bytes);
    } catch (error) {
      throw new Error(`${file}: không phải chứng thư số RSA ≥ 2048 bit (PEM/DER) / not an RSA ≥ 2048-bit certificate (PEM/DER): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    await trustSigner(sql, agency.id, certificate);
    io.out(`đã tin cậy / trusted for ${agency.code}: ${certificate.fingerprint}  ${certificate.subject}  (${certificate.notBefore.toISOString()} … ${certificate.notAfter.toISOString()})`);
  },
  'signer revoke': async (sql, args, io) => {
    const { positionals } = options(args, {});
    const agency = await agencyByCode(sql, required(positionals[0], '<agencyCode>'));
    const fingerprint = required(positionals[1], '<fingerprint>').replace(/:/g, '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(fingerprint)) throw new Error('dấu vân tay là SHA-256, 64 chữ số hex / the fingerprint is a SHA-256, 64 hex digits');
    io.out((await revokeSigner(sql, agency.id, fingerprint)) ? `đã thu hồi / revoked ${fingerprint}` : `không có chứng thư đang tin cậy / no trusted certificate ${fingerprint}`);
  },
  'signer list': async (sql, args, io) => {
    const { positionals } = options(args, {});
    const agency = await agencyByCode(sql, required(positionals[0], '<agencyCode>'));
    for (const signer of await listSigners(sql, agency.id)) {
      const scope = signer.source === 'admin' ? 'mọi quầy / every counter' : `quầy / counter ${signer.counterId ?? ''} (lần đầu / first use)`;
      const state = signer.revokedAt ? `thu hồi / revoked ${signer.revokedAt.toISOString()}` : 'tin cậy / trusted';
      io.out(`${signer.fingerprint}  ${signer.subject}  ${scope}  hết hạn / expires ${signer.notAfter.toISOString()}  ${state}`);
    }
  },
  'signer first-use': async (sql, args, io) => {
    const { positionals } = options(args, {});
    const agency = await agencyByCode(sql, required(positionals[0], '<agencyCode>'));
    const mode = positionals[1];
    if (mode !== 'on' && mode !== 'off') throw new Error('signer first-use <agencyCode> on|off');
    await setTrustOnFirstUse(sql, agency.id, mode === 'on');
    io.out(`tin cậy lần đầu / trust on first use for ${agency.code}: ${mode}`);
  },
  'catalogue load': async (sql, args, io) => {
    const result = await loadCatalogue(sql, required(options(args, {}).positionals[0], '<file|dir>'));
    io.out(`danh mục / catalogue ${result.version}: ${result.procedures} thủ tục / procedures`);
  },
  'calendar load': async (sql, args, io) => {
    const result = await loadCalendars(sql, required(options(args, {}).positionals[0], '<file|dir>'));
    io.out(`lịch / calendars: ${result.years.join(', ')}`);
  },
  'templates load': async (sql, args, io) => {
    const result = await loadTemplates(sql, required(options(args, {}).positionals[0], '<file|dir>'));
    io.out(`mẫu / templates ${result.version}: ${[...result.fields, ...result.templates].join(', ') || '—'}`);
  },
};

export const ADMIN_USAGE = `Quản trị máy chủ một cửa / central server administration

  npm run server:admin -- <lệnh / command> [--data DIR]      (DATABASE_URL for PostgreSQL)

  agency create --code 000.00.12.H12 --name "UBND phường …"    tạo cơ quan / create an agency
  agency list
  counter list [--agency CODE]                                 danh sách quầy / list counters
  counter revoke <counterId>                                   thu hồi quầy / revoke a counter
  enrolment-code create --agency CODE --slot 1..40 --name "Quầy 1" [--ttl-hours 72]
                                                               mã đăng ký dùng một lần / one-time code
  clerk create --agency CODE --username lan --name "Trần Thị Lan" [--role clerk|supervisor]… [--password-file F]
                                                               mật khẩu từ stdin hoặc tệp / password from stdin or a file
  clerk disable --agency CODE --username lan
  backoffice-key create --name "Phần mềm một cửa tỉnh" [--agency CODE]
  signer trust <agencyCode> <cert.pem>                         tin cậy chứng thư ký biên lai / trust a receipt-signing certificate
  signer revoke <agencyCode> <fingerprint>                     thu hồi / revoke (SHA-256 fingerprint)
  signer list <agencyCode>
  signer first-use <agencyCode> on|off                         tin cậy chứng thư đầu tiên của mỗi quầy (mặc định tắt)
                                                               trust each counter's first certificate (off by default)
  catalogue load <thư mục|tệp / dir|file>                      e.g. resources/catalogue
  calendar load <thư mục|tệp / dir|file>                       e.g. resources/calendar
  templates load <thư mục|tệp / dir|file>

Khi dùng PGlite, hãy dừng máy chủ trước. / With PGlite, stop the server first.`;
