import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { YearScheduleSchema } from '../../../shared/contract/calendar.ts';
import { FormTemplatesBodySchema } from '../../../shared/contract/central-api.ts';
import { CatalogueFileSchema, CatalogueManifestSchema, ProcedureVersionSchema, type ProcedureVersion } from '../../../shared/contract/catalogue.ts';
import type { SqlExecutor } from '../../db/sql.ts';
import { contentVersion, putReferenceDocument } from './repo.ts';

/**
 * Loaders behind the admin CLI's `catalogue load`, `calendar load` and `templates load`. They read the same
 * formats the counter ships in resources/, validate them with the shared schemas, and store one versioned
 * document per kind (per year for calendars). A file that fails validation loads nothing.
 */
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/** A release as the counter's catalogue service imports it (`importRelease('server', release)`). */
const CatalogueReleaseSchema = z.object({ revision: z.number().int().positive(), publishedAt: z.string(), versions: z.array(ProcedureVersionSchema).min(1) }).strict();

function overlaps(versions: readonly ProcedureVersion[]): string[] {
  const byCode = new Map<string, ProcedureVersion[]>();
  for (const version of versions) byCode.set(version.code, [...(byCode.get(version.code) ?? []), version]);
  const problems: string[] = [];
  for (const [code, list] of byCode) {
    const sorted = [...list].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    sorted.slice(1).forEach((version, i) => {
      const before = sorted[i]!;
      if (before.effectiveTo === null || before.effectiveTo > version.effectiveFrom) problems.push(`${code}: versions from ${before.effectiveFrom} and ${version.effectiveFrom} overlap`);
    });
  }
  return problems;
}

/** `source`: a folder with index.json (resources/catalogue), an index.json, or a release file { revision, publishedAt, versions }. */
export async function loadCatalogue(db: SqlExecutor, source: string): Promise<{ version: string; procedures: number }> {
  const manifestFile = fs.statSync(source).isDirectory() ? path.join(source, 'index.json') : source;
  const raw = readJson(manifestFile);
  let release: z.infer<typeof CatalogueReleaseSchema>;
  const manifest = CatalogueManifestSchema.safeParse(raw);
  if (manifest.success) {
    const dir = path.dirname(manifestFile);
    const versions = manifest.data.files.flatMap((file) => CatalogueFileSchema.parse(readJson(path.join(dir, file))).versions);
    release = { revision: manifest.data.revision, publishedAt: manifest.data.publishedAt, versions };
  } else {
    release = CatalogueReleaseSchema.parse(raw);
  }
  const problems = overlaps(release.versions);
  if (problems.length > 0) throw new Error(`catalogue refused: ${problems.join('; ')}`);
  const version = contentVersion(release, `r${release.revision}`);
  await putReferenceDocument(db, 'catalogue', '', version, release);
  return { version, procedures: new Set(release.versions.map((v) => v.code)).size };
}

function jsonFiles(source: string): string[] {
  if (!fs.statSync(source).isDirectory()) return [source];
  return fs
    .readdirSync(source)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(source, name));
}

/** One year's schedule per file (resources/calendar/schedule-YYYY.json), or a folder of them. */
export async function loadCalendars(db: SqlExecutor, source: string): Promise<{ years: number[] }> {
  const schedules = jsonFiles(source).map((file) => YearScheduleSchema.parse(readJson(file)));
  for (const schedule of schedules) await putReferenceDocument(db, 'calendar', String(schedule.year), contentVersion(schedule), schedule);
  return { years: schedules.map((schedule) => schedule.year) };
}

/**
 * Form templates: a JSON file stored as it is, or a folder whose files become `{ <name>: <content> }` (so a
 * folder with `formValues.json` gives `{ formValues: … }`). The document must carry the centre's form values
 * (`FormTemplatesBodySchema`: `formValues` with any of printing's FormValues fields, nothing unknown), checked
 * here so a mistake is refused at loading rather than by every counter. Stored as written: counters apply
 * only the fields it names, so the defaults the schema fills in are not stored.
 */
export async function loadTemplates(db: SqlExecutor, source: string): Promise<{ version: string; fields: string[]; templates: string[] }> {
  const body: unknown = fs.statSync(source).isDirectory()
    ? Object.fromEntries(jsonFiles(source).map((file) => [path.basename(file, '.json'), readJson(file)]))
    : readJson(source);
  const checked = FormTemplatesBodySchema.safeParse(body);
  if (!checked.success) throw new Error(`templates refused: ${checked.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.message}`).join('; ')}`);
  const version = contentVersion(body);
  await putReferenceDocument(db, 'form-templates', '', version, body);
  return { version, fields: Object.keys(checked.data.formValues ?? {}), templates: checked.data.templates?.map((template) => template.id) ?? [] };
}
