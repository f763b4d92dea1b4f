/**
 * Bundles a bench script and the TypeScript it imports into one JavaScript file under
 * bench/.cache (esbuild, which tsx brings), packages left as imports. A child that measures the
 * engine's memory runs that file with plain node: the engine as a user runs it (compiled, as
 * `npx jiuzhu` runs dist/), without the ~34 MiB of tsx's loader in the figure.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Writes bench/.cache/<name>.mjs from a TypeScript entry (`file`: another file name there, e.g.
 * `worker-entry.js`, which a bundle beside it looks for as its compiled sibling); returns its path.
 */
export async function bundleScript(entry: URL, name: string, file = `${name}.mjs`): Promise<string> {
  const outfile = fileURLToPath(new URL(`../.cache/${file}`, import.meta.url));
  await build({ entryPoints: [fileURLToPath(entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'error' });
  return outfile;
}
