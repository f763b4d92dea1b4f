/**
 * What the binary fuzz learns of one file (ChildReport), and loadReport: the child process's
 * report (binary-child.mjs, on the build) made in-process on the source, for the pure-JS Arrow loader.
 */
import { loadDataset } from '../../src/data/dataset.js';
import { isJiuzhuError } from '../../src/engine/errors.js';
import { reportOf } from './binary-child.mjs';

export interface ChildReport {
  index: number;
  status: 'accepted' | 'rejected' | 'raw';
  households?: number;
  persons?: number;
  ages?: number[];
  prefectures?: number[];
  warnings?: string[];
  code?: string;
  kind?: string;
  location?: Record<string, unknown>;
  message?: string;
}

/** Loads one file and reports the outcome, as the child does. */
export function loadReport(index: number, file: string): Promise<ChildReport> {
  return reportOf(index, file, loadDataset, isJiuzhuError);
}
