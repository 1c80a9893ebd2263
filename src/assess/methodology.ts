/**
 * Methodology as data: validates the parsed JSON of a methodology file into a `Methodology`.
 * Pure (the caller reads the file). Every error names the rule and the place in it, because the
 * file is meant to be edited by researchers, not programmers.
 * Keys starting with `$` (e.g. `$comment`) are allowed anywhere and ignored.
 */
import { AppError } from '../core/errors.js';
import type { CriterionNumber } from '../core/types.js';
import type {
  Condition,
  CriterionMethod,
  IndicatorSpec,
  Localized,
  Methodology,
  Rule,
  RuleFixture,
} from './types.js';

export const CRITERIA: CriterionNumber[] = [1, 2, 3, 4, 5, 6, 7, 8];
export const RULE_RATINGS = ['not_critical', 'possibly_critical', 'critical'] as const;
const COMPARISON_OPS = ['>=', '>', '<=', '<', '==', '!='];
const TEXT_OPS = ['in', 'not_in'];
const POLICIES = ['two_independent_or_one_official', 'two_independent', 'one_official'];

type Json = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new AppError('methodology_invalid', `Methodology: ${where}: ${message}`, {
    hint: 'Fix the methodology file; docs/methodology.md describes the vocabulary.',
  });
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ownKeys = (o: Json) => Object.keys(o).filter((k) => !k.startsWith('$'));

function str(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || !v.trim()) fail(where, `"${key}" must be a non-empty string`);
  return v;
}

function num(o: Json, key: string, where: string, fallback?: number): number {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(where, `"${key}" must be a number`);
  return v;
}

function localized(v: unknown, where: string): Localized {
  if (!isObject(v)) fail(where, 'must be an object { "de": …, "en": … }');
  return { de: str(v, 'de', where), en: str(v, 'en', where) };
}

function onlyKeys(o: Json, allowed: string[], where: string): void {
  for (const k of ownKeys(o)) if (!allowed.includes(k)) fail(where, `unknown key "${k}" (allowed: ${allowed.join(', ')})`);
}

/** Validates a condition and collects the indicators it reads. */
function checkCondition(c: unknown, where: string, indicators: Record<string, IndicatorSpec>, reads: Set<string>): Condition {
  if (!isObject(c)) fail(where, 'a condition must be an object');
  const known = (id: unknown, at: string) => {
    if (typeof id !== 'string') fail(at, 'indicator ids must be strings');
    if (!indicators[id]) fail(at, `unknown indicator "${id}" (declare it under "indicators")`);
    reads.add(id);
  };
  const checkTest = (o: Json, at: string) => {
    const op = o.op;
    if (typeof op !== 'string' || ![...COMPARISON_OPS, ...TEXT_OPS].includes(op)) fail(at, `"op" must be one of ${[...COMPARISON_OPS, ...TEXT_OPS].join(' ')}`);
    if (TEXT_OPS.includes(op)) {
      if (!Array.isArray(o.values) || !o.values.every((x) => typeof x === 'string')) fail(at, `"${op}" needs "values": [text, …]`);
    } else if (typeof o.value !== 'number') fail(at, `"${op}" needs a numeric "value"`);
    if (o.withinYears !== undefined && (typeof o.withinYears !== 'number' || o.withinYears < 0)) fail(at, '"withinYears" must be a number ≥ 0');
  };

  if ('all' in c || 'any' in c) {
    const key = 'all' in c ? 'all' : 'any';
    onlyKeys(c, [key], where);
    const list = c[key];
    if (!Array.isArray(list) || list.length === 0) fail(where, `"${key}" needs a non-empty list of conditions`);
    return { [key]: list.map((x, i) => checkCondition(x, `${where}.${key}[${i}]`, indicators, reads)) } as Condition;
  }
  if ('not' in c) {
    onlyKeys(c, ['not'], where);
    return { not: checkCondition(c.not, `${where}.not`, indicators, reads) };
  }
  if ('evidence' in c) {
    onlyKeys(c, ['evidence'], where);
    const e = c.evidence;
    const at = `${where}.evidence`;
    if (!isObject(e)) fail(at, 'must be an object');
    onlyKeys(e, ['criterion', 'minScore', 'withinYears', 'corroboration', 'cuesAny'], at);
    if (!CRITERIA.includes(e.criterion as CriterionNumber)) fail(at, '"criterion" must be 1–8');
    num(e, 'withinYears', at);
    if (e.minScore !== undefined) num(e, 'minScore', at);
    if (!POLICIES.includes(e.corroboration as string))
      fail(at, `"corroboration" must be one of ${POLICIES.join(', ')} — evidence counts only when corroborated`);
    if (e.cuesAny !== undefined && (!Array.isArray(e.cuesAny) || !e.cuesAny.every((x) => typeof x === 'string')))
      fail(at, '"cuesAny" must be a list of texts');
    return c as Condition;
  }
  if ('atLeast' in c) {
    onlyKeys(c, ['atLeast', 'of'], where);
    if (!Array.isArray(c.of) || c.of.length === 0) fail(where, '"of" needs a non-empty list of conditions');
    const n = num(c, 'atLeast', where);
    if (!Number.isInteger(n) || n < 1 || n > c.of.length) fail(where, `"atLeast" must be a whole number from 1 to ${c.of.length}`);
    return { atLeast: n, of: c.of.map((x, i) => checkCondition(x, `${where}.of[${i}]`, indicators, reads)) };
  }
  if ('neighbours' in c) {
    onlyKeys(c, ['neighbours', 'minCount'], where);
    const inner = checkCondition(c.neighbours, `${where}.neighbours`, indicators, reads);
    if (!('indicator' in inner)) fail(`${where}.neighbours`, 'must be an indicator condition');
    if (c.minCount !== undefined) num(c, 'minCount', where);
    return c as Condition;
  }
  if ('count' in c) {
    onlyKeys(c, ['count', 'op', 'value'], where);
    const k = c.count;
    if (!isObject(k)) fail(`${where}.count`, 'must be an object');
    onlyKeys(k, ['indicators', 'op', 'value', 'values', 'withinYears', 'unknownItems'], `${where}.count`);
    if (k.unknownItems !== undefined && (!Number.isInteger(k.unknownItems) || (k.unknownItems as number) < 0)) fail(`${where}.count`, '"unknownItems" must be a whole number ≥ 0');
    if (!Array.isArray(k.indicators) || k.indicators.length === 0) fail(`${where}.count`, '"indicators" must be a non-empty list');
    k.indicators.forEach((id, i) => known(id, `${where}.count.indicators[${i}]`));
    checkTest(k, `${where}.count`);
    if (!COMPARISON_OPS.includes(c.op as string)) fail(where, `"op" must be one of ${COMPARISON_OPS.join(' ')}`);
    num(c, 'value', where);
    return c as Condition;
  }
  if ('indicator' in c) {
    onlyKeys(c, ['indicator', 'combine', 'op', 'value', 'values', 'withinYears', 'aggregate'], where);
    const ids = Array.isArray(c.indicator) ? c.indicator : [c.indicator];
    if (ids.length === 0) fail(where, '"indicator" must name at least one indicator');
    ids.forEach((id, i) => known(id, `${where}.indicator[${i}]`));
    if (c.combine !== undefined && !['max', 'min'].includes(c.combine as string)) fail(where, '"combine" must be max or min');
    if (c.aggregate !== undefined && !['latest', 'max', 'min'].includes(c.aggregate as string)) fail(where, '"aggregate" must be latest, max or min');
    checkTest(c, where);
    return c as Condition;
  }
  fail(where, 'unknown condition: use indicator, count, atLeast, evidence, neighbours, all, any or not');
}

function checkFixture(f: unknown, where: string): RuleFixture {
  if (!isObject(f)) fail(where, 'every rule needs a "fixture" that triggers it');
  const asOf = str(f, 'asOf', where);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) fail(where, '"asOf" must be YYYY-MM-DD');
  return f as unknown as RuleFixture;
}

function checkRule(r: unknown, criterion: CriterionNumber, where: string, indicators: Record<string, IndicatorSpec>): Rule {
  if (!isObject(r)) fail(where, 'a rule must be an object');
  const id = str(r, 'id', where);
  const at = `rule ${id}`;
  if (!new RegExp(`^c${criterion}\\.[a-z0-9_]+$`).test(id)) fail(at, `id must look like "c${criterion}.some_name" (criterion ${criterion})`);
  onlyKeys(r, ['id', 'description', 'reads', 'when', 'rating', 'reason', 'fixture'], at);
  const description = localized(r.description, `${at}: description`);
  const reason = r.reason === undefined ? undefined : localized(r.reason, `${at}: reason`);
  if (!RULE_RATINGS.includes(r.rating as (typeof RULE_RATINGS)[number])) fail(at, `"rating" must be one of ${RULE_RATINGS.join(', ')}`);
  const used = new Set<string>();
  const when = checkCondition(r.when, `${at}: when`, indicators, used);
  if (!Array.isArray(r.reads) || !r.reads.every((x) => typeof x === 'string')) fail(at, '"reads" must list the indicator ids the rule reads');
  const declared = new Set(r.reads as string[]);
  for (const u of used) if (!declared.has(u)) fail(at, `"reads" lacks "${u}", which the condition reads`);
  for (const d of declared) if (!used.has(d)) fail(at, `"reads" names "${d}", which the condition does not read`);
  return {
    id,
    description,
    reads: [...declared],
    when,
    rating: r.rating as Rule['rating'],
    ...(reason ? { reason } : {}),
    fixture: checkFixture(r.fixture, `${at}: fixture`),
  };
}

function derivedFrom(v: unknown, where: string): NonNullable<IndicatorSpec['derivedFrom']> {
  if (!isObject(v)) fail(where, 'must be { indicator, partnerPattern, valueMap }');
  const indicator = str(v, 'indicator', where);
  const partnerPattern = str(v, 'partnerPattern', where);
  try {
    new RegExp(partnerPattern, 'i');
  } catch (err) {
    fail(where, `"partnerPattern" is not a valid regular expression: ${(err as Error).message}`);
  }
  if (!isObject(v.valueMap) || !ownKeys(v.valueMap).every((k) => typeof (v.valueMap as Json)[k] === 'number'))
    fail(where, '"valueMap" must map texts to numbers');
  const valueMap = Object.fromEntries(ownKeys(v.valueMap).map((k) => [k, (v.valueMap as Json)[k] as number]));
  return { indicator, partnerPattern, valueMap };
}

function ratioOf(v: unknown, where: string): NonNullable<IndicatorSpec['ratioOf']> {
  if (!isObject(v)) fail(where, 'must be { numerator, denominator }');
  onlyKeys(v, ['numerator', 'denominator'], where);
  return { numerator: str(v, 'numerator', where), denominator: str(v, 'denominator', where) };
}

export function parseMethodology(raw: unknown): Methodology {
  if (!isObject(raw)) fail('file', 'must hold a JSON object');
  const id = str(raw, 'id', 'top level');
  const version = str(raw, 'version', 'top level');
  const staleAfterYears = num(raw, 'staleAfterYears', 'top level', 3);
  const defaultWithinYears = num(raw, 'defaultWithinYears', 'top level', 5);
  const decisiveWithinYears = num(raw, 'decisiveWithinYears', 'top level', 10);
  const ev = isObject(raw.evidence) ? raw.evidence : {};
  const evidence = { minScore: num(ev, 'minScore', 'evidence', 0.5), listWithinYears: num(ev, 'listWithinYears', 'evidence', 5) };

  if (!isObject(raw.indicators)) fail('top level', '"indicators" must map indicator ids to { label, source }');
  const indicators: Record<string, IndicatorSpec> = {};
  for (const key of ownKeys(raw.indicators)) {
    const s = raw.indicators[key];
    const at = `indicator ${key}`;
    if (!isObject(s)) fail(at, 'must be an object');
    indicators[key] = {
      label: localized(s.label, `${at}: label`),
      source: str(s, 'source', at),
      ...(typeof s.unit === 'string' ? { unit: s.unit } : {}),
      ...(s.absentMeans !== undefined ? { absentMeans: num(s, 'absentMeans', at) } : {}),
      ...(s.derivedFrom !== undefined ? { derivedFrom: derivedFrom(s.derivedFrom, `${at}: derivedFrom`) } : {}),
      ...(s.persistent === true ? { persistent: true } : {}),
      ...(s.ratioOf !== undefined ? { ratioOf: ratioOf(s.ratioOf, `${at}: ratioOf`) } : {}),
    };
  }
  for (const [key, s] of Object.entries(indicators)) {
    if (!s.ratioOf) continue;
    for (const part of [s.ratioOf.numerator, s.ratioOf.denominator]) {
      if (!indicators[part]) fail(`indicator ${key}: ratioOf`, `unknown indicator "${part}" (declare it under "indicators")`);
      if (indicators[part].ratioOf) fail(`indicator ${key}: ratioOf`, `"${part}" is itself a ratio; ratios of ratios are not supported`);
    }
  }

  if (!isObject(raw.criteria)) fail('top level', '"criteria" must map "1"…"8" to { decisive, rules }');
  const criteria = {} as Record<CriterionNumber, CriterionMethod>;
  const ruleIds = new Set<string>();
  for (const n of CRITERIA) {
    const c = raw.criteria[String(n)];
    const at = `criterion ${n}`;
    if (!isObject(c)) fail(at, 'missing (all eight criteria must be present)');
    if (!Array.isArray(c.decisive)) fail(at, '"decisive" must list indicator ids or groups of them');
    const decisive = c.decisive.map((g, i) => {
      const group = Array.isArray(g) ? g : [g];
      for (const id of group) if (typeof id !== 'string' || !indicators[id]) fail(`${at}: decisive[${i}]`, `unknown indicator "${String(id)}"`);
      return group as string[];
    });
    if (!Array.isArray(c.rules)) fail(at, '"rules" must be a list');
    const rules = c.rules.map((r, i) => checkRule(r, n, `${at}: rules[${i}]`, indicators));
    for (const r of rules) {
      if (ruleIds.has(r.id)) fail(`rule ${r.id}`, 'duplicate rule id');
      ruleIds.add(r.id);
    }
    criteria[n] = { decisive, rules };
  }
  const title = raw.title === undefined ? undefined : localized(raw.title, 'title');
  return { id, version, ...(title ? { title } : {}), staleAfterYears, defaultWithinYears, decisiveWithinYears, evidence, indicators, criteria };
}
