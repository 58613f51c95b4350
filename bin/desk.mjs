#!/usr/bin/env node
// The `desk` command. Node 24 runs the TypeScript core directly (type stripping), so there is no build step.
import { runCli } from '../core/host/cli.ts';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
