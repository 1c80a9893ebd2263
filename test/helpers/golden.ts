/**
 * Golden files: the expected output of a test, kept under test/golden/. A mismatch writes the actual
 * output beside the expected file (`name.actual.ext`, gitignored) and fails with a summary of the
 * differing lines; `UPDATE_GOLDEN=1` rewrites the expected files instead (review the diff, then commit).
 */
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';

export const GOLDEN_DIR = path.resolve(process.cwd(), 'test', 'golden');

function actualPath(file: string): string {
  const ext = path.extname(file);
  return `${file.slice(0, file.length - ext.length)}.actual${ext}`;
}

/** Line-by-line summary: how many lines differ, and the first few with their numbers. */
export function diffSummary(expected: string, actual: string, shown = 8): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const out: string[] = [];
  let differing = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    differing++;
    if (out.length < shown * 2) out.push(`  ${i + 1}- ${a[i] ?? '(none)'}`.slice(0, 200), `  ${i + 1}+ ${b[i] ?? '(none)'}`.slice(0, 200));
  }
  return `${differing} of ${Math.max(a.length, b.length)} lines differ (expected ${a.length}, actual ${b.length}):\n${out.join('\n')}`;
}

/** Compares `actual` with test/golden/<name>; see the module comment. */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  const written = actualPath(file);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    fs.rmSync(written, { force: true });
    return;
  }
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(written, actual);
    assert.fail(`no golden file ${path.relative(process.cwd(), file)}; the output is in ${path.relative(process.cwd(), written)} (UPDATE_GOLDEN=1 writes it)`);
  }
  const expected = fs.readFileSync(file, 'utf8');
  if (expected === actual) {
    fs.rmSync(written, { force: true });
    return;
  }
  fs.writeFileSync(written, actual);
  assert.fail(`${path.relative(process.cwd(), file)} differs; the output is in ${path.relative(process.cwd(), written)} (UPDATE_GOLDEN=1 accepts it)\n${diffSummary(expected, actual)}`);
}
