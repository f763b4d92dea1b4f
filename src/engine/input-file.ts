/**
 * Reading an input file with a bound. Every file jiuzhu reads (scenarios, codebooks, dataset
 * files, parameter files) is opened once, checked with fstat to be a regular file — not a folder,
 * a device such as /dev/zero, a FIFO (opened without blocking, so it cannot hang) or a socket,
 * also when reached through a symlink — and read up to a stated number of bytes. The size in
 * the file's metadata is not trusted (files under /proc report 0): reading stops one byte past
 * the limit, and a file that long is refused with the limit named.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { JiuzhuError, type ErrorLocation } from './errors.js';

/** Human units for a byte limit in messages: `4 MiB`. */
export function byteLimit(bytes: number): string {
  return bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GiB` : bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MiB` : `${bytes / 2 ** 10} KiB`;
}

/** What a file is, when it is not a regular file. */
function kindOf(st: ReturnType<typeof fstatSync>): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export interface BoundedRead {
  /** Most bytes read; a longer file is refused (TOO_LARGE). */
  maxBytes: number;
  /** What the file is, for messages: `scenario file`, `codebook`. */
  what: string;
  /** Where to point an error (defaults to the file). */
  location?: ErrorLocation;
  /** The limit's name in the docs' Limits table, e.g. `scenario file size`. */
  limitName?: string;
}

/** Opens `file` for reading and checks it is a regular file; the caller closes the descriptor. */
export function openRegularFile(file: string, what: string, location: ErrorLocation = { file }): number {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without a writer would otherwise wait for ever.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new JiuzhuError('FILE_NOT_FOUND', `cannot read ${what}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`, { location });
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    // "this is a folder, not a scenario file" (extended by …): the wording the CLI contract tests expect.
    const [noun, rest = ''] = what.split(/(?= \()/);
    const message = st.isDirectory() ? `this is a folder, not a ${noun}${rest}` : `this ${what} is ${kindOf(st)}, not a regular file, so it is not read`;
    throw new JiuzhuError('NOT_A_FILE', message, { location, hint: `give a regular ${noun}` });
  }
  return fd;
}

/** Checks that `file` is a regular file, without reading it. */
export function assertRegularFile(file: string, what: string, location?: ErrorLocation): void {
  closeSync(openRegularFile(file, what, location));
}

/** Reads a regular file of at most `maxBytes` bytes. */
export function readBounded(file: string, options: BoundedRead): Buffer {
  const location = options.location ?? { file };
  const fd = openRegularFile(file, options.what, location);
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(1 << 20, options.maxBytes + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const n = readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
    }
    if (total > options.maxBytes) {
      throw new JiuzhuError('TOO_LARGE', `this ${options.what} is larger than the limit of ${byteLimit(options.maxBytes)}${options.limitName ? ` (${options.limitName})` : ''}`, {
        location, hint: 'see the Limits table in docs/reliability.md',
      });
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * readBounded, as UTF-8 text. Bytes that are not UTF-8 (a file saved as GBK) are refused with the
 * line they are on: decoded loosely they would turn into look-alike keys ("duplicate key").
 */
export function readBoundedText(file: string, options: BoundedRead): string {
  const bytes = readBounded(file, options);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, bad).filter((b) => b === 0x0a).length + 1;
    throw new JiuzhuError('BAD_ENCODING', `this ${options.what} is not UTF-8 text (byte 0x${bytes[bad]?.toString(16).padStart(2, '0')} on line ${line}); it may be saved as GBK`, {
      location: { ...(options.location ?? { file }), line }, hint: 'save it as UTF-8 (YAML files are read as UTF-8; a dataset CSV may name its encoding with --encoding or a codebook)',
    });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}
