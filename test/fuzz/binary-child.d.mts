/** Types of binary-child.mjs (plain JavaScript, so that the child boots without tsx). */
import type { Dataset } from '../../src/data/dataset.js';
import type { ChildReport } from './binary-report.js';

export function reportOf(index: number, file: string, loadDataset: (file: string) => Promise<Dataset>, isJiuzhuError: (e: unknown) => boolean): Promise<ChildReport>;
