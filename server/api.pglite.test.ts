import { describe } from 'vitest';
import { pgliteBackend } from './testing/backends.ts';
import { defineApiSuite } from './testing/api-suite.ts';

describe('central API on PGlite', () => defineApiSuite(pgliteBackend));
