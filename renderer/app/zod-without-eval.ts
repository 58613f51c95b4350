import { z } from 'zod';

// Zod compiles fast parsers with `new Function`, which our CSP (no 'unsafe-eval') refuses, and Chromium
// reports even the probe as a CSP violation. Schemas read this setting when they are created, so this
// module must be main.tsx's first import, before anything imports the contract.
z.config({ jitless: true });
