import { PrinterProfileSchema, type PrinterProfile, type PrintJob } from '../../../shared/contract/printing.ts';
import { DEFAULT_FORM_VALUES, FormValuesSchema, type FormKind, type FormTemplate, type FormValues } from '../../../shared/domain/forms/model.ts';
import { FormTemplateSchema } from '../../../shared/domain/forms/template-schema.ts';
import type { CounterDatabase } from '../../db/open-database.ts';

// SQL of the printing feature: printer profiles, the print queue, the centre's form values, downloaded templates.

export function listPrinters(db: CounterDatabase): PrinterProfile[] {
  const rows = db.prepare(`SELECT profile FROM printers ORDER BY is_default DESC, name`).all() as { profile: string }[];
  return rows.map((row) => PrinterProfileSchema.parse(JSON.parse(row.profile)));
}

export function findPrinter(db: CounterDatabase, id: string): PrinterProfile | null {
  const row = db.prepare(`SELECT profile FROM printers WHERE id = ?`).get(id) as { profile: string } | undefined;
  return row ? PrinterProfileSchema.parse(JSON.parse(row.profile)) : null;
}

export function defaultPrinter(db: CounterDatabase): PrinterProfile | null {
  const row = db.prepare(`SELECT profile FROM printers WHERE is_default = 1`).get() as { profile: string } | undefined;
  return row ? PrinterProfileSchema.parse(JSON.parse(row.profile)) : null;
}

/** Upsert; a new default takes the flag from the old one in the same transaction. */
export function savePrinter(db: CounterDatabase, profile: PrinterProfile, at: string): void {
  db.transaction(() => {
    if (profile.isDefault) {
      for (const other of listPrinters(db).filter((p) => p.isDefault && p.id !== profile.id)) {
        db.prepare(`UPDATE printers SET is_default = 0, profile = ? WHERE id = ?`).run(JSON.stringify({ ...other, isDefault: false }), other.id);
      }
    }
    db.prepare(
      `INSERT INTO printers (id, name, profile, is_default, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, profile = excluded.profile, is_default = excluded.is_default, updated_at = excluded.updated_at`,
    ).run(profile.id, profile.name, JSON.stringify(profile), profile.isDefault ? 1 : 0, at);
  })();
}

/** The province's templates, as last sent down (each checked when it arrived, and again here). */
export function readDownloadedTemplates(db: CounterDatabase): FormTemplate[] {
  const rows = db.prepare(`SELECT body FROM form_templates ORDER BY id`).all() as { body: string }[];
  return rows.flatMap((row) => {
    const parsed = FormTemplateSchema.safeParse(JSON.parse(row.body));
    return parsed.success ? [parsed.data] : [];
  });
}

/** Replaces the whole list (the document that carries it is versioned as a whole). */
export function writeDownloadedTemplates(db: CounterDatabase, templates: readonly FormTemplate[], at: string): void {
  db.transaction(() => {
    db.prepare(`DELETE FROM form_templates`).run();
    const insert = db.prepare(`INSERT INTO form_templates (id, body, received_at) VALUES (?, ?, ?)`);
    for (const template of templates) insert.run(template.id, JSON.stringify(template), at);
  })();
}

export function readFormValues(db: CounterDatabase): FormValues {
  const row = db.prepare(`SELECT value FROM form_values WHERE id = 1`).get() as { value: string } | undefined;
  if (!row) return structuredClone(DEFAULT_FORM_VALUES);
  const parsed = FormValuesSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : structuredClone(DEFAULT_FORM_VALUES);
}

export function writeFormValues(db: CounterDatabase, values: FormValues, at: string): void {
  db.prepare(
    `INSERT INTO form_values (id, value, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(JSON.stringify(values), at);
}

/** What a job prints beyond the dossier; `receiptId`: the fee receipt's own record (read when it prints). */
export type JobExtra = Readonly<{ reason?: string; items?: string[]; receiverName?: string; newDueAt?: string; lateDays?: number; receiptId?: string }>;

export type NewPrintJob = Readonly<{
  id: string;
  dossierId: string;
  form: FormKind;
  printerId: string;
  copies: number;
  issuedAt: string;
  reprintOf: string | null;
  reprintedAt: string | null;
  extra: JobExtra;
  /** UTC ISO: jobs are due in this order. */
  nowUtc: string;
}>;

export function insertPrintJob(db: CounterDatabase, job: NewPrintJob): void {
  db.prepare(
    `INSERT INTO print_jobs (id, dossier_id, form, printer_id, copies, issued_at, reprint_of, reprinted_at, extra, state, next_attempt_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
  ).run(job.id, job.dossierId, job.form, job.printerId, job.copies, job.issuedAt, job.reprintOf, job.reprintedAt, JSON.stringify(job.extra), job.nowUtc, job.nowUtc, job.nowUtc);
}

type JobRow = {
  id: string; dossier_id: string; form: string; printer_id: string; copies: number; state: PrintJob['state']; attempts: number; next_attempt_at: string;
  error_code: string | null; error_message: string | null; reprint_of: string | null; reprinted_at: string | null; issued_at: string; created_at: string; done_at: string | null; extra: string;
};

export type StoredJob = PrintJob & Readonly<{ reprintedAt: string | null; extra: JobExtra }>;

function toJob(row: JobRow): StoredJob {
  return {
    id: row.id, dossierId: row.dossier_id, form: row.form as FormKind, printerId: row.printer_id, copies: row.copies, state: row.state, attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at, errorCode: row.error_code, errorMessage: row.error_message, reprintOf: row.reprint_of, issuedAt: row.issued_at,
    createdAt: row.created_at, doneAt: row.done_at, reprintedAt: row.reprinted_at, extra: JSON.parse(row.extra) as JobExtra,
  };
}

export function findJob(db: CounterDatabase, id: string): StoredJob | null {
  const row = db.prepare(`SELECT * FROM print_jobs WHERE id = ?`).get(id) as JobRow | undefined;
  return row ? toJob(row) : null;
}

export function listJobs(db: CounterDatabase, query: Readonly<{ dossierId?: string | undefined; states?: readonly string[] | undefined; limit: number }>): StoredJob[] {
  const rows = db
    .prepare(
      `SELECT * FROM print_jobs
       WHERE (@dossier IS NULL OR dossier_id = @dossier) AND (@states IS NULL OR state IN (SELECT value FROM json_each(@states)))
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    )
    .all({ dossier: query.dossierId ?? null, states: query.states ? JSON.stringify(query.states) : null, limit: query.limit }) as JobRow[];
  return rows.map(toJob);
}

/**
 * The first job that printed, is printing or will print this receipt; failed and cancelled jobs put nothing
 * on paper, so after them the next print is still the first.
 */
export function firstReceiptJob(db: CounterDatabase, receiptId: string): string | null {
  const row = db
    .prepare(
      `SELECT id FROM print_jobs
       WHERE form = 'receipt' AND json_extract(extra, '$.receiptId') = ? AND state NOT IN ('failed', 'cancelled')
       ORDER BY created_at, id LIMIT 1`,
    )
    .get(receiptId) as { id: string } | undefined;
  return row?.id ?? null;
}

/** The oldest job due now, if any. */
export function nextDueJob(db: CounterDatabase, nowUtc: string): StoredJob | null {
  const row = db.prepare(`SELECT * FROM print_jobs WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT 1`).get(nowUtc) as JobRow | undefined;
  return row ? toJob(row) : null;
}

/** When the next queued job becomes due (UTC ISO), for the worker's timer. */
export function nextWakeAt(db: CounterDatabase): string | null {
  const row = db.prepare(`SELECT min(next_attempt_at) AS at FROM print_jobs WHERE state = 'queued'`).get() as { at: string | null };
  return row.at;
}

/** queued → sending; false when another worker took it first (the row is no longer queued). */
export function claimJob(db: CounterDatabase, id: string, nowUtc: string): boolean {
  return db.prepare(`UPDATE print_jobs SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'`).run(nowUtc, id).changes === 1;
}

export function finishJob(
  db: CounterDatabase,
  id: string,
  change: Readonly<{ state: PrintJob['state']; nowUtc: string; nextAttemptAt?: string; errorCode?: string | null; errorMessage?: string | null; templateId?: string }>,
): void {
  db.prepare(
    `UPDATE print_jobs SET state = @state, updated_at = @now, next_attempt_at = coalesce(@next, next_attempt_at), error_code = @code, error_message = @message,
       template_id = coalesce(@template, template_id), done_at = CASE WHEN @state = 'done' THEN @now ELSE done_at END
     WHERE id = @id`,
  ).run({ id, state: change.state, now: change.nowUtc, next: change.nextAttemptAt ?? null, code: change.errorCode ?? null, message: change.errorMessage ?? null, template: change.templateId ?? null });
}

/** At start: a job left 'sending' was cut off by a crash or power cut mid-send; it may have printed. */
export function markInterruptedJobs(db: CounterDatabase, nowUtc: string): number {
  return db
    .prepare(`UPDATE print_jobs SET state = 'uncertain', error_code = 'printer-dropped', error_message = 'interrupted while sending (app closed or crashed)', updated_at = ? WHERE state = 'sending'`)
    .run(nowUtc).changes;
}
