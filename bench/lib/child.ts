/** Child processes of the bench: a script run with `node --import tsx`, its last stdout line parsed as JSON. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs a bench script (a URL relative to the caller) in a child process and parses its last
 * stdout line. A `.ts` script runs under tsx; a bundled `.mjs` (bundle.ts) runs with plain node,
 * with `env` added to the environment.
 */
export function runChild<T>(script: URL | string, args: readonly string[], env: Record<string, string> = {}): Promise<T> {
  const path = typeof script === 'string' ? script : fileURLToPath(script);
  const loader = path.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...loader, path, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${path} exited with code ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as T);
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

/**
 * Peak RSS of this process so far, worker threads included (KiB): VmHWM of /proc/self/status
 * where it exists. Not process.resourceUsage().maxRSS: on Linux ru_maxrss survives fork + exec,
 * so a child would report at least its parent's RSS at spawn time (see bench/README.md, W1).
 */
export function peakRssKiB(): number {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS;
}
