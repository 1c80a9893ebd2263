/**
 * Assessments kept current: computed after ingest and import for the countries whose inputs
 * changed (store/assessment-states.ts says which), stored, and read by the web app, the API and
 * briefs without computing. A reader whose country's stored assessment is stale gets it marked
 * stale while the keeper recomputes it in the background; only a country with nothing stored at
 * all is computed on request, once however many requests ask at the same time.
 */
import type { Db } from '../store/db.js';
import { countriesWithData } from '../store/assessments.js';
import { assessmentStates, storedResults, storedSummaries, type AssessmentState } from '../store/assessment-states.js';
import { evidenceCountsByCountry } from '../store/evidence.js';
import type { CountryAssessment, CriterionResult, Methodology } from '../assess/types.js';
import { assessCountries, checkAsOf, loadMethodology, todayUtc, type StoredAssessment } from './assess-country.js';

export interface CurrentAssessment extends StoredAssessment {
  /** Computed before a change to what it reads (or for an earlier day): being recomputed. */
  stale: boolean;
}

/** What an overview shows of an assessment. */
export interface AssessmentSummary extends Pick<CountryAssessment, 'country' | 'asOf' | 'methodology'> {
  criteria: Array<Pick<CriterionResult, 'criterion' | 'effectiveRating' | 'reviewSuggested' | 'override'>>;
}

export interface CurrentSummary extends Omit<CurrentAssessment, 'assessment'> {
  assessment: AssessmentSummary;
}

export interface ReadOptions {
  asOf?: string;
  methodology?: Methodology;
  methodologyFile?: string | null;
  /** The clock that gives today's as-of day. Stored assessments always carry the real time they were computed: staleness compares it with real change times. */
  now?: Date;
}

function resolved(opts: ReadOptions): { asOf: string; methodology: Methodology } {
  return { asOf: checkAsOf(opts.asOf ?? todayUtc(opts.now ?? new Date())), methodology: opts.methodology ?? loadMethodology(opts.methodologyFile) };
}

const statesOf = (db: Db, countries: string[] | null, asOf: string, m: Methodology) =>
  assessmentStates(db, { asOf, methodologyId: m.id, methodologyVersion: m.version, countries });

/** The stored results `load` reads for the countries' states, each marked current or stale. */
async function readStored<T>(
  db: Db,
  countries: string[] | null,
  opts: ReadOptions,
  load: (db: Db, ids: number[]) => Promise<Map<number, unknown>>,
): Promise<Map<string, { id: number; computedAt: string; assessment: T; stale: boolean }>> {
  const { asOf, methodology } = resolved(opts);
  const states = await statesOf(db, countries, asOf, methodology);
  const results = await load(db, [...states.values()].map((s) => s.id));
  const out = new Map<string, { id: number; computedAt: string; assessment: T; stale: boolean }>();
  for (const s of states.values()) {
    const result = results.get(s.id);
    if (result) out.set(s.country, { id: s.id, computedAt: s.computedAt, assessment: result as T, stale: !s.current });
  }
  return out;
}

/** Stored assessments of the countries (all with a stored one when null), current or stale; none computed. */
export function readStoredAssessments(db: Db, countries: string[] | null, opts: ReadOptions = {}): Promise<Map<string, CurrentAssessment>> {
  return readStored<CountryAssessment>(db, countries, opts, storedResults);
}

/** Like readStoredAssessments, only what an overview shows of each. */
export function readStoredSummaries(db: Db, countries: string[] | null, opts: ReadOptions = {}): Promise<Map<string, CurrentSummary>> {
  return readStored<AssessmentSummary>(db, countries, opts, storedSummaries);
}

/** Countries with data whose stored assessment for the day is missing or stale. */
export async function staleCountries(db: Db, opts: ReadOptions = {}): Promise<string[]> {
  const { asOf, methodology } = resolved(opts);
  const [targets, states] = await Promise.all([countriesWithData(db), statesOf(db, null, asOf, methodology)]);
  return targets.filter((c) => !states.get(c)?.current);
}

export interface RefreshOptions extends ReadOptions {
  /** Only these countries (default: every stale one). */
  countries?: string[];
  /** Countries per computation; between two, `pause` lets other work use the store. */
  chunk?: number;
  pause?: () => Promise<void>;
  /** Asked between chunks: true ends the refresh there (a server shutting down). */
  stopped?: () => boolean;
}

export interface RefreshReport {
  asOf: string;
  /** Countries computed and stored. */
  countries: string[];
  durationMs: number;
}

/**
 * Computes and stores the stale assessments. When most countries are stale (after an import)
 * one computation over all of them is cheaper than many small ones, unless chunks were asked for.
 */
export async function refreshAssessments(db: Db, opts: RefreshOptions = {}): Promise<RefreshReport> {
  const t0 = performance.now();
  const { asOf, methodology } = resolved(opts);
  const targets = opts.countries ?? (await staleCountries(db, { asOf, methodology }));
  const done: string[] = [];
  if (targets.length === 0) return { asOf, countries: done, durationMs: performance.now() - t0 };
  const all = opts.countries ? null : await countriesWithData(db);
  if (!opts.chunk && all && targets.length * 2 > all.length) {
    const results = await assessCountries(db, null, { asOf, methodology });
    done.push(...results.map((r) => r.assessment.country));
  } else {
    const size = opts.chunk ?? 25;
    for (let i = 0; i < targets.length; i += size) {
      const results = await assessCountries(db, targets.slice(i, i + size), { asOf, methodology });
      done.push(...results.map((r) => r.assessment.country));
      if (i + size >= targets.length || opts.stopped?.()) break;
      await opts.pause?.();
    }
  }
  return { asOf, countries: done, durationMs: performance.now() - t0 };
}

/**
 * How long background work waits at most for a quiet moment between two chunks: under constant
 * load it then takes one chunk a second and still finishes.
 */
const YIELD_MAX_MS = 1000;
const YIELD_POLL_MS = 5;

/**
 * Keeps a long-lived process's assessments current in the background (`serve`): `schedule()`
 * after writes, at start and now and then; readers get stored assessments at once. One run at a
 * time; a schedule during a run starts another after it. Computations go in small chunks (one
 * country by default: a chunk holds the single embedded connection, and the thread, while it
 * runs) and between two the keeper waits for a quiet moment (`busy`), up to YIELD_MAX_MS, so
 * a request waits for at most one country's computation.
 */
export class AssessmentKeeper {
  private running: Promise<void> | null = null;
  private again = false;
  private computing = new Map<string, Promise<CurrentAssessment>>();
  private allComputing: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly db: Db,
    private readonly opts: {
      now?: () => Date;
      methodologyFile?: string | null;
      /** Called after the keeper stored new assessments (readers' caches drop theirs). */
      onRefreshed?: (countries: string[]) => void;
      onError?: (err: unknown) => void;
      chunk?: number;
      /** Whether requests are being answered now (the server's count): background work waits for them between chunks. */
      busy?: () => boolean;
    } = {},
  ) {}

  /** Between two chunks: let waiting requests run first, however many arrive, up to YIELD_MAX_MS. */
  private async yieldToRequests(): Promise<void> {
    await new Promise((r) => setImmediate(r));
    const busy = this.opts.busy;
    if (!busy) return;
    const until = performance.now() + YIELD_MAX_MS;
    while (busy() && !this.stopping && performance.now() < until) await new Promise((r) => setTimeout(r, YIELD_POLL_MS));
  }

  private read(): ReadOptions {
    return { now: this.opts.now?.() ?? new Date(), methodologyFile: this.opts.methodologyFile };
  }

  /** Computes what is missing or stale, in the background. */
  schedule(): void {
    if (this.stopping) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          const report = await refreshAssessments(this.db, {
            ...this.read(), chunk: this.opts.chunk ?? 1, pause: () => this.yieldToRequests(), stopped: () => this.stopping,
          });
          if (report.countries.length) this.opts.onRefreshed?.(report.countries);
        } catch (err) {
          this.opts.onError?.(err);
        }
      } while (this.again && !this.stopping);
    })().finally(() => {
      this.running = null;
    });
  }

  /**
   * After a write through this process: the countries it concerns (default: whatever is stale now)
   * are computed at once, so the writer's next page shows the change; more than `limit` go to the
   * background instead (an import, a new day).
   */
  async settle(countries?: string[], limit = 20): Promise<void> {
    const targets = countries ?? (await staleCountries(this.db, this.read()));
    if (targets.length > limit) return this.schedule();
    if (targets.length === 0) return;
    await refreshAssessments(this.db, { ...this.read(), countries: targets });
    this.opts.onRefreshed?.(targets);
  }

  /** Countries with data, in the order background work should warm their pages: most evidence first. */
  async countries(): Promise<string[]> {
    const [all, ranked] = await Promise.all([countriesWithData(this.db), evidenceCountsByCountry(this.db, 1000)]);
    const rank = new Map(ranked.map((r, i) => [r.country, i]));
    return [...all].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b));
  }

  get stopped(): boolean {
    return this.stopping;
  }

  /** Ends background work after the chunk being computed; resolves when it has ended. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.idle();
  }

  /** Resolves when no background run is going on. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Whether the country's stored assessment is stale, so being recomputed (false when none is stored: that one is computed on request). */
  async isStale(country: string): Promise<boolean> {
    const { asOf, methodology } = resolved(this.read());
    const state = (await statesOf(this.db, [country], asOf, methodology)).get(country);
    if (state && !state.current) this.schedule();
    return Boolean(state && !state.current);
  }

  /** The country's assessment for today: the stored one (stale ones are being recomputed), or computed now when none is stored. */
  async get(country: string): Promise<CurrentAssessment> {
    const stored = (await readStoredAssessments(this.db, [country], this.read())).get(country);
    if (stored) {
      if (stored.stale) this.schedule();
      return stored;
    }
    let pending = this.computing.get(country);
    if (!pending) {
      pending = assessCountries(this.db, [country], resolved(this.read())).then(([fresh]) => ({ ...fresh, stale: false }));
      this.computing.set(country, pending);
      pending.finally(() => this.computing.delete(country)).catch(() => undefined);
    }
    return pending;
  }

  /** Every country's assessment for today as an overview shows it, stored ones as they are; those with none stored are computed now, together. */
  async all(): Promise<CurrentSummary[]> {
    const read = this.read();
    const targets = await countriesWithData(this.db);
    let stored = await readStoredSummaries(this.db, null, read);
    const missing = targets.filter((c) => !stored.has(c));
    if (missing.length) {
      this.allComputing ??= assessCountries(this.db, missing, resolved(read))
        .then(() => undefined)
        .finally(() => {
          this.allComputing = null;
        });
      await this.allComputing;
      stored = await readStoredSummaries(this.db, null, read);
    }
    if ([...stored.values()].some((s) => s.stale)) this.schedule();
    return targets.flatMap((c) => stored.get(c) ?? []);
  }
}

export type { AssessmentState };
