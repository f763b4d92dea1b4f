/**
 * YAML with positions: parse once, keep the node tree, and map any node back to its line,
 * so every error about a scenario or parameter file can name the file and line.
 */
import { LineCounter, parseDocument, isMap, isScalar, isSeq, visit, type Document, type Node, type Pair } from 'yaml';
import { JiuzhuError } from './errors.js';

export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  /** 1-based line of a node (or of a pair's key). */
  lineOf(node: unknown): number | undefined;
  /** Line of the node at a path of keys and indices, falling back to the nearest ancestor. */
  lineAt(path: readonly (string | number)[]): number | undefined;
}

/** Parses YAML text strictly (duplicate keys are errors) and keeps positions. */
export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
    const dup = /unique/i.test(err.message);
    const keyMatch = dup ? /^\s*-?\s*["']?([^"':]+)["']?\s*:/.exec(text.replace(/^\uFEFF/, '').split(/\r?\n/)[line - 1] ?? '') : null;
    throw new JiuzhuError(dup ? 'DUPLICATE_KEY' : 'YAML_SYNTAX', dup ? `duplicate key${keyMatch ? ` '${keyMatch[1]}'` : ''}` : `YAML syntax error: ${err.message.split('\n')[0]}`, {
      location: { file, line, key: keyMatch?.[1] },
    });
  }
  // Aliases the YAML parser accepts but toJS cannot: to no earlier anchor, or to a node holding
  // the alias itself (a cycle that would send every walk over the value into endless recursion).
  visit(doc, {
    // `__proto__` as a key would set the object's prototype when the document becomes JS: the
    // key would vanish without a word. No jiuzhu file has such a key, so it is an error.
    Pair(_, pair) {
      if (isScalar(pair.key) && String(pair.key.value) === '__proto__') {
        const at = pair.key.range?.[0];
        throw new JiuzhuError('BAD_KEY', "'__proto__' is not allowed as a key", { location: { file, line: at === undefined ? undefined : lineCounter.linePos(at).line, key: '__proto__' } });
      }
    },
    Alias(_, node) {
      const target = node.resolve(doc);
      const at = node.range?.[0];
      const [start, , end] = target?.range ?? [];
      const why = !target ? `unknown alias '*${node.source}': no anchor '&${node.source}' before it`
        : at !== undefined && start !== undefined && end !== undefined && at >= start && at < end ? `alias '*${node.source}' refers to a node that contains it (a recursive alias)` : undefined;
      if (why) throw new JiuzhuError('YAML_ALIAS', why, { location: { file, line: at === undefined ? undefined : lineCounter.linePos(at).line } });
    },
  });
  const lineOf = (node: unknown): number | undefined => {
    const n = node as { range?: [number, number, number]; key?: { range?: [number, number, number] } } | undefined;
    const range = n?.range ?? n?.key?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };
  const lineAt = (path: readonly (string | number)[]): number | undefined => {
    let node: unknown = doc.contents;
    let best = lineOf(node);
    for (const k of path) {
      if (isMap(node)) {
        const pair = (node.items as Pair[]).find((p) => isScalar(p.key) && String(p.key.value) === String(k));
        if (!pair) break;
        best = lineOf(pair.key) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof k === 'number') {
        node = node.items[k];
        best = lineOf(node) ?? best;
      } else break;
    }
    return best;
  };
  return { file, doc, lineOf, lineAt };
}

/** Plain JS value of a parsed document. */
export function yamlToJs(src: YamlSource): unknown {
  try {
    return src.doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // yaml refuses documents whose aliases expand too far (a "billion laughs" resource attack).
    throw new JiuzhuError('YAML_ALIAS', `cannot expand the document's aliases: ${(e as Error).message}`, { location: { file: src.file }, cause: e });
  }
}

export type { Node };
