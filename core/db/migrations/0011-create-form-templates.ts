import type { Database } from 'better-sqlite3';

/**
 * Form templates the province sends down with the reference data (docs/SYNC.md, "Reference data"). The
 * shipped templates stay in code; these are kept beside them, one row per template id, replaced as a whole
 * list when a new form-templates document arrives. `body` is the template as JSON, checked before it is kept.
 */
export function migrate0011(db: Database): void {
  db.exec(`
    CREATE TABLE form_templates (
      id TEXT PRIMARY KEY,
      body TEXT NOT NULL,
      received_at TEXT NOT NULL
    );
  `);
}
