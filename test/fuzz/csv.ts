/** Random valid flat (one row per person) CSVs and their serialization, with line numbers per row. */
import fc from 'fast-check';

export const PREFECTURES = [220100, 220200, 220300, 220400, 220500, 220600, 220700, 220800, 222400] as const;

export interface Person { pid: number; age: number; sex: number; earnings: number; pension: number }
export interface Household { id: number; prefecture: number; urban: number; weight: number; persons: Person[] }

export interface CsvModel {
  households: Household[];
  /** Optional columns present, in addition to the required ones. */
  optional: ('sex' | 'earnings' | 'pension' | 'weight')[];
  /** An unknown extra column (ignored with a warning). */
  extra: boolean;
  bom: boolean;
  crlf: boolean;
  /** Quote every field (RFC 4180 quoting, doubled quotes inside). */
  quoteAll: boolean;
  trailingNewline: boolean;
  /** Text of the extra column: may hold commas, quotes and newlines (quoted). */
  notes: string[];
}

const money = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true }));

const person = fc.record({ age: fc.integer({ min: 0, max: 120 }), sex: fc.constantFrom(1, 2), earnings: money, pension: money });

const household = fc.record({
  prefecture: fc.constantFrom(...PREFECTURES),
  urban: fc.constantFrom(0, 1),
  weight: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1e4, noNaN: true, noDefaultInfinity: true })),
  persons: fc.array(person, { minLength: 1, maxLength: 6 }),
});

export const csvModel: fc.Arbitrary<CsvModel> = fc
  .record({
    hh: fc.array(household, { minLength: 1, maxLength: 20 }),
    ids: fc.uniqueArray(fc.integer({ min: 0, max: 1e9 }), { minLength: 20, maxLength: 20 }),
    pidBase: fc.constantFrom(0, 1, 100),
    optional: fc.subarray<'sex' | 'earnings' | 'pension' | 'weight'>(['sex', 'earnings', 'pension', 'weight']),
    extra: fc.boolean(),
    bom: fc.boolean(),
    crlf: fc.boolean(),
    quoteAll: fc.boolean(),
    trailingNewline: fc.boolean(),
    notes: fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', ' ', '中', 'x'), maxLength: 6 }), { minLength: 120, maxLength: 120 }),
  })
  .map(({ hh, ids, pidBase, ...rest }) => ({
    ...rest,
    optional: [...rest.optional],
    households: hh.map((h, k) => ({ ...h, id: ids[k]!, persons: h.persons.map((p, j) => ({ ...p, pid: pidBase + j })) })),
  }));

export interface CsvText {
  text: string;
  header: string[];
  /** Cells of each data row, as written (unquoted). */
  rows: string[][];
  /** 1-based physical line of each data row. */
  lines: number[];
}

export function columnsOf(m: CsvModel): string[] {
  return ['household_id', 'person_id', 'prefecture', 'urban', 'age', ...m.optional, ...(m.extra ? ['note'] : [])];
}

/** The cells of a model, one row per person. */
export function cellsOf(m: CsvModel): { header: string[]; rows: string[][] } {
  const header = columnsOf(m);
  const rows: string[][] = [];
  let n = 0;
  for (const h of m.households) {
    for (const p of h.persons) {
      const v: Record<string, string> = {
        household_id: String(h.id), person_id: String(p.pid), prefecture: String(h.prefecture), urban: String(h.urban), age: String(p.age),
        sex: String(p.sex), earnings: String(p.earnings), pension: String(p.pension), weight: String(h.weight), note: m.notes[n % m.notes.length]!,
      };
      rows.push(header.map((c) => v[c]!));
      n++;
    }
  }
  return { header, rows };
}

/** Serializes cells; fields that need it are quoted (all of them with quoteAll). */
export function serialize(m: Pick<CsvModel, 'bom' | 'crlf' | 'quoteAll' | 'trailingNewline'>, header: string[], rows: string[][]): CsvText {
  const nl = m.crlf ? '\r\n' : '\n';
  const q = (s: string): string => (m.quoteAll || /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s);
  const lines: number[] = [];
  let line = 1;
  const out: string[] = [];
  for (const [k, r] of [header, ...rows].entries()) {
    if (k > 0) lines.push(line);
    const rec = r.map(q).join(',');
    out.push(rec);
    line += 1 + (rec.match(/\n/g)?.length ?? 0);
  }
  const text = (m.bom ? '\uFEFF' : '') + out.join(nl) + (m.trailingNewline ? nl : '');
  return { text, header, rows, lines };
}

export function csvText(m: CsvModel): CsvText {
  const { header, rows } = cellsOf(m);
  return serialize(m, header, rows);
}
