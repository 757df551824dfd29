/**
 * Scoring profiles (docs/scoring.md §5.11): named, versioned parameter sets. Approving a plan version freezes its profile
 * version; a parameter change then needs a new profile version. All helpers are pure: they never mutate their
 * argument, and every profile they return is deep-frozen (Object.freeze) so that a shared preset cannot be
 * altered by accident.
 */
import type { ScoringProfile } from './types';

type MutableProfileFields = Omit<ScoringProfile, 'name' | 'version' | 'status'>;

export type ProfileChanges = Partial<Omit<ScoringProfile, 'version' | 'status' | 'display'>> & {
  readonly display?: ScoringProfile['display'];
};

function deepFreeze(p: ScoringProfile): ScoringProfile {
  Object.freeze(p.display);
  return Object.freeze(p);
}

const DISPLAY: ScoringProfile['display'] = { indicatorDecimals: 2, aggregateDecimals: 0, rounding: 'half-up' };

/** The docs/scoring.md §5.11 defaults. */
const DEFAULTS: MutableProfileFields = {
  capRatio: true,
  inverseMiss: 'target/actual',
  deadlineLate: 'zero',
  graceDays: 0,
  bandsMode: 'step',
  ownShare: 0.5,
  weightSumTolerance: 0.1,
  overachievementWarnAt: 2,
  monthNameAs: 'end-of-month',
  managerPeriods: 'checkpoint',
  display: DISPLAY,
};

function make(
  name: string,
  version: number,
  status: ScoringProfile['status'],
  fields: MutableProfileFields,
): ScoringProfile {
  const f = pickFields(fields);
  return deepFreeze({ name, version, status, ...f, display: { ...f.display } });
}

/** The docs/scoring.md §5.11 defaults, frozen: used when no profile is given. */
export const DEFAULT_PROFILE: ScoringProfile = make('default', 1, 'frozen', DEFAULTS);

/**
 * Presets of the three seed families (version 1, draft until a plan version approves them):
 * - `bergamo`: equal-weight objectives over capped ratios (no weights in the documents → equal weights; step bands);
 * - `sondrio`: weighted roll-up with step thresholds (target / soglia 80% / soglia 60%);
 * - `brescia`: per-manager weights and a 50/50 split between a strategic objective's own indicators and its
 *   contributing operational objectives.
 * The aggregation method itself (equal vs declared weights) follows the data (docs/scoring.md §5.5); the presets record the rule
 * parameters those plans imply.
 */
export const PROFILE_PRESETS: Readonly<Record<'bergamo' | 'sondrio' | 'brescia', ScoringProfile>> = Object.freeze({
  bergamo: make('bergamo', 1, 'draft', { ...DEFAULTS, capRatio: true, bandsMode: 'step' }),
  sondrio: make('sondrio', 1, 'draft', { ...DEFAULTS, capRatio: true, bandsMode: 'step' }),
  brescia: make('brescia', 1, 'draft', { ...DEFAULTS, capRatio: true, ownShare: 0.5, weightSumTolerance: 0.1 }),
});

/**
 * A stored profile version as the engine reads it: its parameters over the defaults, with its own name, version
 * and status; the defaults when there is none (the server's rows and the add-in's copy of them alike).
 */
export function storedProfile(
  stored: (Pick<ScoringProfile, 'name' | 'version' | 'status'> & { parameters: unknown }) | null | undefined,
): ScoringProfile {
  if (!stored) return DEFAULT_PROFILE;
  return {
    ...DEFAULT_PROFILE,
    ...(stored.parameters as Partial<ScoringProfile>),
    name: stored.name,
    version: stored.version,
    status: stored.status,
  };
}

/** "name@version", recorded with every result (docs/scoring.md §5.11). */
let lastProfile: Pick<ScoringProfile, 'name' | 'version'> | null = null;
let lastLabel = '';
let lastName = '';
let lastVersion = 0;

export function profileLabel(p: Pick<ScoringProfile, 'name' | 'version'>): string {
  // one-entry cache: a roll-up scores thousands of indicators with the same (usually frozen) profile
  if (p === lastProfile && p.name === lastName && p.version === lastVersion) return lastLabel;
  lastName = p.name;
  lastVersion = p.version;
  lastProfile = p;
  lastLabel = p.name + '@' + p.version;
  return lastLabel;
}

/** Problems of a profile's parameters (empty when valid). */
export function validateProfile(p: ScoringProfile): string[] {
  const out: string[] = [];
  if (!p.name) out.push('name is empty');
  if (!Number.isInteger(p.version) || p.version < 1) out.push('version must be a positive integer');
  if (!(p.graceDays >= 0) || !Number.isFinite(p.graceDays)) out.push('graceDays must be ≥ 0');
  if (!(p.ownShare >= 0 && p.ownShare <= 1)) out.push('ownShare must be in [0, 1]');
  if (!(p.weightSumTolerance >= 0)) out.push('weightSumTolerance must be ≥ 0');
  if (!(p.overachievementWarnAt > 0)) out.push('overachievementWarnAt must be > 0');
  if (p.managerPeriods != null && p.managerPeriods !== 'checkpoint' && p.managerPeriods !== 'pro-rata')
    out.push("managerPeriods must be 'checkpoint' or 'pro-rata'");
  if (p.deadlineLate === 'linear' && !(p.graceDays > 0)) out.push("deadlineLate 'linear' needs graceDays > 0");
  return out;
}

/** A frozen copy of `p` (status 'frozen', same version). Freezing a frozen profile returns it unchanged. */
export function freezeProfile(p: ScoringProfile): ScoringProfile {
  if (p.status === 'frozen' && Object.isFrozen(p)) return p;
  return make(p.name, p.version, 'frozen', pickFields(p));
}

/** A new draft profile, version + 1, with `changes` applied; `p` is left untouched. */
export function nextProfileVersion(p: ScoringProfile, changes: ProfileChanges = {}): ScoringProfile {
  const { name, ...fields } = changes;
  return make(name ?? p.name, p.version + 1, 'draft', {
    ...pickFields(p),
    ...fields,
    display: fields.display ?? p.display,
  });
}

/**
 * Edit a profile: a draft is edited in place semantically (same version, new object); a frozen profile is
 * immutable, so editing it yields the next version (never a mutation).
 */
export function editProfile(p: ScoringProfile, changes: ProfileChanges): ScoringProfile {
  if (p.status === 'frozen') return nextProfileVersion(p, changes);
  const { name, ...fields } = changes;
  return make(name ?? p.name, p.version, 'draft', {
    ...pickFields(p),
    ...fields,
    display: fields.display ?? p.display,
  });
}

function pickFields(p: MutableProfileFields): MutableProfileFields {
  return {
    capRatio: p.capRatio,
    inverseMiss: p.inverseMiss,
    deadlineLate: p.deadlineLate,
    graceDays: p.graceDays,
    bandsMode: p.bandsMode,
    ownShare: p.ownShare,
    weightSumTolerance: p.weightSumTolerance,
    overachievementWarnAt: p.overachievementWarnAt,
    monthNameAs: p.monthNameAs,
    // profiles stored before the parameter existed score as they always did: on the weights at the checkpoint
    managerPeriods: p.managerPeriods ?? 'checkpoint',
    display: p.display,
  };
}
