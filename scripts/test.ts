// `npm test`: everything CI checks, in the order that fails fastest, then one closing line
// "N passed, N failed, N skipped" over unit and browser tests together. Skipped tests (the Electron suite
// where no Electron binary exists) are counted as skipped, never as passed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'mot-cua-test-'));
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

type Totals = { passed: number; failed: number; skipped: number };

function vitestTotals(file: string): Totals {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightTotals(file: string): Totals {
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected, failed: report.stats.unexpected + report.stats.flaky, skipped: report.stats.skipped };
}

const vitestReport = path.join(reports, 'vitest.json');
const playwrightReport = path.join(reports, 'playwright.json');
const results = {
  lint: step('lint (layering rules included)', bin('eslint'), ['.', '--max-warnings', '0']),
  typecheck: step('typecheck, one project per layer', process.execPath, ['scripts/typecheck.ts']),
  unit: step('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]),
  build: step('build the UI and the Electron bundles', 'npm', ['run', 'build']),
  e2e: false,
};
results.e2e = results.build && step('browser end-to-end (Playwright, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });

const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
for (const [file, read] of [[vitestReport, vitestTotals], [playwrightReport, playwrightTotals]] as const) {
  if (!fs.existsSync(file)) continue;
  const part = read(file);
  totals.passed += part.passed;
  totals.failed += part.failed;
  totals.skipped += part.skipped;
}
const failedSteps = Object.entries(results).filter(([, ok]) => !ok).map(([name]) => name);
console.log(`\nsteps: ${Object.entries(results).map(([name, ok]) => `${name} ${ok ? 'ok' : 'FAILED'}`).join(', ')}`);
if (failedSteps.length > 0 && totals.failed === 0) totals.failed = failedSteps.length; // a failed lint or build is a failure too
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
fs.rmSync(reports, { recursive: true, force: true });
process.exitCode = failedSteps.length === 0 ? 0 : 1;
