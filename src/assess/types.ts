/**
 * Types of the assessment: the methodology (rules as data), the facts the engine reads, and the
 * result it returns. Pure data, no behaviour.
 */
import type { CountryCode, CriterionNumber, EvidenceFact, IndicatorCoverage, IndicatorFact, Rating } from '../core/types.js';
import type { EvidenceSummary } from './evidence.js';

export type { IndicatorCoverage, IndicatorFact };

/** A rating a rule can set; `no_data` is never set by a rule, only by the engine. */
export type RuleRating = Exclude<Rating, 'no_data'>;
export type Confidence = 'high' | 'medium' | 'low';
export type { Lang } from '../core/locale.js';
export type Localized = { de: string; en: string };

// ---------------------------------------------------------------------------------------------
// Methodology
// ---------------------------------------------------------------------------------------------

export type ComparisonOp = '>=' | '>' | '<=' | '<' | '==' | '!=';
export type TextOp = 'in' | 'not_in';

/**
 * Reads one indicator (or the combination of several, e.g. the three PTS codings) within a
 * window of data years ending at the as-of year, and compares it.
 */
export interface IndicatorCondition {
  indicator: string | string[];
  /** How several indicators combine into one value; default `max` (the worst reading for "higher is worse"). */
  combine?: 'max' | 'min';
  op: ComparisonOp | TextOp;
  /** Threshold for numeric ops. */
  value?: number;
  /** Accepted texts for `in` / `not_in` (compared with the value's text, e.g. Freedom House status "NF"). */
  values?: string[];
  /** Data years [asOfYear - withinYears, asOfYear]; default: the methodology's defaultWithinYears. */
  withinYears?: number;
  /** Which value of the window counts: the newest (default), or the highest/lowest year. */
  aggregate?: 'latest' | 'max' | 'min';
}

/** Counts how many of several indicators satisfy a test, e.g. "fewer than three treaties joined". */
export interface CountCondition {
  count: {
    indicators: string[];
    op: ComparisonOp | TextOp;
    value?: number;
    values?: string[];
    withinYears?: number;
    /**
     * Further items of the counted list that armsbrief holds no data for (e.g. conventions of BICC's
     * list of 29 that no dataset covers): counted as unknown, so the rule fires only when it would
     * fire whatever their status.
     */
    unknownItems?: number;
  };
  op: ComparisonOp;
  value: number;
}

export type CorroborationPolicy = 'two_independent_or_one_official' | 'two_independent' | 'one_official';

/** Passages tagged with a criterion and about the country, dated within a window, corroborated. */
export interface EvidenceCondition {
  evidence: {
    criterion: CriterionNumber;
    /** Minimum criterion score of the passage (from extraction); default the methodology's evidence.minScore. */
    minScore?: number;
    /** Document date within [asOf - withinYears, asOf]. */
    withinYears: number;
    corroboration: CorroborationPolicy;
    /** Only passages with at least one cue containing one of these strings (case-insensitive). */
    cuesAny?: string[];
  };
}

/** True when at least `minCount` land neighbours satisfy the indicator condition. */
export interface NeighbourCondition {
  neighbours: IndicatorCondition;
  minCount?: number;
}

/**
 * True when at least `atLeast` of several conditions hold, e.g. "two of three militarisation
 * measures are high"; each part may test a different indicator with its own threshold.
 */
export interface AtLeastCondition {
  atLeast: number;
  of: Condition[];
}

export type Condition =
  | IndicatorCondition
  | CountCondition
  | AtLeastCondition
  | EvidenceCondition
  | NeighbourCondition
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Facts in a compact form for rule fixtures in the methodology file. */
export interface RuleFixture {
  asOf: string;
  /** [indicator, year, value] where value is a number or a text (e.g. "NF"). */
  indicators?: Array<[string, number, number | string]>;
  evidence?: Array<{
    docId: string;
    publisher?: string | null;
    sourceType?: string | null;
    date: string;
    criterion: CriterionNumber;
    score?: number;
    cues?: string[];
  }>;
  neighbours?: Array<{ country: string; indicators: Array<[string, number, number | string]> }>;
}

export interface Rule {
  id: string;
  description: Localized;
  /** Every indicator the condition reads (validated against the condition). */
  reads: string[];
  when: Condition;
  rating: RuleRating;
  /** Why the threshold is where it is (BICC's wording, the User's Guide, or the scale's own bands). */
  reason?: Localized;
  fixture: RuleFixture;
}

export interface CriterionMethod {
  /**
   * Groups of indicators; a group is present when any of its indicators has a value in the
   * decisive window. All groups missing (and no rule fired) → `no_data`.
   */
  decisive: string[][];
  rules: Rule[];
}

export interface IndicatorSpec {
  label: Localized;
  /** Dataset the values come from, for the reader. */
  source: string;
  unit?: string;
  /**
   * For event datasets (sanctions, conflicts) that list only what happened: a country-year the
   * dataset covers but does not list reads as this value. Applied only to countries the store
   * has some data for, and only within the years the dataset covers.
   */
  absentMeans?: number;
  /**
   * A value read from another stored indicator with partners, e.g. treaty membership from the
   * `treaty.status` rows harvested from briefs (partner = the treaty). The partner's name must match
   * `partnerPattern` (case-insensitive regular expression); its text maps to a number via `valueMap`.
   */
  derivedFrom?: { indicator: string; partnerPattern: string; valueMap: Record<string, number> };
  /**
   * A state rather than a yearly observation (treaty membership, participation in a regime): the
   * newest fact up to the as-of day holds whatever its age, and is never stale. With `absentMeans`,
   * a country the dataset covers but lists nowhere reads as that value (e.g. 0 = not a party).
   */
  persistent?: boolean;
  /** Computed per year from two other indicators of the same country: numerator / denominator. */
  ratioOf?: { numerator: string; denominator: string };
}

/** A stored value of an indicator with a partner (e.g. a treaty), before it is derived into a rule's indicator. */
export interface PartnerFact extends IndicatorFact {
  partner: string;
}

export interface Methodology {
  id: string;
  version: string;
  title?: Localized;
  /** Values older than this many years (as-of year minus data year) are flagged stale. */
  staleAfterYears: number;
  /** Window of data years an indicator condition reads when it names none. */
  defaultWithinYears: number;
  /** Window in which a decisive indicator counts as present. */
  decisiveWithinYears: number;
  evidence: {
    minScore: number;
    /** Evidence listed with a criterion (corroborated or not) reaches back this many years. */
    listWithinYears: number;
  };
  indicators: Record<string, IndicatorSpec>;
  criteria: Record<CriterionNumber, CriterionMethod>;
}

// ---------------------------------------------------------------------------------------------
// Facts
// ---------------------------------------------------------------------------------------------

// IndicatorFact and IndicatorCoverage live in core (the store returns them too).

export interface ExternalRating {
  criterion: CriterionNumber;
  rating: Rating;
  /** Who rated (e.g. "BICC"), and where it was found. */
  assessor: string;
  docId?: string | null;
  docTitle?: string | null;
  date?: string | null;
}

export interface OverrideFact {
  id?: number;
  criterion: CriterionNumber;
  rating: Rating;
  reason: string;
  by: string;
  createdAt: string;
}

export interface AssessmentFacts {
  country: CountryCode;
  indicators: IndicatorFact[];
  /** Passage rows (fixtures, small stores); the engine summarises them unless `evidenceSummary` is given. */
  evidence: EvidenceFact[];
  /** The evidence already summarised (by the store, in SQL): then `evidence` is not read. */
  evidenceSummary?: EvidenceSummary;
  coverage?: IndicatorCoverage[];
  neighbours?: Array<{ country: CountryCode; indicators: IndicatorFact[] }>;
  external?: ExternalRating[];
  overrides?: OverrideFact[];
}

// ---------------------------------------------------------------------------------------------
// Result
// ---------------------------------------------------------------------------------------------

export interface ValueRead {
  indicator: string;
  value: number | null;
  valueText: string | null;
  year: number;
  source: string;
  stale: boolean;
  /** The dataset covers the year but lists nothing for the country: read as `absentMeans`. */
  imputed?: boolean;
  /** Set when the value belongs to a neighbour, not the assessed country. */
  country?: CountryCode;
}

export type EvidenceItem = Omit<EvidenceFact, 'criteria'> & {
  /** The passage's score and cues for the criterion at hand. */
  score: number;
  cues: string[];
  /** Whether this passage belongs to a corroborated set for some fired evidence rule. */
  corroborated: boolean;
};

export type RuleBasis = 'indicators' | 'evidence' | 'mixed';

export interface FiredRule {
  ruleId: string;
  description: Localized;
  rating: RuleRating;
  basis: RuleBasis;
  values: ValueRead[];
  /** Passages that satisfied the evidence part, with the independent sources they come from: the newest, at most 25 per condition. */
  evidence?: Array<{ docId: string; passageIdx: number; source: string; official: boolean }>;
  /** How many passages satisfied it (absent in assessments stored before: then `evidence` lists them all). */
  evidenceCount?: number;
}

/** A rule that could not be decided because a value it needs is missing. */
export interface UndeterminedRule {
  ruleId: string;
  description: Localized;
  rating: RuleRating;
  missing: string[];
}

export interface CriterionResult {
  criterion: CriterionNumber;
  rating: Rating;
  confidence: Confidence;
  confidenceReasons: Localized[];
  /** Highest rating set by rules on indicators alone (or mixed), and by evidence rules. */
  indicatorRating: Rating;
  evidenceRating: RuleRating | null;
  rulesFired: FiredRule[];
  rulesUndetermined: UndeterminedRule[];
  /** Latest value of every decisive indicator that has one. */
  decisiveValues: ValueRead[];
  /** Decisive indicator groups without a value in the window (ids joined by "|"). */
  missing: string[];
  stale: string[];
  /** Evidence about the criterion, newest first (at most the engine's limit). */
  evidence: EvidenceItem[];
  /** How many passages were found before the limit. */
  evidenceTotal: number;
  reviewSuggested: boolean;
  reviewReason?: Localized;
  override?: OverrideFact;
  /** The override's rating when there is one, else the computed rating. */
  effectiveRating: Rating;
}

export interface CountryAssessment {
  country: CountryCode;
  asOf: string;
  methodology: { id: string; version: string };
  criteria: CriterionResult[];
}
