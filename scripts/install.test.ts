/**
 * Install hygiene, checked from the committed lock file: every package runs on the Node.js versions
 * README promises, and every optional package a dependency names (the per-platform binaries of
 * biome, rollup and esbuild) is recorded, so `npm ci` accepts the lock file on any machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optionalDependencies?: Record<string, string>;
}
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };

/** The oldest release of each supported major line. */
const SUPPORTED = ['20.19.0', '22.12.0', '24.0.0'];

describe('the lock file', () => {
  it('promises in package.json the Node.js versions README names', () => {
    for (const version of SUPPORTED) expect(semver.satisfies(version, manifest.engines.node), version).toBe(true);
  });

  it('holds no package whose declared engines exclude a supported Node.js version', () => {
    const excluding = Object.entries(lock.packages).flatMap(([location, locked]) => {
      const range = !Array.isArray(locked.engines) ? locked.engines?.node : undefined;
      if (!location || !range) return [];
      const refused = SUPPORTED.filter((version) => !semver.satisfies(version, range, { includePrerelease: true }));
      return refused.length > 0 ? [`${location}@${locked.version} wants node ${range}`] : [];
    });
    expect(excluding).toEqual([]);
  });

  it('records every optional package of every platform, as `npm ci` requires', () => {
    const missing = Object.entries(lock.packages).flatMap(([location, locked]) =>
      Object.keys(locked.optionalDependencies ?? {})
        .filter((name) => {
          // Resolved as node does: beside the package first, then in each node_modules above it.
          const parts = location.split('node_modules/').length - 1;
          let base = location;
          for (let depth = parts; depth >= 0; depth -= 1) {
            if (lock.packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return false;
            base = base.slice(0, Math.max(0, base.lastIndexOf('/node_modules/')));
          }
          return true;
        })
        .map((name) => `${location || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
