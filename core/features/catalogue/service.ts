import fs from 'node:fs';
import path from 'node:path';
import {
  CatalogueFileSchema,
  CatalogueManifestSchema,
  LocalProcedureCodeSchema,
  ProcedureCodeSchema,
  ProcedureVersionSchema,
  type CatalogueEntry,
  type CatalogueManifest,
  type CatalogueOrigin,
  type CatalogueSearchInput,
  type CatalogueSummary,
  type ProcedureVersion,
} from '../../../shared/contract/catalogue.ts';
import { TimeLimitSchema } from '../../../shared/contract/time-limit.ts';
import { foldVietnamese } from '../../../shared/domain/text/fold.ts';
import { toVietnamIso, vietnamDate } from '../../../shared/domain/time/vietnam-time.ts';
import type { Storage } from '../../app/storage.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Logger } from '../../ports/logger.ts';
import { CoreError } from '../../rpc/core-error.ts';
import type { ProcedureForIntake } from '../dossiers/ports.ts';
import {
  countVersions,
  findCodeByLocalCode,
  findSummaries,
  findVersionInForce,
  readOrigin,
  readOrigins,
  replaceOrigin,
  type NewVersionRow,
  type SummaryRow,
} from './repo.ts';

export const CATALOGUE_INDEX_FILE = 'index.json';
const DEFAULT_SEARCH_LIMIT = 20;

/** A whole catalogue as shipped in resources/catalogue or sent by the central server. */
export type CatalogueRelease = Readonly<{ revision: number; publishedAt: string; versions: readonly ProcedureVersion[] }>;

export type ShippedLoadOutcome =
  | Readonly<{ status: 'loaded'; revision: number; versions: number; previousRevision: number | null }>
  | Readonly<{ status: 'up-to-date'; revision: number }>
  | Readonly<{ status: 'skipped'; reason: string }>;

export type CatalogueStatus = Readonly<{
  origins: readonly Readonly<{ origin: CatalogueOrigin; revision: number; publishedAt: string; loadedAt: string; versions: number }>[];
}>;

export interface CatalogueService {
  /** Loads the shipped catalogue into the counter's file when its revision is newer than the file's. */
  loadShipped(): ShippedLoadOutcome;
  /** Replaces every version of `origin` (the central server's pushes use 'server'); checks the set first. */
  importRelease(origin: CatalogueOrigin, release: CatalogueRelease): void;
  /** Versions in force on `at` (today in Vietnam by default), best match first. */
  search(input: CatalogueSearchInput): CatalogueSummary[];
  /** The version of a national or local code in force on `at` (today by default); `not-found` if none. */
  getProcedure(code: string, at?: string): CatalogueEntry;
  /** Like getProcedure, null instead of `not-found`. */
  findProcedure(code: string, at?: string): CatalogueEntry | null;
  /** For dossier intake: name, version label and time-limit rule; null if no version, or its rule is unconfirmed. */
  procedureInForce(code: string, date: string): ProcedureForIntake | null;
  status(): CatalogueStatus;
}

export type CatalogueServiceOptions = Readonly<{
  storage: Storage;
  clock: Clock;
  logger: Logger;
  /** resources/catalogue; null when the app ships none (nothing is loaded, the file keeps what it has). */
  shippedDir: string | null;
}>;

/**
 * Finds resources/catalogue by walking up from `startDir`: from core/features/catalogue in a source checkout,
 * from dist/electron inside the packaged app (electron-builder copies resources/** beside dist/).
 */
export function locateShippedCatalogue(startDir: string = import.meta.dirname): string | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, 'resources', 'catalogue');
    if (fs.existsSync(path.join(candidate, CATALOGUE_INDEX_FILE))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function readShippedManifest(dir: string): CatalogueManifest {
  return CatalogueManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, CATALOGUE_INDEX_FILE), 'utf8')));
}

/** Reads and validates every file of the shipped catalogue; throws naming the file and the first problems. */
export function readShippedCatalogue(dir: string): CatalogueRelease {
  const manifest = readShippedManifest(dir);
  const versions: ProcedureVersion[] = [];
  for (const file of manifest.files) {
    const parsed = CatalogueFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`${file}: ${issues.join('; ')}`);
    }
    versions.push(...parsed.data.versions);
  }
  const problems = checkVersionSet(versions);
  if (problems.length > 0) throw new Error(`catalogue revision ${manifest.revision}: ${problems.slice(0, 5).join('; ')}`);
  return { revision: manifest.revision, publishedAt: manifest.publishedAt, versions };
}

function periodsOverlap(a: ProcedureVersion, b: ProcedureVersion): boolean {
  const aEndsAfterBStarts = a.effectiveTo === null || a.effectiveTo > b.effectiveFrom;
  const bEndsAfterAStarts = b.effectiveTo === null || b.effectiveTo > a.effectiveFrom;
  return aEndsAfterBStarts && bEndsAfterAStarts;
}

/** A set of versions is usable when no code (or local code) has two versions in force on the same day. */
export function checkVersionSet(versions: readonly ProcedureVersion[]): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, ProcedureVersion[]>();
  for (const version of versions) {
    for (const key of [version.code, version.localCode]) {
      if (key === null) continue;
      const list = byKey.get(key) ?? [];
      for (const other of list) {
        if (periodsOverlap(version, other)) {
          problems.push(`${key} has overlapping versions from ${other.effectiveFrom} and ${version.effectiveFrom}`);
        }
      }
      list.push(version);
      byKey.set(key, list);
    }
  }
  return problems;
}

function rowFor(version: ProcedureVersion): NewVersionRow {
  return {
    code: version.code,
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
    localCode: version.localCode,
    name: version.name,
    nameFolded: foldVietnamese(version.name),
    sector: version.sector,
    sectorFolded: foldVietnamese(version.sector),
    level: version.level,
    body: JSON.stringify(version),
  };
}

// ---- search ranking -------------------------------------------------------------------------------------

/** "2.0004", "2.000815", "1.004222.000.00.00.H56": digits and dots only, starting with a digit. */
const CODE_QUERY = /^\d[\d.]*[A-Za-z0-9.]*$/;

type Ranked = Readonly<{ row: SummaryRow; rank: number }>;

/** 0 exact code · 1 code prefix · 2 name starts with the query · 3 whole words · 4 word prefixes · 5 inside words. */
function rankOf(row: SummaryRow, query: string, folded: string, words: readonly string[]): number {
  if (row.code === query || row.localCode === query) return 0;
  if (CODE_QUERY.test(query) && (row.code.startsWith(query) || (row.localCode ?? '').startsWith(query))) return 1;
  if (row.nameFolded.startsWith(folded)) return 2;
  const nameWords = row.nameFolded.split(/[^a-z0-9]+/).filter((word) => word.length > 0);
  if (words.every((word) => nameWords.includes(word))) return 3;
  if (words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)))) return 4;
  return 5;
}

function toSummary(row: SummaryRow): CatalogueSummary {
  const rule = row.timeLimit === null ? null : TimeLimitSchema.safeParse(JSON.parse(row.timeLimit));
  return {
    code: row.code,
    localCode: row.localCode,
    name: row.name,
    sector: row.sector,
    level: row.level as CatalogueSummary['level'],
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    timeLimit: rule?.success ? rule.data : null,
    receivingAgencyKind: row.agencyKind as CatalogueSummary['receivingAgencyKind'],
    origin: row.origin,
  };
}

export function createCatalogueService(options: CatalogueServiceOptions): CatalogueService {
  const { storage, clock, logger } = options;
  const today = (): string => vietnamDate(clock.now());

  function importRelease(origin: CatalogueOrigin, release: CatalogueRelease): void {
    const versions = release.versions.map((version) => ProcedureVersionSchema.parse(version));
    const problems = checkVersionSet(versions);
    if (problems.length > 0) throw new CoreError('invalid-input', `Catalogue revision ${release.revision} is inconsistent`, { problems: problems.slice(0, 20) });
    const db = storage.db();
    db.transaction(() => {
      replaceOrigin(db, { origin, revision: release.revision, publishedAt: release.publishedAt, loadedAt: toVietnamIso(clock.now()) }, versions.map(rowFor));
    }).immediate();
  }

  function loadShipped(): ShippedLoadOutcome {
    if (options.shippedDir === null) return { status: 'skipped', reason: 'no shipped catalogue' };
    let db;
    try {
      db = storage.db();
    } catch (error) {
      return { status: 'skipped', reason: error instanceof CoreError ? error.code : 'storage unavailable' };
    }
    let manifest: CatalogueManifest;
    try {
      manifest = readShippedManifest(options.shippedDir);
    } catch (error) {
      logger.error('shipped catalogue index unreadable', { reason: error instanceof Error ? error.message : String(error) });
      return { status: 'skipped', reason: 'index unreadable' };
    }
    // Cheap check first: most starts find the file already holds this revision and read nothing more.
    const stored = readOrigin(db, 'shipped');
    if (stored !== null && stored.revision >= manifest.revision) return { status: 'up-to-date', revision: stored.revision };
    let release: CatalogueRelease;
    try {
      release = readShippedCatalogue(options.shippedDir);
    } catch (error) {
      // A broken release must not wipe a working catalogue: keep what the file has and tell IT.
      logger.error('shipped catalogue invalid; keeping the one in the file', { reason: error instanceof Error ? error.message : String(error) });
      return { status: 'skipped', reason: 'shipped catalogue invalid' };
    }
    const rows = release.versions.map(rowFor);
    let loaded = false;
    try {
      db.transaction(() => {
        // Another process (a second window, `desk call`) may have loaded it meanwhile.
        const current = readOrigin(db, 'shipped');
        if (current !== null && current.revision >= release.revision) return;
        replaceOrigin(db, { origin: 'shipped', revision: release.revision, publishedAt: release.publishedAt, loadedAt: toVietnamIso(clock.now()) }, rows);
        loaded = true;
      }).immediate();
    } catch (error) {
      // Rolled back whole; the next start tries again. The core keeps running on the catalogue it has.
      logger.error('shipped catalogue not loaded', { reason: error instanceof Error ? error.message : String(error) });
      return { status: 'skipped', reason: 'load failed' };
    }
    if (!loaded) return { status: 'up-to-date', revision: release.revision };
    logger.info('shipped catalogue loaded', { revision: release.revision, versions: rows.length, previousRevision: stored?.revision ?? null });
    return { status: 'loaded', revision: release.revision, versions: rows.length, previousRevision: stored?.revision ?? null };
  }

  function search(input: CatalogueSearchInput): CatalogueSummary[] {
    const query = input.query.normalize('NFC').trim().replace(/\s+/g, ' ');
    const folded = foldVietnamese(query);
    const words = folded.split(/[^a-z0-9.]+/).filter((word) => word.length > 0);
    const rows = findSummaries(storage.db(), {
      at: input.at ?? today(),
      level: input.level ?? null,
      sectorFolded: input.sector === undefined ? null : foldVietnamese(input.sector),
      words,
      codePrefix: CODE_QUERY.test(query) ? query : null,
    });
    const ranked: Ranked[] = rows.map((row) => ({ row, rank: query === '' ? 0 : rankOf(row, query, folded, words) }));
    // Within a rank the shorter name is the closer match; an empty query lists alphabetically.
    ranked.sort((a, b) =>
      query === ''
        ? a.row.nameFolded.localeCompare(b.row.nameFolded) || a.row.code.localeCompare(b.row.code)
        : a.rank - b.rank || a.row.name.length - b.row.name.length || a.row.code.localeCompare(b.row.code),
    );
    return ranked.slice(0, input.limit ?? DEFAULT_SEARCH_LIMIT).map(({ row }) => toSummary(row));
  }

  function findProcedure(code: string, at?: string): CatalogueEntry | null {
    const db = storage.db();
    let national: string | null = null;
    if (ProcedureCodeSchema.safeParse(code).success) national = code;
    else if (LocalProcedureCodeSchema.safeParse(code).success) national = findCodeByLocalCode(db, code) ?? code.slice(0, 8);
    if (national === null) return null;
    const row = findVersionInForce(db, national, at ?? today());
    if (row === null) return null;
    return { origin: row.origin, catalogueRevision: row.revision, version: ProcedureVersionSchema.parse(JSON.parse(row.body)) };
  }

  function getProcedure(code: string, at?: string): CatalogueEntry {
    const entry = findProcedure(code, at);
    if (entry === null) {
      throw new CoreError('not-found', `No procedure ${code.slice(0, 40)} is in force on ${at ?? today()}`, { code: code.slice(0, 40), at: at ?? today() });
    }
    return entry;
  }

  return {
    loadShipped,
    importRelease,
    search,
    getProcedure,
    findProcedure,
    procedureInForce(code, date) {
      const entry = findProcedure(code, date);
      if (entry === null) return null;
      const { version } = entry;
      if (version.timeLimit.rule === null) {
        // It exists but cannot be given a due date: say so, rather than "not found", so IT completes the entry.
        logger.warn('procedure has no confirmed time-limit rule', { code: version.code, effectiveFrom: version.effectiveFrom });
        throw new CoreError('procedure-incomplete', `Procedure ${version.code} (in force from ${version.effectiveFrom}) has no time limit in the catalogue, so no due date can be set`, {
          code: version.code,
          missing: 'timeLimit',
        });
      }
      return {
        code: version.code,
        name: version.name,
        version: `${version.effectiveFrom}/${entry.origin}-r${entry.catalogueRevision}`,
        timeLimit: version.timeLimit.rule,
      };
    },
    status() {
      const db = storage.db();
      return { origins: readOrigins(db).map((row) => ({ ...row, versions: countVersions(db, row.origin) })) };
    },
  };
}
