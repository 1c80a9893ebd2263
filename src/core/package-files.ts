/** Files shipped with armsbrief (package.json, methodology/, reference/), found from this module in src/ or dist/src/. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of `rel` under the package root; `rel` resolved against the working directory when no root holds it. */
export function packagePath(rel: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, rel);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return path.resolve(rel);
}

let version: string | undefined;

/** The package's version from its package.json, so no copy of the number is kept by hand. */
export function packageVersion(): string {
  version ??= (JSON.parse(fs.readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
