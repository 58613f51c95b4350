import type { CatalogueOrigin } from '../../../shared/contract/catalogue.ts';
import type { CounterDatabase } from '../../db/open-database.ts';
import { cachedStatement } from '../../db/statements.ts';

export type OriginRow = Readonly<{ origin: CatalogueOrigin; revision: number; publishedAt: string; loadedAt: string }>;

export type NewVersionRow = Readonly<{
  code: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  localCode: string | null;
  name: string;
  nameFolded: string;
  sector: string;
  sectorFolded: string;
  level: string;
  body: string;
}>;

export type SummaryRow = Readonly<{
  origin: CatalogueOrigin;
  revision: number;
  code: string;
  localCode: string | null;
  name: string;
  nameFolded: string;
  sector: string;
  level: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** JSON text of timeLimit.rule, or null. */
  timeLimit: string | null;
  agencyKind: string;
}>;

export type BodyRow = Readonly<{ origin: CatalogueOrigin; revision: number; body: string }>;

export function readOrigin(db: CounterDatabase, origin: CatalogueOrigin): OriginRow | null {
  const row = cachedStatement(
    db,
    `SELECT origin, revision, published_at AS publishedAt, loaded_at AS loadedAt
     FROM catalogue_origins WHERE origin = ?`,
  ).get(origin) as OriginRow | undefined;
  return row ?? null;
}

export function readOrigins(db: CounterDatabase): OriginRow[] {
  return cachedStatement(
    db,
    `SELECT origin, revision, published_at AS publishedAt, loaded_at AS loadedAt
     FROM catalogue_origins ORDER BY origin`,
  ).all() as OriginRow[];
}

export function countVersions(db: CounterDatabase, origin: CatalogueOrigin): number {
  return (cachedStatement(db, `SELECT count(*) AS n FROM catalogue_versions WHERE origin = ?`).get(origin) as { n: number }).n;
}

/**
 * Replaces every version of one origin with `rows` and records its revision. Call inside a transaction:
 * a reader sees the old catalogue or the new one, never half of each.
 */
export function replaceOrigin(db: CounterDatabase, origin: OriginRow, rows: readonly NewVersionRow[]): void {
  db.prepare(`DELETE FROM catalogue_versions WHERE origin = ?`).run(origin.origin);
  db.prepare(
    `INSERT INTO catalogue_origins (origin, revision, published_at, loaded_at)
     VALUES (@origin, @revision, @publishedAt, @loadedAt)
     ON CONFLICT (origin) DO UPDATE SET revision = excluded.revision, published_at = excluded.published_at,
       loaded_at = excluded.loaded_at`,
  ).run(origin);
  const insert = db.prepare(
    `INSERT INTO catalogue_versions
       (origin, code, effective_from, effective_to, local_code, name, name_folded, sector, sector_folded, level, body)
     VALUES (@origin, @code, @effectiveFrom, @effectiveTo, @localCode, @name, @nameFolded, @sector, @sectorFolded, @level, @body)`,
  );
  for (const row of rows) insert.run({ ...row, origin: origin.origin });
}

// Versions in force on @at; a code the central server sent hides the shipped versions of that code.
const IN_FORCE = `
  v.effective_from <= @at AND (v.effective_to IS NULL OR v.effective_to > @at)
  AND (v.origin = 'server' OR NOT EXISTS (
    SELECT 1 FROM catalogue_versions s WHERE s.origin = 'server' AND s.code = v.code))`;

const SUMMARY_COLUMNS = `
  v.origin AS origin, o.revision AS revision, v.code AS code, v.local_code AS localCode, v.name AS name,
  v.name_folded AS nameFolded, v.sector AS sector, v.level AS level, v.effective_from AS effectiveFrom,
  v.effective_to AS effectiveTo, json_extract(v.body, '$.timeLimit.rule') AS timeLimit,
  json_extract(v.body, '$.receivingAgency.kind') AS agencyKind`;

export type SummaryFilter = Readonly<{
  at: string;
  level: string | null;
  sectorFolded: string | null;
  /** Folded words that must all occur in the folded name. Empty: no name condition. */
  words: readonly string[];
  /** A code prefix matched against national and local codes; null: none. */
  codePrefix: string | null;
}>;

/**
 * Candidates for a search: versions in force on `at` whose code starts with `codePrefix` or whose folded
 * name contains every word. Ranking is the service's; the catalogue is small enough to rank in memory.
 */
export function findSummaries(db: CounterDatabase, filter: SummaryFilter): SummaryRow[] {
  const params: Record<string, string | null> = { at: filter.at, level: filter.level, sector: filter.sectorFolded };
  const matches: string[] = [];
  if (filter.words.length > 0) {
    const conditions = filter.words.map((word, index) => {
      params[`w${index}`] = word;
      return `instr(v.name_folded, @w${index}) > 0`;
    });
    matches.push(`(${conditions.join(' AND ')})`);
  }
  if (filter.codePrefix !== null) {
    params.prefix = filter.codePrefix;
    matches.push(`substr(v.code, 1, length(@prefix)) = @prefix OR substr(coalesce(v.local_code, ''), 1, length(@prefix)) = @prefix`);
  }
  const matching = matches.length > 0 ? `AND (${matches.join(' OR ')})` : '';
  return db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}
       FROM catalogue_versions v JOIN catalogue_origins o ON o.origin = v.origin
       WHERE ${IN_FORCE}
         AND (@level IS NULL OR v.level = @level)
         AND (@sector IS NULL OR v.sector_folded = @sector)
         ${matching}`,
    )
    .all(params) as SummaryRow[];
}

/** The version of a national code in force on `at`, the server's before the shipped one. */
export function findVersionInForce(db: CounterDatabase, code: string, at: string): BodyRow | null {
  const row = cachedStatement(
    db,
    `SELECT v.origin AS origin, o.revision AS revision, v.body AS body
     FROM catalogue_versions v JOIN catalogue_origins o ON o.origin = v.origin
     WHERE v.code = @code AND ${IN_FORCE}
     ORDER BY v.origin = 'server' DESC
     LIMIT 1`,
  ).get({ code, at }) as BodyRow | undefined;
  return row ?? null;
}

/** The national code a local code belongs to, if any version carries it. */
export function findCodeByLocalCode(db: CounterDatabase, localCode: string): string | null {
  const row = cachedStatement(db, `SELECT code FROM catalogue_versions WHERE local_code = ? LIMIT 1`).get(localCode) as { code: string } | undefined;
  return row?.code ?? null;
}
