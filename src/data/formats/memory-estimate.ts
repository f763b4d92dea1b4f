/**
 * Will a flat file fit in memory? Checked before a reader builds its raw columns, so a file too
 * large for this machine is refused with a clear error instead of crashing the process (an
 * out-of-memory kill, or V8's "JavaScript heap out of memory" abort, which no catch can report).
 * The estimate is rows × bytes per row: the typed columns from the schema's dtypes, plus what the
 * raw table of each format holds per cell while it is read.
 */
import { freemem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { allocColumn, type Dtype } from '../../engine/column.js';
import { JiuzhuError } from '../../engine/errors.js';
import { HOUSEHOLD_COLUMNS, PERSON_COLUMNS } from '../schema.js';
import type { TableSize } from './raw-table.js';

const MiB = 1024 * 1024;

/** Environment variable: the memory (MiB) a load may use, instead of what the system has free. */
export const MEMORY_LIMIT_ENV = 'JIUZHU_MEMORY_LIMIT_MIB';

const dtypeBytes = (dtype: Dtype): number => allocColumn(dtype, 0).BYTES_PER_ELEMENT;

/**
 * Index arrays the flat loader builds per row, besides the schema columns (dataset.ts
 * flatPopulation): the household and person ids as read and the person keys (3 × f64), each
 * row's household index and the population's person → household index (2 × i32).
 */
const INDEX_BYTES_PER_ROW = 3 * Float64Array.BYTES_PER_ELEMENT + 2 * Int32Array.BYTES_PER_ELEMENT;

/**
 * Bytes of the typed columns per row of a flat file: every schema column by its dtype. Household
 * columns count once per row, as if every person were a household of one (the most there can be).
 */
export function typedBytesPerRow(): number {
  let bytes = INDEX_BYTES_PER_ROW;
  for (const spec of [...HOUSEHOLD_COLUMNS, ...PERSON_COLUMNS]) if (spec.name !== 'id' && spec.name !== 'household') bytes += dtypeBytes(spec.dtype);
  return bytes;
}

/**
 * What each cell of the raw table costs while it is read, before conversion: the peak RSS
 * growth of loadDataset on a flat file of `jiuzhu generate --households 100000 --seed 1`
 * (309,157 rows × 29 columns) less the typed columns (typedBytesPerRow(): 115), per cell, rounded up. Measured
 * 2026-11-28, Node 20: CSV 1,769 bytes a row (the text, then one JS string per field and the row
 * and column arrays holding them), Parquet 1,539 (DuckDB's result, then one JS value per cell,
 * twice: getColumns and the conversion), Arrow 336 (the file's bytes and decoded copies).
 */
const RAW_BYTES_PER_CELL: Record<TableSize['format'], number> = { csv: 58, parquet: 50, arrow: 8 };

/** Whether that raw part lives on the V8 heap (JS strings and arrays), which has its own limit. */
const RAW_ON_HEAP: Record<TableSize['format'], boolean> = { csv: true, parquet: true, arrow: false };

/**
 * Headroom over the estimate: the measurement is of one file (longer text values cost more per
 * cell), and the garbage collector needs free space to work in while the raw table is alive.
 */
const SAFETY_FACTOR = 1.25;

export interface MemoryEstimate {
  /** Bytes the load is expected to need at its peak, headroom included. */
  total: number;
  /** Of which on the V8 heap. */
  heap: number;
}

/** The memory a table of this size needs while it is loaded. */
export function estimateLoadBytes(size: TableSize): MemoryEstimate {
  const raw = size.rows * size.columns * RAW_BYTES_PER_CELL[size.format];
  const typed = size.rows * typedBytesPerRow();
  return { total: (raw + typed) * SAFETY_FACTOR, heap: RAW_ON_HEAP[size.format] ? raw * SAFETY_FACTOR : 0 };
}

/** Memory a load may use: JIUZHU_MEMORY_LIMIT_MIB, else what the system (or the container) has free. */
export function availableBytes(): number {
  const env = process.env[MEMORY_LIMIT_ENV];
  if (env !== undefined && env.trim() !== '') {
    const mib = Number(env);
    if (!(mib > 0) || !Number.isFinite(mib)) throw new JiuzhuError('BAD_OPTION', `${MEMORY_LIMIT_ENV} must be a positive number of MiB, not '${env}'`, { kind: 'usage', location: { key: MEMORY_LIMIT_ENV } });
    return mib * MiB;
  }
  const constrained = process.constrainedMemory?.() ?? 0;
  // constrainedMemory() is 0 or 2^64 when no cgroup limit applies.
  const container = constrained > 0 && constrained < Number.MAX_SAFE_INTEGER ? constrained - process.memoryUsage().rss : Infinity;
  return Math.min(freemem(), container);
}

const mib = (bytes: number): string => `${Math.ceil(bytes / MiB).toLocaleString('en-US')} MiB`;

/** Refuses a table that would not fit: more than the memory available, or more than V8's heap can hold. */
export function assertFitsInMemory(size: TableSize): void {
  const need = estimateLoadBytes(size);
  const available = availableBytes();
  const what = `${size.format === 'csv' ? 'about ' : ''}${size.rows.toLocaleString('en-US')} rows × ${size.columns} columns`;
  const hint = `load it as a chunked dataset instead: a folder of Arrow files of at most 500,000 households with manifest.json (writeChunkedDataset in src/data/chunked.ts; jiuzhu generate --full writes one), which jiuzhu run --data DIR streams chunk by chunk; or give a sample. ${MEMORY_LIMIT_ENV} overrides the memory assumed free`;
  if (need.total > available) {
    throw new JiuzhuError('TOO_LARGE', `loading this file (${what}) needs about ${mib(need.total)}, more than the ${mib(available)} ${process.env[MEMORY_LIMIT_ENV] ? `allowed by ${MEMORY_LIMIT_ENV}` : 'of memory available'}`, { location: { file: size.file }, hint });
  }
  const heap = getHeapStatistics();
  const heapFree = heap.heap_size_limit - heap.used_heap_size;
  if (need.heap > heapFree) {
    throw new JiuzhuError('TOO_LARGE', `reading this ${size.format === 'csv' ? 'CSV' : 'Parquet'} file (${what}) needs about ${mib(need.heap)} of JavaScript heap, more than the ${mib(heapFree)} free under Node's heap limit`, {
      location: { file: size.file },
      hint: `convert it to Arrow (smaller in memory), or ${hint.replace(/^load/, 'load')}; or raise the heap limit with NODE_OPTIONS=--max-old-space-size=<MiB>`,
    });
  }
}
