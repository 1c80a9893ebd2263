import type { Command } from 'commander';
import { HIGHLIGHT_END, HIGHLIGHT_START, search } from '../../services/search.js';
import { printJson, usageError, useColor, withApp } from './context.js';

export function register(program: Command): void {
  program
    .command('search')
    .description('Full-text search over passages, ranked, with highlighted snippets.')
    .argument('<query>', 'web-search syntax: words, "exact phrases", -excluded, a OR b')
    .option('--lang <code>', 'only passages in this language (de, en, …)')
    .option('--from <date>', 'documents dated on or after YYYY[-MM[-DD]]')
    .option('--to <date>', 'documents dated on or before YYYY[-MM[-DD]]')
    .option('--country <country>', 'only passages that mention this country (ISO code or name: KZ, Kasachstan)')
    .option('--criterion <n>', 'only passages giving evidence for criterion 1–8')
    .option('--limit <n>', 'number of results', '10')
    .option('--offset <n>', 'skip this many results (paging)', '0')
    .option('--json', 'print results as JSON')
    .addHelpText('after', '\nExamples:\n  armsbrief search "Militärausgaben" --lang de\n  armsbrief search \'"North Korean workers" -Kursk\' --from 2024 --json')
    .action(async (query: string, opts: Record<string, string | boolean | undefined>, cmd: Command) => {
      const int = (name: string, v: unknown) => {
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0) throw usageError(`--${name} must be a whole number, got ${JSON.stringify(v)}.`);
        return n;
      };
      const result = await withApp(cmd, (app) =>
        search(app.db, {
          query,
          lang: opts.lang as string | undefined,
          from: opts.from as string | undefined,
          to: opts.to as string | undefined,
          country: opts.country as string | undefined,
          criterion: opts.criterion === undefined ? undefined : int('criterion', opts.criterion),
          limit: int('limit', opts.limit),
          offset: int('offset', opts.offset),
        }),
        { quick: true },
      );
      if (opts.json) {
        printJson({
          ...result,
          hits: result.hits.map((h) => ({ ...h, snippet: plainSnippet(h.snippet, '**', '**') })),
        });
        return;
      }
      const tty = useColor();
      const n = result.total.toLocaleString('en-GB');
      process.stdout.write(result.totalExact
        ? `${n} passage${result.total === 1 ? '' : 's'} found\n`
        : `more than ${n} passages found; the best of the first ${n} are ranked (narrow the search with words or --lang, --from, --to, --country, --criterion to see all)\n`);
      result.hits.forEach((h, i) => {
        const head = `${i + 1 + (Number(opts.offset) || 0)}. ${h.title ?? '(untitled)'} — ${h.date ?? 'undated'} [${h.lang}] ${h.docId}#${h.passageIdx}`;
        process.stdout.write(`\n${head}\n   ${plainSnippet(h.snippet, tty ? '\x1b[1m' : '[', tty ? '\x1b[0m' : ']').replace(/\s+/g, ' ')}\n`);
      });
    });
}

function plainSnippet(s: string, open: string, close: string): string {
  return s.split(HIGHLIGHT_START).join(open).split(HIGHLIGHT_END).join(close);
}
