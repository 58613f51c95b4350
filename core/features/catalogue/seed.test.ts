import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CatalogueFileSchema, CatalogueManifestSchema, citationsOf, LEVEL_REFORM_DATE, type ProcedureVersion } from '../../../shared/contract/catalogue.ts';
import { CATALOGUE_INDEX_FILE, checkVersionSet, locateShippedCatalogue, readShippedCatalogue } from './service.ts';

const dir = locateShippedCatalogue();
if (dir === null) throw new Error('resources/catalogue not found');
const manifest = CatalogueManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, CATALOGUE_INDEX_FILE), 'utf8')));
const files = manifest.files.map((file) => ({ file, json: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown }));
const versions: ProcedureVersion[] = readShippedCatalogue(dir).versions.slice();

function inForce(at: string): ProcedureVersion[] {
  return versions.filter((version) => version.effectiveFrom <= at && (version.effectiveTo === null || version.effectiveTo > at));
}

describe('shipped catalogue (resources/catalogue)', () => {
  test('every data file is listed in the index, and every listed file exists', () => {
    const onDisk = fs.readdirSync(dir).filter((name) => name.endsWith('.json') && name !== CATALOGUE_INDEX_FILE).sort();
    expect([...manifest.files].sort()).toEqual(onDisk);
  });

  test.each(files)('$file validates against the schema and holds one sector', ({ json }) => {
    const parsed = CatalogueFileSchema.safeParse(json);
    expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    if (parsed.success) for (const version of parsed.data.versions) expect(version.sector).toBe(parsed.data.sector);
  });

  test('at least 30 real procedures are in force today, across the main sectors', () => {
    const current = inForce('2026-11-23');
    expect(new Set(current.map((version) => version.code)).size).toBeGreaterThanOrEqual(30);
    const sectors = new Set(current.map((version) => version.sector));
    for (const sector of ['Chứng thực', 'Hộ tịch', 'Đăng ký, quản lý cư trú', 'Đăng ký hộ kinh doanh', 'Đất đai', 'Hoạt động xây dựng', 'Bảo trợ xã hội']) {
      expect(sectors).toContain(sector);
    }
  });

  test('codes are unique per effective period (no code has two versions in force on one day)', () => {
    expect(checkVersionSet(versions)).toEqual([]);
  });

  test('no version in force after the 2025 reform is at district level', () => {
    expect(inForce(LEVEL_REFORM_DATE).filter((version) => version.level === 'district')).toEqual([]);
    expect(inForce('2026-11-23').filter((version) => version.level === 'district')).toEqual([]);
  });

  test('every fact is cited; a fact marked V or S names a source the version lists', () => {
    for (const version of versions) {
      const ids = new Set(version.sources.map((source) => source.id));
      for (const [, cite] of citationsOf(version)) {
        if (cite.confidence !== 'U') expect(cite.sources.length).toBeGreaterThan(0);
        for (const id of cite.sources) expect(ids).toContain(id);
      }
    }
  });

  test('a fee without an amount is either set by each province or marked unconfirmed', () => {
    for (const version of versions) {
      for (const fee of version.fees) {
        if (fee.amount === null) expect(fee.setBy === 'province' || fee.cite.confidence === 'U', `${version.code} ${fee.id}`).toBe(true);
      }
    }
  });

  test('chứng thực bản sao carries the national page tiers and cap (TT 226/2016/TT-BTC)', () => {
    const copy = inForce('2026-11-23').find((version) => version.code === '2.000815');
    expect(copy?.fees[0]).toMatchObject({ amount: 2000, unit: 'page', tiers: [{ fromUnit: 1, amount: 2000 }, { fromUnit: 3, amount: 1000 }], cap: { amount: 200000, per: 'copy' } });
    expect(copy?.timeLimit.rule).toEqual({ unit: 'sameDay', value: 0, cutoff: '15:00' });
  });
});
