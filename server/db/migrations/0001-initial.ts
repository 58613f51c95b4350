/**
 * The whole first schema. Plain PostgreSQL, run unchanged on PGlite and on a real server.
 * Timestamps are timestamptz; ids made by the server are uuids; secrets are stored only as hashes.
 */
export const migration0001 = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE agencies (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A counter's credential is 32 random bytes, so a plain SHA-256 of it is safe to store and fast to check.
-- previous_credential_hash keeps the old credential valid until the rotated one is first used: a rotation
-- whose answer was lost on the network must not lock the counter out.
CREATE TABLE counters (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  name text NOT NULL,
  slot integer NOT NULL CHECK (slot BETWEEN 1 AND 40),
  device_name text,
  credential_hash text NOT NULL UNIQUE,
  previous_credential_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  rotated_at timestamptz,
  revoked_at timestamptz
);
-- Two live counters of one agency with the same slot would issue the same offline codes.
CREATE UNIQUE INDEX counters_live_slot ON counters (agency_id, slot) WHERE revoked_at IS NULL;

CREATE TABLE enrolment_codes (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  code_hash text NOT NULL UNIQUE,
  slot integer NOT NULL CHECK (slot BETWEEN 1 AND 40),
  counter_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  counter_id uuid REFERENCES counters(id)
);

CREATE TABLE clerks (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  roles jsonb NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, username)
);

CREATE TABLE backoffice_keys (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  -- NULL: the key acts for every agency (a province's back office).
  agency_id uuid REFERENCES agencies(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The counter's dossier as last pushed (snapshot), plus the columns the server searches on. A dossier whose
-- code another dossier of the agency already holds is stored too, flagged, so both sides are kept.
CREATE TABLE dossiers (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  counter_id uuid NOT NULL REFERENCES counters(id),
  code text NOT NULL,
  counter_version integer NOT NULL,
  status text NOT NULL,
  snapshot jsonb NOT NULL,
  code_conflict boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dossiers_code ON dossiers (code);
CREATE INDEX dossiers_agency_code ON dossiers (agency_id, code);

-- Every outbox job id a counter pushed: the record of counter pushes, and how a duplicate is recognised.
CREATE TABLE applied_jobs (
  job_id uuid PRIMARY KEY,
  counter_id uuid NOT NULL REFERENCES counters(id),
  dossier_id uuid NOT NULL,
  dossier_version integer NOT NULL,
  outcome text NOT NULL,
  code text,
  message text,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_entries (
  counter_id uuid NOT NULL REFERENCES counters(id),
  seq integer NOT NULL,
  id text NOT NULL,
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  details text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (counter_id, seq)
);

-- Back-office status changes going down to counters; the cursor is the bigserial id.
CREATE TABLE status_changes (
  id bigserial PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  dossier_id uuid NOT NULL REFERENCES dossiers(id),
  code text NOT NULL,
  status text NOT NULL,
  at timestamptz NOT NULL,
  by_name text NOT NULL,
  note text
);
CREATE INDEX status_changes_agency_cursor ON status_changes (agency_id, id);

CREATE TABLE code_blocks (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  counter_id uuid NOT NULL REFERENCES counters(id),
  day text NOT NULL,
  first_seq integer NOT NULL,
  last_seq integer NOT NULL,
  reserved_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (agency_id, day, first_seq)
);

-- Catalogue, calendars (one row per year), form templates: JSON with a version string used as the ETag.
CREATE TABLE reference_documents (
  kind text NOT NULL,
  key text NOT NULL,
  version text NOT NULL,
  body jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, key)
);

-- Scans, addressed by SHA-256; the bytes live under the data folder, not in the database.
CREATE TABLE uploads (
  sha256 text PRIMARY KEY,
  size bigint NOT NULL,
  received bigint NOT NULL DEFAULT 0,
  complete boolean NOT NULL DEFAULT false,
  media_type text NOT NULL,
  file_path text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
-- Which dossier (of which agency) a scan belongs to; one file may serve several dossiers.
CREATE TABLE upload_refs (
  sha256 text NOT NULL REFERENCES uploads(sha256),
  agency_id uuid NOT NULL REFERENCES agencies(id),
  dossier_id text NOT NULL,
  PRIMARY KEY (sha256, agency_id, dossier_id)
);
`,
} as const;
