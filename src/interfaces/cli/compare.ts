/**
 * CLI: `compare <country>` (computed beside external ratings from ingested briefs, or from a file
 * with --external) and `compare --all --external <file>` (every country of another rater's table:
 * agreement per criterion, confusion tables, the reason for every disagreement; --json, --csv).
 */
import type { Command } from 'commander';
import { countryName } from '../../core/countries/resolve.js';
import { LEVELS, type Agreement } from '../../assess/agreement.js';
import { CRITERION_NAMES, RATING_LABELS, UI_LABELS } from '../../assess/labels.js';
import type { Comparison } from '../../assess/compare.js';
import { formatFixed, formatPercent, type Lang } from '../../core/locale.js';
import type { ExternalComparison } from '../../services/compare-external.js';
import { langOf } from './assess.js';
import { printJson, usageError, withApp } from './context.js';

// Loaded when the command runs, not when the CLI starts: `--help` stays fast.
const assessing = () => import('../../services/assess-country.js');
const comparing = () => import('../../services/compare-external.js');
const externalRatings = () => import('../../services/external-ratings.js');
const tables = async () => ({ ...(await comparing()), ...(await import('../../core/csv.js')) });

type Opts = Record<string, string | boolean | undefined>;

const out = (s = ''): void => {
  process.stdout.write(s + '\n');
};

const W = {
  versus: { en: 'armsbrief vs', de: 'armsbrief gegen' },
  countriesIn: { en: 'countries in', de: 'Länder in' },
  criterion: { en: 'criterion', de: 'Kriterium' },
  compared: { en: 'compared', de: 'verglichen' },
  leftOut: { en: 'left out', de: 'ausgelassen' },
  exact: { en: 'exact', de: 'genau' },
  withinOne: { en: 'within one', de: '±1 Stufe' },
  kq: { en: 'κ quad.', de: 'κ quadr.' },
  kl: { en: 'κ lin.', de: 'κ lin.' },
  lower: { en: 'lower', de: 'niedriger' },
  higher: { en: 'higher', de: 'höher' },
  all: { en: 'all criteria', de: 'alle Kriterien' },
  headline: {
    en: 'Headline: weighted kappa with quadratic weights (a miss by two levels counts four times a miss by one); linear beside it. Compared: both sides rated; left out: "not considered" or no data on either side.',
    de: 'Leitwert: gewichtetes Kappa mit quadratischen Gewichten (zwei Stufen Abstand zählen viermal so viel wie eine); linear daneben. Verglichen: beide Seiten bewertet; ausgelassen: „nicht berücksichtigt“ oder keine Daten auf einer Seite.',
  },
  lowerHigher: { en: 'lower/higher: our rating below/above theirs.', de: 'niedriger/höher: unsere Bewertung unter/über der externen.' },
  confusion: { en: 'rows: armsbrief, columns:', de: 'Zeilen: armsbrief, Spalten:' },
  disagreements: { en: 'Disagreements', de: 'Abweichungen' },
  ours: { en: 'ours', de: 'unsere' },
  theirs: { en: 'theirs', de: 'extern' },
  time: { en: 'assessed and compared {n} countries in {s} s', de: '{n} Länder bewertet und verglichen in {s} s' },
  issues: { en: 'line(s) could not be read', de: 'Zeile(n) nicht lesbar' },
  details: { en: 'confusion tables and every disagreement: --details (or --criterion n)', de: 'Kreuztabellen und jede Abweichung: --details (oder --criterion n)' },
  agree: { en: 'criteria agree', de: 'Kriterien übereinstimmend' },
} satisfies Record<string, Record<Lang, string>>;

const SHORT: Record<Lang, Record<string, string>> = {
  en: { not_critical: 'nc', possibly_critical: 'pc', critical: 'C', no_data: '–' },
  de: { not_critical: 'nk', possibly_critical: 'mk', critical: 'K', no_data: '–' },
};

const fixed = (x: number | null, lang: Lang, digits = 2): string => (x === null ? '–' : formatFixed(x, lang, digits));
const pct = (x: number | null, lang: Lang): string => (x === null ? '' : formatPercent(x * 100, lang, 0));

function printComparison(c: Comparison, lang: Lang): void {
  out(`${countryName(c.country, lang)} (${c.country}) — ${UI_LABELS.asOf[lang]} ${c.asOf} — ${UI_LABELS.methodology[lang]} ${c.methodology.id} ${c.methodology.version}`);
  for (const r of c.rows) {
    const ext = r.external ? `${RATING_LABELS[r.external][lang]} (${r.assessor})` : '–';
    const mark = r.agrees === null ? ' ' : r.agrees ? '=' : '≠';
    out(`\n${mark} ${r.criterion}. ${CRITERION_NAMES[r.criterion][lang]}: ${UI_LABELS.computed[lang]} ${RATING_LABELS[r.computed][lang]} | ${UI_LABELS.external[lang]} ${ext}`);
    if (r.effective !== r.computed) out(`   ${UI_LABELS.override[lang]}: ${RATING_LABELS[r.effective][lang]}`);
    if (r.agrees === false) out(`   ${r.explanation}`);
  }
  out(`\n${c.agreements}/${c.compared} ${W.agree[lang]}.`);
}

function summaryLine(label: string, a: Agreement, leftOut: number, lang: Lang): string {
  return [
    label.slice(0, 40).padEnd(40),
    String(a.n).padStart(8),
    String(leftOut).padStart(11),
    `${a.exact} ${pct(a.exactShare, lang).padStart(5)}`.padStart(10),
    `${a.withinOne} ${pct(a.withinOneShare, lang).padStart(5)}`.padStart(11),
    fixed(a.kappa.quadratic, lang).padStart(9),
    fixed(a.kappa.linear, lang).padStart(7),
    String(a.lower).padStart(10),
    String(a.higher).padStart(7),
  ].join(' ');
}

function printAll(r: ExternalComparison, lang: Lang, details: boolean): void {
  out(`${W.versus[lang]} ${r.external.name} — ${UI_LABELS.asOf[lang]} ${r.asOf} — ${UI_LABELS.methodology[lang]} ${r.methodology.id} ${r.methodology.version} — ${r.external.countries} ${W.countriesIn[lang]} ${r.external.file}`);
  out();
  out([
    W.criterion[lang].padEnd(40), W.compared[lang].padStart(8), W.leftOut[lang].padStart(11), W.exact[lang].padStart(10), W.withinOne[lang].padStart(11),
    W.kq[lang].padStart(9), W.kl[lang].padStart(7), W.lower[lang].padStart(10), W.higher[lang].padStart(7),
  ].join(' '));
  let leftOutAll = 0;
  for (const c of r.criteria) {
    const e = c.excluded;
    const leftOut = e.theirsNoData + e.oursNoData + e.bothNoData + e.notRated;
    leftOutAll += leftOut;
    out(summaryLine(`${c.criterion} ${CRITERION_NAMES[c.criterion][lang]}`, c, leftOut, lang));
  }
  if (r.criteria.length > 1) out(summaryLine(W.all[lang], r.overall, leftOutAll, lang));
  out();
  out(W.headline[lang]);
  out(W.lowerHigher[lang]);
  if (details) {
    for (const c of r.criteria) {
      out(`\n${c.criterion} ${CRITERION_NAMES[c.criterion][lang]} (${W.confusion[lang]} ${r.external.name})`);
      out(`${''.padEnd(6)}${LEVELS.map((l) => SHORT[lang][l].padStart(6)).join('')}`);
      LEVELS.forEach((l, i) => out(`${`  ${SHORT[lang][l]}`.padEnd(6)}${c.confusion[i].map((n) => String(n).padStart(6)).join('')}`));
    }
    const rows = r.rows.filter((p) => p.status === 'lower' || p.status === 'higher');
    out(`\n${W.disagreements[lang]} (${rows.length})`);
    for (const p of rows) {
      out(`\n${p.country} ${countryName(p.country, lang)} — ${p.criterion}: ${W.ours[lang]} ${SHORT[lang][p.ours]}, ${W.theirs[lang]} ${SHORT[lang][p.theirs!]}`);
      out(`   ${p.difference?.explanation[lang] ?? ''}`);
    }
  } else {
    out(W.details[lang]);
  }
  out();
  out(timeLine(r, lang));
}

function timeLine(r: ExternalComparison, lang: Lang): string {
  return W.time[lang].replace('{n}', String(r.external.countries)).replace('{s}', fixed(r.elapsedMs / 1000, lang));
}

/** Unreadable lines of the table go to stderr; the exit status says some input failed. */
function reportIssues(issues: ExternalComparison['external']['issues'], lang: Lang): void {
  if (issues.length === 0) return;
  for (const i of issues) process.stderr.write(`armsbrief: ${i.file} line ${i.line}: ${i.message}\n`);
  process.stderr.write(`armsbrief: ${issues.length} ${W.issues[lang]}\n`);
  process.exitCode = 1;
}

export function register(program: Command): void {
  program
    .command('compare')
    .description('Computed ratings beside external ones — from ingested briefs (e.g. BICC), or from a file of country × criterion ratings with --external — with every disagreement explained from the rules; --all with agreement statistics per criterion.')
    .argument('[country]', 'name or ISO code')
    .option('--all', 'every country of the --external table: agreement per criterion (weighted kappa), confusion tables, disagreements')
    .option('--external <file|name>', 'JSONL or CSV of country × criterion ratings (ISO2/ISO3/names; words, labels or codes 0–3), or the bundled name bicc-2013')
    .option('--criterion <n>', 'with --all: only criterion n (1–8), with its confusion table and disagreements')
    .option('--as-of <date>', 'assess as of YYYY-MM-DD (default: today)')
    .option('--methodology <file>', 'methodology file')
    .option('--lang <de|en>', 'language of labels and explanations', 'en')
    .option('--details', 'with --all: also the confusion tables and every disagreement with its reason')
    .option('--json', 'print as JSON')
    .option('--csv', 'with --all: one CSV row per country × criterion')
    .addHelpText(
      'after',
      '\nExamples:\n  armsbrief compare Kasachstan --lang de\n  armsbrief compare --all --external ../shared/eval/bicc-2013/ratings.jsonl --as-of 2014-06-30\n  armsbrief compare --all --external bicc-2013 --as-of 2014-06-30 --criterion 2 --lang de\n  armsbrief compare --all --external ratings.csv --csv > comparison.csv',
    )
    .action(async (country: string | undefined, opts: Opts, cmd: Command) => {
      const lang = langOf(opts);
      if (opts.all && country) throw usageError('Give a country or --all, not both.');
      if (!opts.all && !country) throw usageError('Give a country, or --all --external <file> for every country of a table.');
      if (opts.all && !opts.external) throw usageError('--all needs --external <file> (a JSONL or CSV table of ratings, or bicc-2013).');
      if (!opts.all && (opts.csv || opts.criterion || opts.details)) throw usageError('--csv, --criterion and --details work with --all.');
      if (opts.csv && opts.json) throw usageError('Give --json or --csv, not both.');
      const common = { asOf: opts.asOf as string | undefined, methodologyFile: opts.methodology as string | undefined };
      const table = opts.external ? (await externalRatings()).readExternalTable(opts.external as string) : null;
      if (!opts.all) {
        const c = await withApp(cmd, async (app) => (table ? (await comparing()).compareCountryExternal(app.db, country!, table, { ...common, lang }) : (await assessing()).compareCountry(app.db, country!, { ...common, lang })));
        if (opts.json) return printJson(c);
        return printComparison(c, lang);
      }
      const criterion = opts.criterion ? (await assessing()).checkCriterion(opts.criterion as string) : undefined;
      const r = await withApp(cmd, async (app) => (await comparing()).compareAllExternal(app.db, table!, { ...common, criterion }));
      reportIssues(r.external.issues, lang);
      if (opts.json) return printJson(r);
      if (opts.csv) {
        const { toCsv, compareTables } = await tables();
        process.stdout.write(toCsv(compareTables(r).pairs(lang)));
        process.stderr.write(`${timeLine(r, lang)}\n`);
        return;
      }
      printAll(r, lang, Boolean(opts.details || criterion));
    });
}
