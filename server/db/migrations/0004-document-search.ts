/**
 * Reuse of a citizen's scans across counters (docs/SERVER.md, "Document search"): the page count a counter
 * states when it starts an upload, and an index for finding an agency's dossiers by the applicant's ID number
 * (inside the snapshot; the look-up is always scoped by agency).
 */
export const migration0004 = {
  version: 4,
  name: 'document-search',
  sql: `
ALTER TABLE uploads ADD COLUMN pages integer;
CREATE INDEX dossiers_agency_applicant_id ON dossiers (agency_id, (snapshot->'applicant'->>'idNumber'));
`,
};
