import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A private SANE configuration that enables only SANE's `test` backend (a virtual scanner shipped with
 * sane-backends: flatbed and a 10-sheet feeder, grey and colour, test pictures), so tests drive the real
 * `scanimage` without hardware and without probing the machine's USB or network scanners.
 * Debian: `apt-get install sane-utils`. Returns null when scanimage is missing (tests then say so).
 */
export function makeSaneTestConfig(dir: string, picture: 'Color pattern' | 'Grid' | 'Solid white' | 'Solid black' = 'Grid', extra: readonly string[] = []): Record<string, string> | null {
  try {
    execFileSync('scanimage', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const config = path.join(dir, 'sane.d');
  fs.mkdirSync(config, { recursive: true });
  fs.writeFileSync(path.join(config, 'dll.conf'), 'test\n');
  // An A4-ish area (the test device's maximum is 200 × 200 mm) so pages look like papers.
  fs.writeFileSync(path.join(config, 'test.conf'), ['number_of_devices 1', 'mode Gray', `test-picture "${picture}"`, 'br_x 200.0', 'br_y 200.0', ...extra, ''].join('\n'));
  return { SANE_CONFIG_DIR: config };
}
