import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CatalogueSummary, ProcedureVersion } from '../../../shared/contract/catalogue.ts';
import { silentLogger } from '../../adapters/json-logger.ts';
import { openStorage, type Storage } from '../../app/storage.ts';
import type { Clock } from '../../ports/clock.ts';
import { makeTempDir } from '../../../test/harness/temp-dir.ts';
import { createTestCore } from '../../../test/harness/test-core.ts';
import { createCatalogueService, locateShippedCatalogue, readShippedCatalogue, type CatalogueService } from './service.ts';

// 10:00 in Vietnam on Monday 23 November 2026.
const clock: Clock = { now: () => new Date('2026-11-23T03:00:00Z') };
const shippedDir = locateShippedCatalogue();
if (shippedDir === null) throw new Error('resources/catalogue not found');
const shipped = readShippedCatalogue(shippedDir);

let temp: ReturnType<typeof makeTempDir>;
let storage: Storage;

beforeEach(() => {
  temp = makeTempDir();
  storage = openStorage(path.join(temp.dir, 'profiles', 'default.sqlite'), silentLogger);
});
afterEach(() => {
  storage.close();
  temp.remove();
});

function service(dir: string | null = shippedDir): CatalogueService {
  return createCatalogueService({ storage, clock, logger: silentLogger, shippedDir: dir });
}

/** A copy of the shipped catalogue in a temp folder, with its index changed by `edit`. */
function copyOfShipped(edit: (index: { revision: number; files: string[] }) => void): string {
  const dir = path.join(temp.dir, 'catalogue');
  fs.cpSync(shippedDir!, dir, { recursive: true });
  const indexFile = path.join(dir, 'index.json');
  const index = JSON.parse(fs.readFileSync(indexFile, 'utf8')) as { revision: number; files: string[] };
  edit(index);
  fs.writeFileSync(indexFile, JSON.stringify(index));
  return dir;
}

const codes = (items: readonly CatalogueSummary[]): string[] => items.map((item) => item.code);

describe('loading the shipped catalogue', () => {
  test('the first start loads every version; the next start finds the file up to date', () => {
    expect(service().loadShipped()).toEqual({ status: 'loaded', revision: shipped.revision, versions: shipped.versions.length, previousRevision: null });
    expect(service().loadShipped()).toEqual({ status: 'up-to-date', revision: shipped.revision });
    expect(service().status().origins).toEqual([
      { origin: 'shipped', revision: shipped.revision, publishedAt: '2026-11-23', loadedAt: '2026-11-23T10:00:00+07:00', versions: shipped.versions.length },
    ]);
  });

  test('a newer shipped revision replaces the old one whole', () => {
    service().loadShipped();
    const dir = copyOfShipped((index) => {
      index.revision += 1;
      index.files = index.files.filter((file) => file !== 'cu-tru.json');
    });
    const outcome = service(dir).loadShipped();
    expect(outcome).toMatchObject({ status: 'loaded', revision: shipped.revision + 1, previousRevision: shipped.revision });
    expect(service(dir).findProcedure('1.004222')).toBeNull();
    expect(service(dir).findProcedure('2.000815')).not.toBeNull();
  });

  test('an invalid newer release is refused and the catalogue in the file is kept', () => {
    service().loadShipped();
    const dir = copyOfShipped((index) => (index.revision += 1));
    const file = path.join(dir, 'chung-thuc.json');
    const broken = JSON.parse(fs.readFileSync(file, 'utf8')) as { versions: { code: string }[] };
    broken.versions[0]!.code = '2.815'; // not d.dddddd
    fs.writeFileSync(file, JSON.stringify(broken));
    expect(service(dir).loadShipped()).toEqual({ status: 'skipped', reason: 'shipped catalogue invalid' });
    expect(service(dir).status().origins[0]?.revision).toBe(shipped.revision);
    expect(service(dir).findProcedure('2.000815')?.version.code).toBe('2.000815');
  });

  test('without a shipped catalogue nothing is loaded and searches are empty', () => {
    expect(service(null).loadShipped()).toEqual({ status: 'skipped', reason: 'no shipped catalogue' });
    expect(service(null).search({ query: 'khai sinh' })).toEqual([]);
  });
});

describe('search', () => {
  let catalogue: CatalogueService;
  beforeEach(() => {
    catalogue = service();
    catalogue.loadShipped();
  });

  test('"chung thuc ban sao" (no diacritics) finds Chứng thực bản sao từ bản chính first', () => {
    const items = catalogue.search({ query: 'chung thuc ban sao' });
    expect(items[0]).toMatchObject({ code: '2.000815', name: expect.stringMatching(/^Chứng thực bản sao từ bản chính/) });
  });

  test('with or without diacritics, upper or lower case, đ or d: the same results', () => {
    const reference = codes(catalogue.search({ query: 'đăng ký khai sinh' }));
    expect(reference[0]).toBe('1.001193');
    for (const query of ['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'Dang Ky Khai Sinh', 'đăng ký khai sinh'.normalize('NFD')]) {
      expect(codes(catalogue.search({ query }))).toEqual(reference);
    }
    expect(codes(catalogue.search({ query: 'Đất đai' }))).toEqual(codes(catalogue.search({ query: 'dat dai' })));
  });

  test('partial words match, whole words rank before word prefixes and word prefixes before inner matches', () => {
    expect(codes(catalogue.search({ query: 'khai si' }))).toContain('1.001193');
    expect(codes(catalogue.search({ query: 'ket ho' }))[0]).toBe('1.000894');
    expect(codes(catalogue.search({ query: 'tach ho' }))[0]).toBe('1.010038');
    const thuong = codes(catalogue.search({ query: 'thuong tru' }));
    expect(thuong.slice(0, 2).sort()).toEqual(['1.003197', '1.004222']);
  });

  test('a code prefix lists the codes that start with it; an exact code comes first', () => {
    const prefix = catalogue.search({ query: '2.0008' });
    expect(codes(prefix).sort()).toEqual(['2.000815', '2.000884']);
    const exact = catalogue.search({ query: '2.000815' });
    expect(codes(exact)[0]).toBe('2.000815');
    expect(codes(catalogue.search({ query: '2.0006' }))).toEqual(['2.000635']);
    expect(codes(catalogue.search({ query: '1.0', limit: 100 })).length).toBeGreaterThan(20);
    expect(codes(catalogue.search({ query: '1.0', limit: 100 })).every((code) => code.startsWith('1.0'))).toBe(true);
  });

  test('a local code finds its national procedure', () => {
    expect(catalogue.getProcedure('2.000815.000.00.00.H55').version.code).toBe('2.000815');
  });

  test('level and sector narrow the results; the sector is compared without diacritics', () => {
    const police = catalogue.search({ query: '', sector: 'dang ky, quan ly cu tru', limit: 50 });
    expect(police.length).toBe(6);
    expect(police.every((item) => item.receivingAgencyKind === 'commune-police')).toBe(true);
    const province = catalogue.search({ query: 'giay chung nhan', level: 'province', limit: 50 });
    expect(province.length).toBeGreaterThan(0);
    expect(province.every((item) => item.level === 'province')).toBe(true);
  });

  test('limit caps the list; summaries carry the time limit for the due date', () => {
    expect(catalogue.search({ query: '', limit: 5 })).toHaveLength(5);
    expect(catalogue.search({ query: '1.004222' })[0]).toMatchObject({ timeLimit: { unit: 'workingDays', value: 7 }, level: 'commune', origin: 'shipped' });
  });

  test('a search on a past date finds the version in force then (district level before the 2025 reform)', () => {
    expect(catalogue.search({ query: 'ho kinh doanh', at: '2024-05-01' }).map((item) => [item.code, item.level])).toEqual([['1.001612', 'district']]);
    expect(catalogue.search({ query: 'dang ky thanh lap ho kinh doanh' })[0]).toMatchObject({ code: '1.001612', level: 'commune' });
  });
});

describe('the version in force', () => {
  let catalogue: CatalogueService;
  beforeEach(() => {
    catalogue = service();
    catalogue.loadShipped();
  });

  test('is chosen by date: the old version until the day before effectiveTo, the new one from it', () => {
    expect(catalogue.getProcedure('1.001612', '2025-06-30').version).toMatchObject({ level: 'district', effectiveTo: '2025-07-01' });
    expect(catalogue.getProcedure('1.001612', '2025-07-01').version).toMatchObject({ level: 'commune', effectiveFrom: '2025-07-01' });
    expect(catalogue.getProcedure('1.001612').version.level).toBe('commune'); // today
  });

  test('none in force is not-found, as is an unknown code', () => {
    expect(() => catalogue.getProcedure('1.001612', '2020-01-01')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => catalogue.getProcedure('9.999999')).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(catalogue.findProcedure('not a code')).toBeNull();
  });

  test('gives dossier intake the name, a version label and the time-limit rule', () => {
    expect(catalogue.procedureInForce('2.000884', '2026-11-23')).toEqual({
      code: '2.000884',
      name: expect.stringMatching(/^Chứng thực chữ ký/),
      version: `2025-07-01/shipped-r${shipped.revision}`,
      timeLimit: { unit: 'sameDay', value: 0, cutoff: '15:00' },
    });
    // A procedure whose time limit no source confirmed has no rule: intake is told why, not "not found".
    expect(() => catalogue.procedureInForce('1.010803', '2026-11-23')).toThrow(expect.objectContaining({ code: 'procedure-incomplete' }));
    expect(catalogue.procedureInForce('1.001612', '2019-01-01')).toBeNull();
  });

  test('a version sent by the central server wins over the shipped one for its code, and only for its code', () => {
    const current = catalogue.getProcedure('1.004222').version;
    const pushed: ProcedureVersion = { ...current, name: 'Đăng ký thường trú (bản của máy chủ)', timeLimit: { ...current.timeLimit, rule: { unit: 'workingDays', value: 5 } } };
    catalogue.importRelease('server', { revision: 7, publishedAt: '2026-12-01', versions: [pushed] });
    expect(catalogue.getProcedure('1.004222')).toMatchObject({ origin: 'server', catalogueRevision: 7, version: { name: 'Đăng ký thường trú (bản của máy chủ)' } });
    expect(catalogue.search({ query: '1.004222' })).toHaveLength(1);
    expect(catalogue.search({ query: '1.004222' })[0]).toMatchObject({ origin: 'server', timeLimit: { value: 5 } });
    expect(catalogue.getProcedure('1.004194').origin).toBe('shipped');
  });

  test('a release with two versions of one code in force on the same day is refused', () => {
    const version = catalogue.getProcedure('1.004222').version;
    expect(() => catalogue.importRelease('server', { revision: 1, publishedAt: '2026-12-01', versions: [version, { ...version, effectiveFrom: '2026-01-01' }] })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });
});

describe('through core.dispatch', () => {
  test('catalogue.search and catalogue.get answer from the catalogue the core loaded at start', async () => {
    const core = createTestCore(temp.dir, { clock, profile: 'catalogue' });
    try {
      const found = await core.dispatch('catalogue.search', { query: 'xac nhan tinh trang hon nhan' });
      expect(found).toMatchObject({ ok: true, value: { items: [{ code: '1.004873' }] } });
      const got = await core.dispatch('catalogue.get', { code: '2.000815' });
      expect(got).toMatchObject({ ok: true, value: { origin: 'shipped', version: { code: '2.000815', level: 'commune' } } });
      const past = await core.dispatch('catalogue.get', { code: '1.001612', at: '2024-01-15' });
      expect(past).toMatchObject({ ok: true, value: { version: { level: 'district' } } });
      expect(await core.dispatch('catalogue.get', { code: '9.999999' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(await core.dispatch('catalogue.get', { code: '2.000815', at: '23/11/2026' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(await core.dispatch('catalogue.search', { query: 'x', limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    } finally {
      core.stop();
    }
  });
});
