import { describe } from 'vitest';
import { postgresBackend } from './testing/backends.ts';
import { defineApiSuite } from './testing/api-suite.ts';
import { postgresUnavailableReason } from './testing/postgres.ts';

const unavailable = postgresUnavailableReason();
if (unavailable) console.warn(`Skipping the PostgreSQL run of the central API suite: ${unavailable}`);

describe.skipIf(unavailable !== null)('central API on PostgreSQL', () => defineApiSuite(postgresBackend));
