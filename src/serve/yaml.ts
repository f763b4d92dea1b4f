/**
 * The explorer's settings as a scenario file: the explored scenario's own file (comments and
 * layout kept, like `jiuzhu solve --write`) with one override per moved slider appended and its
 * description extended. The explorer does not know where the browser will save the file, so
 * `extends` and a dataset path are made absolute; the loader resolves them from anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseDocument, isMap, isScalar, isSeq, Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Scenario } from '../scenarios/input/load.js';
import type { Override } from '../engine/parameters/tree.js';
import { SLIDERS, settingsOverrides, type Settings, type Slider } from './sliders.js';

export interface SavedScenarioContext {
  /** Months the explorer showed, so the header can say how to see the same figures again. */
  period: { from: string; to: string };
  /** The dataset the explorer ran on, and the --data to give `jiuzhu run` when it is not the scenario's own. */
  datasetName: string;
  dataArg?: string;
}

/** A value set directly (standards table, parameter search): its override, and the same in words per language. */
export interface SetValue { override: Override; text: { zh: string; en: string } }

/** A setting as text: ×1.2 for a scale, 80% for a set share. */
export function settingText(s: Slider, v: number): string {
  return s.display === 'percent' ? `${Number((v * 100).toFixed(2))}%` : `×${v}`;
}

/** The moved sliders and set values in words, e.g. "urban dibao standard ×1.2, rural take-up 80%, dibao.standard (Changchun urban) = 300". */
export function settingsText(settings: Settings, lang: 'zh' | 'en', sets: readonly SetValue[] = []): string {
  const moved = [
    ...SLIDERS.filter((s) => settings[s.id] !== undefined).map((s) => `${lang === 'zh' ? s.label.zh : s.label.en.toLowerCase()} ${settingText(s, settings[s.id]!)}`),
    ...sets.map((v) => v.text[lang]),
  ];
  if (!moved.length) return lang === 'zh' ? '未改动任何设置' : 'no setting changed';
  return moved.join(lang === 'zh' ? '，' : ', ');
}

/** The saved scenario's name: the explored one's with -explorer. */
export const explorerName = (s: Scenario): string => `${s.name}-explorer`;

/** The scenario YAML of `base` with `settings` (those differing from the defaults), then the `sets`, applied. */
export function scenarioYaml(base: Scenario, settings: Settings, ctx: SavedScenarioContext, sets: readonly SetValue[] = []): string {
  const file = base.files[base.files.length - 1]!;
  const dir = dirname(file);
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const absolute = (key: 'extends' | 'dataset', onlyIfExists: boolean): void => {
    const v = doc.get(key);
    if (typeof v !== 'string' || isAbsolute(v)) return;
    const abs = resolve(dir, v);
    if (onlyIfExists && !existsSync(abs)) return; // a dataset name under datasets/
    doc.set(key, abs);
  };
  absolute('extends', false);
  absolute('dataset', true);
  doc.set('name', explorerName(base));
  const description = doc.get('description') as YAMLMap | undefined;
  const old = { zh: String(description?.get('zh') ?? ''), en: String(description?.get('en') ?? '') };
  const folded = (text: string): Scalar => Object.assign(new Scalar(text), { type: Scalar.BLOCK_FOLDED });
  doc.set('description', doc.createNode({
    zh: folded(`${old.zh}（由 jiuzhu 情景探索器保存：${settingsText(settings, 'zh', sets)}。）`),
    en: folded(`${old.en}${old.en ? ' ' : ''}(Saved from the jiuzhu explorer: ${settingsText(settings, 'en', sets)}.)`),
  }));
  const added = settingsOverrides(settings);
  if (added.length || sets.length) {
    let overrides = doc.get('overrides');
    if (!isSeq(overrides)) {
      overrides = doc.createNode([]);
      doc.set('overrides', overrides);
    }
    const moved = SLIDERS.filter((s) => settings[s.id] !== undefined);
    added.forEach((o, i) => {
      const node = doc.createNode(o);
      const where = node.get('where', true);
      if (isMap(where)) where.flow = true;
      node.commentBefore = ` jiuzhu serve: ${moved[i]!.label.en} ${settingText(moved[i]!, settings[moved[i]!.id]!)}`;
      (overrides as YAMLSeq).items.push(node);
    });
    for (const v of sets) {
      const node = doc.createNode(v.override);
      const where = node.get('where', true);
      if (isMap(where)) where.flow = true;
      node.commentBefore = ` jiuzhu serve: set ${v.text.en}`;
      (overrides as YAMLSeq).items.push(node);
    }
  }
  const period = ctx.period.from === ctx.period.to ? ctx.period.from : `${ctx.period.from}–${ctx.period.to}`;
  const header = [
    ` Saved from the jiuzhu explorer (jiuzhu serve), from ${file}.`,
    ` The explorer showed ${period} on the dataset ${ctx.datasetName}; the same figures again:`,
    `   jiuzhu run THIS_FILE.yaml --period ${ctx.period.from}:${ctx.period.to}${ctx.dataArg ? ` --data ${ctx.dataArg}` : ''}`,
    ' extends and the dataset are absolute paths, since the explorer cannot know where this file is saved.',
  ];
  // The editor hint's relative $schema path would point nowhere from the saved file's folder.
  // A file's leading comment sits on the document or, after a blank line, on its first key.
  const withoutHint = (c: string | null | undefined): string[] => (c ?? '').split('\n').filter((l) => !/yaml-language-server/.test(l));
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (isScalar(first) && first.commentBefore) {
    const rest = withoutHint(first.commentBefore);
    first.commentBefore = rest.some((l) => l.trim()) ? rest.join('\n') : undefined;
  }
  const kept = withoutHint(doc.commentBefore);
  doc.commentBefore = [...header, ...(kept.some((l) => l.trim()) ? ['', ...kept] : [])].join('\n');
  return doc.toString({ flowCollectionPadding: false });
}
