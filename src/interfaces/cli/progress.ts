/** Progress bars on stderr, only when stderr is a terminal (pipes and CI logs stay clean). */
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

export function createProgress(label: string, enabled = Boolean(process.stderr.isTTY)): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} {bar} {value}/{total} {detail}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, payload = {}) {
      if (!started) {
        bar.start(total, done, { detail: '', ...payload });
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, { detail: '', ...payload });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
