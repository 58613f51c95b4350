import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract/names.ts';
import { makeTempDir, writeGarbageDatabase } from '../../test/harness/temp-dir.ts';

// The real `desk` command in a child process, as IT staff would run it.
const desk = path.resolve(import.meta.dirname, '..', '..', 'bin', 'desk.mjs');
let temp: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [desk, ...args], { encoding: 'utf8', timeout: 15_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('desk call', () => {
  test('system.info prints an ok envelope and exits 0', () => {
    const result = run('call', 'system.info', '--data', temp.dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, value: { appVersion: expect.any(String), dataDir: temp.dir, schemaVersion: LATEST_SCHEMA_VERSION } });
  });

  test('system.describe lists every method with input and output as JSON Schema', () => {
    const result = run('call', 'system.describe', '--data', temp.dir);
    const described = JSON.parse(result.stdout) as { value: { methods: { name: string; input: { type: string }; output: { type: string } }[] } };
    expect(described.value.methods.map((method) => method.name).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of described.value.methods) {
      expect(method.input.type).toBe('object');
      expect(method.output.type).toBe('object');
    }
  });

  test('an ok:false result exits non-zero and explains itself in Vietnamese and English', () => {
    const result = run('call', 'settings.update', '{"language": "fr"}', '--data', temp.dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(result.stderr).toContain('Dữ liệu nhập không hợp lệ');
    expect(result.stderr).toContain('The input is not valid');
  });

  test('malformed JSON input gets invalid-json', () => {
    const result = run('call', 'settings.update', '{language:', '--data', temp.dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { code: 'invalid-json' } });
  });

  test('settings written by one call are read by the next', () => {
    expect(run('call', 'settings.update', '{"counter":{"counterName":"Quầy số 3"}}', '--data', temp.dir).code).toBe(0);
    expect(JSON.parse(run('call', 'counter.get', '--data', temp.dir).stdout)).toMatchObject({ value: { counterName: 'Quầy số 3', enrolled: false } });
  });
});

describe('desk serve', () => {
  test('refuses a non-loopback address with a bilingual message and exit code 2', () => {
    const result = run('serve', '--host', '0.0.0.0', '--port', '0', '--data', temp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('non-loopback-bind');
    expect(result.stderr).toContain('127.0.0.1');
  });

  test('a usage error prints the usage and exits 2', () => {
    const result = run('serve', '--port', 'many');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('desk serve');
  });
});

describe('desk doctor', () => {
  test('prints one OK/FAIL line per check; an unconfigured server is a FAIL with its reason', () => {
    const result = run('doctor', '--data', temp.dir);
    expect(result.stdout).toMatch(/^OK +Thư mục dữ liệu ghi được \/ Data folder writable$/m);
    expect(result.stdout).toMatch(/^OK +Cơ sở dữ liệu của quầy toàn vẹn/m);
    expect(result.stdout).toMatch(/^FAIL +Kết nối máy chủ một cửa/m);
    expect(result.stdout).toContain('No server address is configured');
    expect(result.code).toBe(1);
  });

  test('reports a damaged database as FAIL with db-corrupt', () => {
    writeGarbageDatabase(temp.dir);
    const result = run('doctor', '--data', temp.dir);
    expect(result.stdout).toMatch(/^FAIL +Cơ sở dữ liệu của quầy toàn vẹn.*\n.*db-corrupt/m);
  });

  test('reports an unreachable server as FAIL with the network reason', () => {
    run('call', 'settings.update', '{"serverUrl":"http://127.0.0.1:9"}', '--data', temp.dir);
    const result = run('doctor', '--data', temp.dir);
    expect(result.stdout).toMatch(/^FAIL +Kết nối máy chủ một cửa.*\n.*127\.0\.0\.1:9: No connection to the server/m);
  });
});
