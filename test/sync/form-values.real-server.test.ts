import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Core } from '../../core/app/create-core.ts';
import { loadTemplates } from '../../server/features/reference/load.ts';
import { putReferenceDocument } from '../../server/features/reference/repo.ts';
import { FORM_TEMPLATES } from '../../shared/domain/forms/templates.ts';
import { callCore, startCentralFixture, type CentralFixture } from '../harness/central-fixture.ts';
import { recordingHttpClient, type Exchange } from '../harness/recording-http.ts';
import { makeTempDir } from '../harness/temp-dir.ts';
import { createTestCore } from '../harness/test-core.ts';

// The administrator's form values (GET form-templates, `{ formValues }`) come down with the reference pull
// from the real server and reach printing.setFormValues: once per version, only the fields the document
// names, and a document that does not parse changes nothing.
let central: CentralFixture;
let temp: ReturnType<typeof makeTempDir>;
let core: Core;
let exchanges: Exchange[];

beforeEach(async () => {
  central = await startCentralFixture();
  temp = makeTempDir();
  const recording = recordingHttpClient();
  exchanges = recording.exchanges;
  core = createTestCore(temp.dir, { http: recording.http, syncIntervalMs: 3_600_000, calendarDir: null });
  await central.enrol(core, { direct: true });
});
afterEach(async () => {
  core.stop();
  await central.close();
  temp.remove();
});

const call = <T = unknown>(method: string, input: unknown = {}) => callCore<T>(core, method, input);

async function loadFormValues(formValues: unknown): Promise<string> {
  const file = path.join(temp.dir, 'form-templates.json');
  fs.writeFileSync(file, JSON.stringify({ formValues }));
  return (await loadTemplates(central.server.sql, file)).version;
}
const heldVersion = () =>
  (core.storage.db().prepare("SELECT version FROM reference_versions WHERE kind = 'form-templates'").get() as { version: string } | undefined)?.version;
const valuesWrittenAt = () => (core.storage.db().prepare('SELECT updated_at AS at FROM form_values WHERE id = 1').get() as { at: string } | undefined)?.at;
const templateExchanges = () => exchanges.filter((exchange) => exchange.path === '/api/v1/form-templates');

const centre = {
  governingBody: 'UBND QUẬN HOÀN KIẾM',
  unitName: 'Bộ phận Một cửa phường Thử Nghiệm',
  placeName: 'Hà Nội',
  hotline: '1900 1234',
  notes: { appointment: ['Mang theo CCCD khi nhận kết quả.'] },
};

describe("the administrator's form values from the real server", () => {
  test('applied through printing: the fields the document names, the counter keeps the rest; unchanged costs one 304', async () => {
    await call('sync.now');
    // None loaded yet: a 404, which is not a failure (the drain after enrolment asked once already).
    expect(templateExchanges().map((exchange) => exchange.status)).toContain(404);
    expect(templateExchanges().every((exchange) => exchange.status === 404)).toBe(true);
    expect(heldVersion()).toBeUndefined();
    const bank = { bin: '970436', account: '0011004455667', accountName: 'UBND PHUONG THU NGHIEM' };
    core.printing.setFormValues({ bank, registerBook: '07/2026' });

    const version = await loadFormValues(centre);
    await call('sync.now');
    expect(heldVersion()).toBe(version);
    expect(await call('printing.formValues')).toMatchObject({ ...centre, bank, registerBook: '07/2026', twoCopies: false });

    const writtenAt = valuesWrittenAt();
    exchanges.length = 0;
    await call('sync.now');
    expect(templateExchanges()).toEqual([{ path: '/api/v1/form-templates', status: 304 }]);
    expect(valuesWrittenAt()).toBe(writtenAt);

    // A new version: applied again (a local change to a named field is the centre's again).
    core.printing.setFormValues({ hotline: '0000' });
    const next = await loadFormValues({ ...centre, hotline: '1900 5678', twoCopies: true });
    await call('sync.now');
    expect(heldVersion()).toBe(next);
    expect(core.printing.formValues()).toMatchObject({ hotline: '1900 5678', twoCopies: true, placeName: 'Hà Nội', bank });
  });

  test('a document that does not parse is refused whole: the local values and the version stay, the next pull tries again', async () => {
    const version = await loadFormValues(centre);
    await call('sync.now');
    const before = core.printing.formValues();

    for (const [i, body] of [
      { formValues: { ...centre, hotline: '1900 9999', hotLine: 'typo' } },
      { formValues: { ...centre, placeName: 'Huế', twoCopies: 'yes' } },
      { formValues: { placeName: 'x'.repeat(101) } },
      { hotline: '1900 9999' },
      ['not', 'an', 'object'],
    ].entries()) {
      await putReferenceDocument(central.server.sql, 'form-templates', '', `broken-${i}`, body);
      exchanges.length = 0;
      await call('sync.now');
      expect(templateExchanges(), `document ${i}`).toEqual([{ path: '/api/v1/form-templates', status: 200 }]);
      expect(core.printing.formValues(), `document ${i}`).toEqual(before);
      expect(heldVersion(), `document ${i}`).toBe(version);
    }
    // Sync itself carried on: the refusal is logged for IT, not a sync failure.
    expect(await call('sync.status')).toMatchObject({ state: 'online', problem: null });
  });
});

describe("the province's own form templates from the real server", () => {
  const shipped = FORM_TEMPLATES.find((template) => template.set === 'tt03-2025' && template.kind === 'appointment')!;
  const provincial = {
    ...shipped,
    id: 'ha-noi/appointment@1',
    effectiveFrom: '2025-07-01',
    title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu của Thành phố)',
    blocks: [
      ...shipped.blocks.slice(0, -1).map((block) => (block.kind === 'title' ? { ...block, subtitle: '(mẫu của Thành phố)' } : block)),
      { kind: 'text', text: 'Tra cứu tiến độ tại Cổng dịch vụ công Thành phố với mã {code}.', style: 'note' },
      shipped.blocks.at(-1)!,
    ],
  };
  const slipText = async (dossierId: string) => {
    const { path: file } = await call<{ path: string }>('printing.render', { dossierId, form: 'appointment', format: 'pdf', paper: 'A4' });
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };
  const loadDocument = async (body: unknown) => {
    const file = path.join(temp.dir, 'form-templates.json');
    fs.writeFileSync(file, JSON.stringify(body));
    return (await loadTemplates(central.server.sql, file)).version;
  };

  test('a downloaded template prints in place of the shipped one; a document without templates keeps them; an empty list removes them', async () => {
    core.printing.setFormValues({ placeName: 'Hà Nội' });
    const dossier = await call<{ id: string; code: string }>('dossiers.intake', { procedureCode: '1.001193', applicant: { kind: 'citizen', fullName: 'Lê Văn Cường' } });
    expect(await slipText(dossier.id)).not.toContain('mẫu của Thành phố');

    await loadDocument({ templates: [provincial] });
    await call('sync.now');
    const text = await slipText(dossier.id);
    expect(text).toContain('(mẫu của Thành phố)');
    expect(text).toContain(`Tra cứu tiến độ tại Cổng dịch vụ công Thành phố với mã ${dossier.code}.`);
    expect(core.printing.formValues().placeName).toBe('Hà Nội'); // no formValues in the document: untouched

    await loadDocument({ formValues: { hotline: '1900 1234' } });
    await call('sync.now');
    expect(await slipText(dossier.id)).toContain('(mẫu của Thành phố)');

    await loadDocument({ formValues: { hotline: '1900 1234' }, templates: [] });
    await call('sync.now');
    expect(await slipText(dossier.id)).not.toContain('mẫu của Thành phố');
  });

  test('the server refuses a template with an unknown placeholder before storing it, and so does the counter', async () => {
    const typo = { ...provincial, blocks: [...provincial.blocks, { kind: 'text', text: 'Hẹn ngày {dueDay}' }] };
    await expect(loadDocument({ templates: [typo] })).rejects.toThrow(/Unknown placeholder \{dueDay\}/);

    await loadDocument({ templates: [provincial] });
    await call('sync.now');
    const version = heldVersion();
    // Stored around the loader's check (an older server, a hand edit): the counter refuses it whole.
    await putReferenceDocument(central.server.sql, 'form-templates', '', 'hand-edited', { templates: [typo] });
    await call('sync.now');
    expect(heldVersion()).toBe(version);
    expect(core.printing.templates().map((template) => template.id)).toContain('ha-noi/appointment@1');
    expect(await call('sync.status')).toMatchObject({ state: 'online', problem: null });
  });
});
