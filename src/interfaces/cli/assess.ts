/**
 * CLI: assess, diff, override (compare lives in compare.ts). Thin: parse options, call one service, format the result
 * (text in German or English, --json everywhere, --csv for assess --all).
 */
import type { Command } from 'commander';
import { countryName } from '../../core/countries/resolve.js';
import { formatValues, localize } from '../../assess/explain.js';
import { CONFIDENCE_LABELS, CRITERION_NAMES, RATING_LABELS, UI_LABELS, word } from '../../assess/labels.js';
import type { CriterionResult, Lang } from '../../assess/types.js';
import type { AssessmentDiff } from '../../assess/diff.js';
import type { OverrideRow } from '../../store/assessments.js';
import type { StoredAssessment } from '../../services/assess-country.js';
import { printJson, usageError, withApp } from './context.js';
import { toCsv, type CsvCell } from '../../core/csv.js';
import { passageLine } from '../../render/quote.js';


// Loaded when a command runs, not when the CLI starts: `--help` stays fast.
const service = () => import('../../services/assess-country.js');

type Opts = Record<string, string | boolean | undefined>;

export function langOf(opts: Opts): Lang {
  const l = (opts.lang as string | undefined) ?? 'en';
  if (l !== 'de' && l !== 'en') throw usageError(`--lang must be de or en, got "${l}".`);
  return l;
}

const out = (s = ''): void => {
  process.stdout.write(s + '\n');
};

// ---------------------------------------------------------------------------------------------
// Text formatting
// ---------------------------------------------------------------------------------------------

function ratingText(c: CriterionResult, lang: Lang): string {
  let s = `${RATING_LABELS[c.rating][lang]} (${UI_LABELS.confidence[lang]}: ${CONFIDENCE_LABELS[c.confidence][lang]})`;
  if (c.override) s += ` — ${UI_LABELS.override[lang]}: ${RATING_LABELS[c.override.rating][lang]} (${c.override.by}: ${c.override.reason})`;
  if (c.reviewSuggested) s += ` — ${UI_LABELS.review[lang]}`;
  return s;
}

function printAssessment(s: StoredAssessment, lang: Lang, details: boolean): void {
  const a = s.assessment;
  out(`${countryName(a.country, lang)} (${a.country}) — ${UI_LABELS.asOf[lang]} ${a.asOf} — ${UI_LABELS.methodology[lang]} ${a.methodology.id} ${a.methodology.version}`);
  for (const c of a.criteria) {
    out(`\n${c.criterion}. ${CRITERION_NAMES[c.criterion][lang]}: ${ratingText(c, lang)}`);
    for (const f of c.rulesFired) {
      const read = f.basis === 'evidence' ? `${f.evidenceCount ?? f.evidence?.length ?? 0} ${UI_LABELS.evidence[lang]}` : formatValues(f.values, lang);
      out(`   + ${f.ruleId} → ${RATING_LABELS[f.rating][lang]}: ${f.description[lang]}\n       ${read}`);
    }
    if (c.rulesFired.length === 0 && c.decisiveValues.length) out(`   = ${formatValues(c.decisiveValues, lang)}`);
    if (c.missing.length) out(`   ! ${UI_LABELS.missing[lang]}: ${c.missing.join(', ')}`);
    if (c.stale.length) out(`   ! ${UI_LABELS.stale[lang]}: ${c.stale.join(', ')}`);
    if (details) for (const u of c.rulesUndetermined) out(`   ? ${u.ruleId}: ${u.missing.join(', ')}`);
    if (c.reviewReason) out(`   ! ${localize(c.reviewReason, lang)}`);
    const shown = c.evidence.slice(0, details ? 10 : 3);
    for (const e of shown) {
      const mark = e.corroborated ? '*' : '-';
      out(`   ${mark} ${e.date ?? UI_LABELS.undated[lang]} ${e.docTitle ?? e.docId}${e.publisher ? ` (${e.publisher})` : ''}: ${passageLine(e.snippet, 240)}`);
    }
    if (c.evidenceTotal > shown.length) out(`     … ${c.evidenceTotal - shown.length} ${UI_LABELS.more[lang]}`);
  }
}

const SHORT: Record<Lang, Record<string, string>> = {
  en: { not_critical: 'nc', possibly_critical: 'pc', critical: 'C', no_data: '–' },
  de: { not_critical: 'nk', possibly_critical: 'mk', critical: 'K', no_data: '–' },
};
const LEGEND: Record<Lang, (n: number) => string> = {
  en: (n) => `${n} countries. C critical, pc possibly critical, nc not critical, – no data; ! analyst override, ? review suggested.`,
  de: (n) => `${n} Länder. K kritisch, mk möglicherweise kritisch, nk nicht kritisch, – keine Daten; ! Analyst:innen-Bewertung, ? Überprüfung empfohlen.`,
};

function printAllTable(results: StoredAssessment[], lang: Lang): void {
  out(`${UI_LABELS.country[lang].padEnd(28)} ${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => String(n).padStart(3)).join('')}`);
  for (const { assessment: a } of results) {
    const cells = a.criteria.map((c) => (SHORT[lang][c.effectiveRating] + (c.override ? '!' : c.reviewSuggested ? '?' : '')).padStart(3)).join('');
    out(`${`${a.country} ${countryName(a.country, lang)}`.slice(0, 28).padEnd(28)} ${cells}`);
  }
  out(`\n${LEGEND[lang](results.length)}`);
}

function printCsv(results: StoredAssessment[], lang: Lang): void {
  const head = ['country', 'name', 'as_of', 'methodology', 'methodology_version', 'computed_at'];
  for (let n = 1; n <= 8; n++) head.push(`c${n}_rating`, `c${n}_confidence`, `c${n}_override`, `c${n}_review_suggested`, `c${n}_rules`);
  const rows = results.map(({ assessment: a, computedAt }) => {
    const row: CsvCell[] = [a.country, countryName(a.country, lang), a.asOf, a.methodology.id, a.methodology.version, computedAt];
    for (const c of a.criteria) row.push(c.rating, c.confidence, c.override?.rating ?? '', c.reviewSuggested, c.rulesFired.map((f) => f.ruleId).join(' '));
    return row;
  });
  process.stdout.write(toCsv({ columns: head, rows }));
}

function printDiff(d: AssessmentDiff, lang: Lang): void {
  out(`${countryName(d.country, lang)} (${d.country}): ${d.from.asOf} (${d.from.methodology.version}) → ${d.to.asOf} (${d.to.methodology.version})`);
  for (const c of d.criteria) {
    const head = `${c.criterion}. ${CRITERION_NAMES[c.criterion][lang]}: ${RATING_LABELS[c.from.rating][lang]} → ${RATING_LABELS[c.to.rating][lang]}`;
    out(`\n${c.ratingChanged ? '*' : ' '} ${head}`);
    if (c.changes.length === 0) out(`   ${word('diff.noChange', lang)}`);
    for (const ch of c.changes) out(`   ${ch.kind}: ${localize(ch.detail, lang)}`);
  }
}

function printOverrides(rows: OverrideRow[], lang: Lang): void {
  if (rows.length === 0) {
    out(word('cli.noOverrides', lang));
    return;
  }
  for (const o of rows) {
    const state = o.removedAt
      ? `${UI_LABELS.removedBy[lang].replace('{at}', o.removedAt).replace('{by}', String(o.removedBy))} (${o.removedReason})`
      : UI_LABELS.active[lang];
    out(`#${o.id} ${o.country} ${o.criterion}: ${RATING_LABELS[o.rating as keyof typeof RATING_LABELS][lang]} — ${o.createdBy}, ${o.createdAt}: ${o.reason} [${state}]`);
  }
}

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

export function register(program: Command): void {
  program
    .command('assess')
    .description('Rate a country (or every country with data) on the eight criteria; results are stored with timestamp and methodology version.')
    .argument('[country]', 'name (English or German) or ISO code')
    .option('--all', 'assess every country with data')
    .option('--as-of <date>', 'use only data years and documents up to YYYY-MM-DD (default: today)')
    .option('--methodology <file>', 'methodology file (default: methodology/bicc-plus.json, or $ARMSBRIEF_METHODOLOGY)')
    .option('--lang <de|en>', 'language of labels', 'en')
    .option('--details', 'also list undecided rules and more evidence')
    .option('--no-store', 'do not store the result')
    .option('--json', 'print the full result as JSON')
    .option('--csv', 'with --all: one CSV row per country')
    .addHelpText('after', '\nExamples:\n  armsbrief assess Kasachstan --lang de\n  armsbrief assess KP --as-of 2024-12-31 --json\n  armsbrief assess --all --csv > ratings.csv')
    .action(async (country: string | undefined, opts: Opts, cmd: Command) => {
      const lang = langOf(opts);
      if (opts.all && country) throw usageError('Give a country or --all, not both.');
      if (!opts.all && !country) throw usageError('Give a country, or --all for every country with data.');
      if (opts.csv && !opts.all) throw usageError('--csv works with --all.');
      const common = { asOf: opts.asOf as string | undefined, methodologyFile: opts.methodology as string | undefined, store: opts.store !== false };
      if (opts.all) {
        const results = await withApp(cmd, async (app) => (await service()).assessCountries(app.db, null, common));
        if (opts.json) return printJson(results.map((r) => ({ id: r.id, computedAt: r.computedAt, ...r.assessment })));
        if (opts.csv) return printCsv(results, lang);
        return printAllTable(results, lang);
      }
      const result = await withApp(cmd, async (app) => (await service()).assessOneCountry(app.db, country!, common));
      if (opts.json) return printJson({ id: result.id, computedAt: result.computedAt, ...result.assessment });
      printAssessment(result, lang, Boolean(opts.details));
    });

  program
    .command('diff')
    .description('What changed in each criterion between two as-of days, and why (new data year, new evidence, methodology change, override).')
    .argument('<country>', 'name or ISO code')
    .requiredOption('--from <date>', 'earlier as-of day YYYY-MM-DD')
    .requiredOption('--to <date>', 'later as-of day YYYY-MM-DD')
    .option('--methodology <file>', 'methodology file for days without a stored assessment')
    .option('--lang <de|en>', 'language of labels', 'en')
    .option('--json', 'print as JSON')
    .action(async (country: string, opts: Opts, cmd: Command) => {
      const lang = langOf(opts);
      const d = await withApp(cmd, async (app) => (await service()).diffCountry(app.db, country, opts.from as string, opts.to as string, { methodologyFile: opts.methodology as string | undefined }));
      if (opts.json) return printJson(d);
      printDiff(d, lang);
    });

  program
    .command('override')
    .description('Set, remove or list analyst overrides; every change is kept in the audit trail.')
    .argument('<country>', 'name or ISO code')
    .argument('[criterion]', '1–8')
    .argument('[rating]', 'not_critical | possibly_critical | critical | no_data (German labels work too)')
    .option('--reason <text>', 'why (required to set or remove)')
    .option('--by <name>', 'who (required to set or remove)')
    .option('--remove', 'remove the active override of the criterion (history is kept)')
    .option('--list', 'show the audit trail of the country')
    .option('--lang <de|en>', 'language of labels', 'en')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  armsbrief override KZ 7 critical --reason "diversion case 2026" --by "A. Analyst"\n  armsbrief override KZ 7 --remove --reason "case closed" --by "A. Analyst"\n  armsbrief override KZ --list')
    .action(async (country: string, criterion: string | undefined, rating: string | undefined, opts: Opts, cmd: Command) => {
      const lang = langOf(opts);
      if (opts.list || !criterion) {
        const rows = await withApp(cmd, async (app) => (await service()).listOverrides(app.db, country));
        if (opts.json) return printJson(rows);
        return printOverrides(rows, lang);
      }
      const base = { country, criterion, reason: opts.reason as string, by: opts.by as string };
      if (opts.remove) {
        if (rating) throw usageError('--remove takes no rating.');
        const removed = await withApp(cmd, async (app) => (await service()).clearOverride(app.db, base));
        if (opts.json) return printJson({ removed });
        return printOverrides([removed], lang);
      }
      if (!rating) throw usageError('Give a rating to set, or --remove.');
      const r = await withApp(cmd, async (app) => (await service()).setOverride(app.db, { ...base, rating }));
      if (opts.json) return printJson(r);
      printOverrides([...(r.superseded ? [r.superseded] : []), r.created], lang);
    });
}
