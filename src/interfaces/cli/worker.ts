import type { Command } from 'commander';
import { resolveStoreTarget } from '../../app.js';
import { EXIT, globalOptions, printJson, usageError } from './context.js';

const positiveInt = (value: string, name: string, min = 1): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw usageError(`${name} must be a whole number ≥ ${min}.`);
  return n;
};

export function register(program: Command): void {
  program
    .command('worker')
    .description('Process ingest jobs from the job queue on a PostgreSQL server (run on any machine that reaches it).')
    .option('--concurrency <N>', 'jobs processed at the same time in this process', '1')
    .option('--threads <N>', 'worker threads that prepare documents (0: on the main thread)', '0')
    .option('--jobs-per-fetch <N>', 'jobs fetched (and stored) together', '2')
    .option('--until-empty', 'stop when no job is queued, waiting for a retry or running')
    .option('--check-interval <s>', "seconds between checks for jobs of dead workers (expired) and for retries", '10')
    .option('--json', 'print the final report as JSON')
    .addHelpText(
      'after',
      `
Needs --db postgres://… (or ARMSBRIEF_DB / DATABASE_URL). Jobs come from \`armsbrief ingest --queue\`.
Each job carries a batch of documents; a document that fails on its own is retried as a job of its
own (with backoff) and ends in the dead-letter list (\`armsbrief jobs\`) after its retry budget.
A job whose worker died is retried by another worker when its timeout (ingest --job-timeout) passes.
If the server goes away the worker pauses, tries again with backoff and resumes.
SIGINT / SIGTERM: stop fetching, finish the running jobs, exit (a second signal exits at once).`,
    )
    .action(async (opts: { concurrency: string; threads: string; jobsPerFetch: string; untilEmpty?: boolean; checkInterval: string; json?: boolean }, cmd: Command) => {
      const concurrency = positiveInt(opts.concurrency, '--concurrency');
      const threads = positiveInt(opts.threads, '--threads', 0);
      const jobsPerFetch = positiveInt(opts.jobsPerFetch, '--jobs-per-fetch');
      const checkInterval = positiveInt(opts.checkInterval, '--check-interval');
      const controller = new AbortController();
      let signals = 0;
      const onSignal = (sig: NodeJS.Signals) => {
        if (++signals > 1) process.exit(sig === 'SIGINT' ? 130 : 143);
        process.stderr.write(`armsbrief worker: ${sig}: stopping after the running jobs (send again to exit at once)\n`);
        controller.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        const { runWorker } = await import('../../queue/worker.js');
        const report = await runWorker({
          url: resolveStoreTarget(globalOptions(cmd).db), concurrency, threads, jobsPerFetch, untilEmpty: opts.untilEmpty,
          superviseIntervalSeconds: checkInterval, signal: controller.signal,
        });
        if (opts.json) printJson(report);
        process.exitCode = EXIT.ok;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
