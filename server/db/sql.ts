/**
 * The one storage interface of the central server. Two adapters implement it: PGlite (embedded, the default
 * with no setup) and PostgreSQL through `pg` (production, DATABASE_URL). Both run the same SQL, so every
 * statement in server/ is plain PostgreSQL with `$n` parameters.
 *
 * Value shapes differ slightly between the drivers (`pg` returns bigint columns as strings, PGlite as
 * numbers); repositories convert with `Number()` rather than trusting either.
 */
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Sql extends SqlExecutor {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. PGlite has a
   * single connection, so its transactions run one at a time; PostgreSQL runs them concurrently, which is why
   * code that must serialise (code blocks, audit chains, status cursors) locks a row with FOR UPDATE.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
