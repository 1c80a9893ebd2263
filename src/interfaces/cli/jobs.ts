import type { Command } from 'commander';
import type { JobEntry, JobsOverview } from '../../queue/jobs.js';
import { resolveStoreTarget } from '../../app.js';
import { globalOptions, printJson, usageError, withApp } from './context.js';

// pg-boss is loaded when a jobs command runs, not when the CLI starts.
const queue = async () => ({ ...(await import('../../queue/boss.js')), ...(await import('../../queue/jobs.js')) });

export function register(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('Show the ingest job queue on a PostgreSQL server: queued, running, failed and done jobs, and the dead-letter list.')
    .option('--json', 'print as JSON')
    .option('--limit <N>', 'dead-letter and failed jobs to list', '20')
    .action(async (opts: { json?: boolean; limit: string }, cmd: Command) => {
      const { requireServerUrl, jobsOverview } = await queue();
      requireServerUrl(resolveStoreTarget(globalOptions(cmd).db), 'The job queue');
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 0) throw usageError('--limit must be a whole number ≥ 0.');
      const overview = await withApp(cmd, (app) => jobsOverview(app.db, { limit }));
      if (opts.json) printJson(overview);
      else printOverview(overview);
    });
  jobs
    .command('retry')
    .description('Retry a failed job, or send a dead-lettered job back to the ingest queue with a fresh retry budget.')
    .argument('<id>', 'job id as listed by `armsbrief jobs`')
    .option('--json', 'print as JSON')
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { requireServerUrl, openBoss, retryJob } = await queue();
      const url = requireServerUrl(resolveStoreTarget(globalOptions(cmd).db), 'The job queue');
      const result = await withApp(cmd, async (app) => {
        const boss = await openBoss(url, { applicationName: 'armsbrief-jobs' });
        try {
          return await retryJob(app.db, boss, id);
        } finally {
          await boss.stop({ graceful: false, close: true }).catch(() => undefined);
        }
      });
      if (opts.json) printJson(result);
      else process.stdout.write(`${result.action === 'redriven' ? 'sent back to' : 'retrying in'} ${result.queue}: ${result.id}\n`);
    });
}

function printOverview(o: JobsOverview): void {
  const out = process.stdout;
  for (const q of o.queues) {
    out.write(
      `${q.queue}: ${q.queued} queued, ${q.retrying} waiting to retry, ${q.running} running, ${q.failed} failed, ${q.done} done` +
        ` (documents: ${q.documents.queued} queued, ${q.documents.running} running, ${q.documents.done} done)\n`,
    );
  }
  out.write(`stored by finished jobs: ${o.stored.new} new, ${o.stored.unchanged} unchanged, ${o.stored.requeued} re-enqueued singly\n`);
  const line = (j: JobEntry) =>
    `  ${j.id}  ${j.state.padEnd(9)} ${j.documents} doc${j.documents === 1 ? ' ' : 's'}  ${j.source ?? ''}  retries ${j.retries}${j.error ? `  error: ${j.error.replace(/\s+/g, ' ').slice(0, 160)}` : ''}\n`;
  if (o.deadLetters.length) {
    out.write(`dead letters (retry with \`armsbrief jobs retry <id>\`):\n`);
    for (const j of o.deadLetters) out.write(line(j));
  }
  if (o.failures.length) {
    out.write('failed attempts:\n');
    for (const j of o.failures) out.write(line(j));
  }
}
