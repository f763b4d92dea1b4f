/**
 * Household composition: type, roles, ages and sexes of the members, from household draws
 * keyed by h and person draws keyed by the person id. Ages are built from an anchor (the
 * eldest child, or the head) so that children are always younger than their parents by at
 * least the first-birth gap, and co-resident parents older than the head.
 */
import * as constants from './constants.js';
import type { AgeSegments } from './constants.js';
// Local copies: module bindings compiled by tsx/vitest are getters, too slow in the per-person loop.
const { AGE_COUPLE, AGE_ELDEST_CHILD, AGE_ELDEST_CHILD_3G, AGE_GRANDCHILD, AGE_HEAD_WITH_PARENTS, AGE_SINGLE, CHILD_MALE, CHILD_SPACING, FIRST_BIRTH_GAP, GRANDPARENT_GAP, HEAD_MALE_COUPLE, LONE_PARENT_FEMALE, MAX_AGE, ORPHAN_SKIP_GEN, PARENT_GAP, SINGLE_MALE_OLD, SINGLE_MALE_YOUNG, SINGLE_PARENT_MALE, SPOUSE_GAP, TYPE, HEAD_WITH_PARENTS_MALE, SIBLING_SHIFT, MAX_SIBLING_SHIFTS, SKIP_GEN_TWO_GRANDPARENTS, LONE_GRANDPARENT_MALE, TYPE_MIX_RURAL, TYPE_MIX_URBAN } = constants;
import * as draws from './draws.js';
// Local copies: module bindings compiled by tsx/vitest are getters, too slow in the per-person loop.
const { intBetween, pick, S, segmentAge, uni } = draws;
import { MAX_SIZE } from './targets.js';

export const ROLE_HEAD = 0;
export const ROLE_SPOUSE = 1;
export const ROLE_CHILD = 2;
export const ROLE_PARENT = 3;
export const ROLE_OTHER = 4;
export const MALE = 1;
export const FEMALE = 2;

/** Scratch space for one household (reused across households: no per-row allocation). */
export interface Members {
  type: number;
  singleParent: number;
  /** Members filled so far. */
  count: number;
  role: Uint8Array;
  age: Int16Array;
  sex: Uint8Array;
  orphan: Uint8Array;
}

export function newMembers(): Members {
  return { type: 0, singleParent: 0, count: 0, role: new Uint8Array(MAX_SIZE), age: new Int16Array(MAX_SIZE), sex: new Uint8Array(MAX_SIZE), orphan: new Uint8Array(MAX_SIZE) };
}

/** Person id of member k of household index h. */
export function personKey(h: number, k: number): number {
  return (h + 1) * 100 + k;
}

/** Appends a member. */
function add(m: Members, role: number, age: number, sex: number): void {
  const k = m.count++;
  m.role[k] = role;
  m.age[k] = Math.max(0, Math.min(MAX_AGE, age));
  m.sex[k] = sex;
}

/** Head and spouse from the husband's and wife's ages; the head is the husband with HEAD_MALE_COUPLE. */
function addCouple(m: Members, husband: number, wife: number, uHeadMale: number): void {
  if (uHeadMale < HEAD_MALE_COUPLE) { add(m, ROLE_HEAD, husband, MALE); add(m, ROLE_SPOUSE, wife, FEMALE); }
  else { add(m, ROLE_HEAD, wife, FEMALE); add(m, ROLE_SPOUSE, husband, MALE); }
}

/** `count` children with `role`, the eldest aged `eldest`, each next one 2–7 years younger (less if the elder is under 7, so no age is negative). */
function addChildren(m: Members, seed: number, h: number, count: number, eldest: number, role: number): void {
  let a = eldest;
  for (let c = 0; c < count; c++) {
    const key = personKey(h, m.count);
    if (c > 0) a -= intBetween(uni(seed, key, S.pAge), Math.min(CHILD_SPACING[0], a), Math.min(CHILD_SPACING[1], a));
    add(m, role, a, uni(seed, key, S.pSex) < CHILD_MALE ? MALE : FEMALE);
  }
}

/** `count` (1 or 2) parents of someone aged `base`, older by `gap`. */
function addParents(m: Members, seed: number, h: number, count: number, base: number, gap: readonly [number, number], role: number): void {
  const key = personKey(h, m.count);
  const a = base + intBetween(uni(seed, key, S.pAge), gap[0], gap[1]);
  if (count === 1) { add(m, role, a, uni(seed, key, S.pSex) < LONE_PARENT_FEMALE ? FEMALE : MALE); return; }
  add(m, role, a, MALE);
  add(m, role, a - intBetween(uni(seed, personKey(h, m.count), S.pAge), SPOUSE_GAP[0], SPOUSE_GAP[1]), FEMALE);
}

function anchorAge(seed: number, h: number, seg: AgeSegments): number {
  return segmentAge(uni(seed, h, S.anchorSeg), uni(seed, h, S.anchorAge), seg);
}

/** Fills `m` with the members of household h (size n, area urban 1/0). */
export function compose(seed: number, h: number, urban: number, n: number, m: Members): void {
  const mix = (urban ? TYPE_MIX_URBAN : TYPE_MIX_RURAL)[Math.min(n, 5) - 1]!;
  const type = pick(uni(seed, h, S.type), mix);
  const detail = uni(seed, h, S.typeDetail);
  const gapRange = urban ? FIRST_BIRTH_GAP.urban : FIRST_BIRTH_GAP.rural;
  const birthGap = intBetween(uni(seed, h, S.gap), gapRange[0], gapRange[1]);
  const spouseGap = intBetween(uni(seed, h, S.spouseGap), SPOUSE_GAP[0], SPOUSE_GAP[1]);
  const uHeadMale = uni(seed, h, S.headSex);
  m.type = type;
  m.singleParent = 0;
  m.count = 0;
  m.orphan.fill(0, 0, n);
  switch (type) {
    case TYPE.single: {
      const a = anchorAge(seed, h, AGE_SINGLE);
      add(m, ROLE_HEAD, a, uHeadMale < (a >= 60 ? SINGLE_MALE_OLD : SINGLE_MALE_YOUNG) ? MALE : FEMALE);
      break;
    }
    case TYPE.couple: {
      const husband = anchorAge(seed, h, AGE_COUPLE);
      addCouple(m, husband, Math.max(18, husband - spouseGap), uHeadMale);
      break;
    }
    case TYPE.singleParent: {
      const eldest = anchorAge(seed, h, AGE_ELDEST_CHILD) + SIBLING_SHIFT * Math.min(MAX_SIBLING_SHIFTS, n - 2);
      const male = uHeadMale < SINGLE_PARENT_MALE;
      add(m, ROLE_HEAD, eldest + birthGap + (male ? spouseGap : 0), male ? MALE : FEMALE);
      addChildren(m, seed, h, n - 1, eldest, ROLE_CHILD);
      for (let c = 1; c < n; c++) if (m.age[c]! < 18) m.singleParent = 1;
      break;
    }
    case TYPE.nuclear: {
      const eldest = anchorAge(seed, h, AGE_ELDEST_CHILD) + SIBLING_SHIFT * Math.min(MAX_SIBLING_SHIFTS, n - 3);
      const wife = eldest + birthGap;
      addCouple(m, wife + spouseGap, wife, uHeadMale);
      addChildren(m, seed, h, n - 2, eldest, ROLE_CHILD);
      break;
    }
    case TYPE.threeGen: {
      const np = n === 4 ? 1 : detail < 0.5 ? 1 : 2;
      const eldest = anchorAge(seed, h, AGE_ELDEST_CHILD_3G) + SIBLING_SHIFT * Math.min(MAX_SIBLING_SHIFTS, n - 3 - np);
      const wife = eldest + birthGap;
      addCouple(m, wife + spouseGap, wife, uHeadMale);
      addChildren(m, seed, h, n - 2 - np, eldest, ROLE_CHILD);
      addParents(m, seed, h, np, m.age[0]!, PARENT_GAP, ROLE_PARENT);
      break;
    }
    case TYPE.threeGenNoKids: {
      const husband = anchorAge(seed, h, AGE_HEAD_WITH_PARENTS);
      addCouple(m, husband, Math.max(18, husband - spouseGap), uHeadMale);
      addParents(m, seed, h, n - 2, m.age[0]!, PARENT_GAP, ROLE_PARENT);
      break;
    }
    case TYPE.headWithParents: {
      const a = anchorAge(seed, h, AGE_HEAD_WITH_PARENTS);
      add(m, ROLE_HEAD, a, uHeadMale < HEAD_WITH_PARENTS_MALE ? MALE : FEMALE);
      addParents(m, seed, h, n - 1, a, PARENT_GAP, ROLE_PARENT);
      break;
    }
    default: {
      // Skipped generation: grandparent(s) as head (and spouse), grandchildren as 'other'.
      const ngp = n === 2 ? 1 : n === 3 ? (detail < SKIP_GEN_TWO_GRANDPARENTS ? 2 : 1) : 2;
      const gc = anchorAge(seed, h, AGE_GRANDCHILD);
      const gp = gc + intBetween(uni(seed, h, S.gap), GRANDPARENT_GAP[0], GRANDPARENT_GAP[1]);
      if (ngp === 2) addCouple(m, gp, gp - spouseGap, uHeadMale);
      else add(m, ROLE_HEAD, gp, uHeadMale < LONE_GRANDPARENT_MALE ? MALE : FEMALE);
      const first = m.count;
      addChildren(m, seed, h, n - ngp, gc, ROLE_OTHER);
      for (let c = first; c < n; c++) if (m.age[c]! < 18 && uni(seed, personKey(h, c), S.pOrphan) < ORPHAN_SKIP_GEN) m.orphan[c] = 1;
    }
  }
}
