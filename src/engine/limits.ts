/**
 * Every input's limit in one place (docs/reliability.md lists them in its Limits table).
 * Exceeding one is bad input: exit 3 with a message naming the limit. The values are generous —
 * far above any real scenario or dataset — and exist so that nothing unbounded is read or built.
 */

/** A scenario file (each file of an `extends` chain). The largest shipped one is under 10 KiB. */
export const MAX_SCENARIO_BYTES = 4 * 2 ** 20;
/** Overrides of one scenario, its whole `extends` chain included. */
export const MAX_OVERRIDES = 50_000;
/** Files in one `extends` chain. */
export const MAX_EXTENDS_DEPTH = 32;
/** A codebook file. */
export const MAX_CODEBOOK_BYTES = 4 * 2 ** 20;
/** A parameter file, or a dataset folder's dataset.yaml. */
export const MAX_YAML_BYTES = 4 * 2 ** 20;
/** A household's weight: how many households it stands for (Jilin has about 9 million). */
export const MAX_WEIGHT = 1e8;
