import { aggregate, scoreIndicator, scoreStrategicObjective, type RuleName } from '@core/scoring';
import { Checkpoint, IndicatorStatus, TargetMode } from '@core/vocabulary/enums';
import type { LintSeverity, LintSubjectType } from '@core/vocabulary/results';
import type { Indicator, Target } from '../entities';
import { groupBy } from './group-by';
import type { PlanSnapshot } from './plan-snapshot';
import { profileOf } from './realization';
import { lintMessage, POLARITY_IT } from './plan-lint-messages';
import { type EffectiveOf, monitoredOnly, polaritySuggestion } from './polarity-suggestions';

export type LintIssue = {
  code: string;
  severity: LintSeverity;
  subjectType: LintSubjectType;
  subjectId: string;
  subjectCode: string | null;
  year: number | null;
  message: string;
  messageIt: string;
};

const ERRORS = new Set([
  'TARGET_MISSING',
  'TARGET_NOT_POSITIVE',
  'TYPE_MISMATCH',
  'INVALID_DATE',
  'BANDS_NOT_MONOTONE',
  'THRESHOLDS_MISSING',
  'WEIGHT_MISSING',
  'WEIGHT_NEGATIVE',
  'WEIGHT_SUM_ZERO',
  'DUPLICATE_CODE',
]);

/** A detail in both languages, as lintMessage splits it: "italiano — English". */
const both = (it: string, en: string) => `${it} — ${en}`;

function weightsDetail(children: Array<{ weight?: number | null }>): string {
  const sum = children.map((c) => c.weight ?? '–').join(' + ');
  return both(`pesi ${sum}`, `weights ${sum}`);
}

function issue(
  code: string,
  subjectType: LintIssue['subjectType'],
  subject: { id: string; code?: string | null },
  year: number | null,
  detail?: string,
  details?: Record<string, string>,
): LintIssue {
  return {
    code,
    severity: ERRORS.has(code) ? 'error' : 'warning',
    subjectType,
    subjectId: subject.id,
    subjectCode: subject.code ?? null,
    year,
    ...lintMessage(code, details, detail),
  };
}

/**
 * What would make the plan's scores wrong or impossible. Target and weight checks ask the scoring engine itself:
 * each target is scored against an actual equal to it, each level is rolled up with every child at 1, and the
 * engine's errors and warnings are the findings, so lint and scoring can never disagree.
 */
export function lintPlan(s: PlanSnapshot, years: readonly number[]): LintIssue[] {
  const profile = profileOf(s.plan.scoringProfile);
  const issues: LintIssue[] = [];
  const active = s.indicators.filter((i) => i.status !== IndicatorStatus.REPLACED);
  const revisionsOf = groupBy(s.revisions, (r) => r.target.id);
  const targetsOf = groupBy(s.targets, (t) => t.indicator.id);
  const effectiveOf = (t: Target) => (revisionsOf.get(t.id) ?? []).filter((r) => r.approved).at(-1)?.value;

  for (const indicator of active) {
    if (indicator.monitoring && indicator.weight)
      issues.push(
        issue(
          'MONITORING_WEIGHTED',
          'indicator',
          indicator,
          null,
          both(`peso ${indicator.weight}`, `weight ${indicator.weight}`),
        ),
      );
    const targets = targetsOf.get(indicator.id) ?? [];
    issues.push(...polarityIssues(indicator, targets, effectiveOf));
    for (const year of years) {
      const yearEnd = targets.find((t) => t.year === year && t.checkpoint === Checkpoint.YEAR_END);
      const effective = yearEnd ? (revisionsOf.get(yearEnd.id) ?? []).filter((r) => r.approved).at(-1) : undefined;
      if (!indicator.monitoring && (!effective || effective.value.kind === 'empty'))
        issues.push(issue('NO_TARGET', 'indicator', indicator, year));
    }
    for (const target of targets)
      issues.push(...targetIssues(indicator, target, revisionsOf.get(target.id) ?? [], profile));
  }

  const weighted = (rows: Array<{ id: string; code?: string | null; weight?: number | null }>) =>
    rows.map((r) => ({ id: r.id, code: r.code ?? undefined, weight: r.weight, score: 1 }));
  const scoredIndicators = active.filter((i) => !i.monitoring);
  const indicatorsOf = groupBy(scoredIndicators, (i) => i.operationalObjective?.id);
  const ownOf = groupBy(scoredIndicators, (i) => i.strategicObjective?.id);
  const contributionsOf = groupBy(
    s.operationalObjectives.filter((o) => o.contributes),
    (o) => o.strategicObjective?.id,
  );
  for (const oo of s.operationalObjectives) {
    const children = indicatorsOf.get(oo.id) ?? [];
    if (children.length === 0) continue;
    const r = aggregate(weighted(children), { profile });
    const detail = weightsDetail(children);
    for (const code of [...r.errors, ...r.warnings])
      issues.push(issue(code, 'operational_objective', oo, null, detail));
  }
  for (const so of s.strategicObjectives) {
    const own = ownOf.get(so.id) ?? [];
    const ops = contributionsOf.get(so.id) ?? [];
    if (own.length === 0 && ops.length === 0) continue;
    const r = scoreStrategicObjective(
      {
        id: so.id,
        own: own.length ? weighted(own) : undefined,
        contributions: ops.length ? weighted(ops) : undefined,
        ownShare: so.ownShare,
      },
      { profile },
    );
    const codes = new Set([
      ...r.errors,
      ...r.warnings,
      ...(r.own?.errors ?? []),
      ...(r.own?.warnings ?? []),
      ...(r.contributions?.errors ?? []),
      ...(r.contributions?.warnings ?? []),
    ]);
    codes.delete('CHILD_INVALID');
    const detail = weightsDetail([...own, ...ops]);
    for (const code of codes) issues.push(issue(code, 'strategic_objective', so, null, detail));
  }

  const seen = new Map<string, string>();
  for (const [type, rows] of [
    ['strategic_objective', s.strategicObjectives],
    ['operational_objective', s.operationalObjectives],
    ['indicator', s.indicators],
  ] as const) {
    for (const row of rows) {
      const key = `${type}:${row.code}`;
      if (seen.has(key))
        issues.push(
          issue(
            'DUPLICATE_CODE',
            type,
            row,
            null,
            both(`"${row.code}" già usato da un'altra riga`, `"${row.code}" also on ${seen.get(key)}`),
          ),
        );
      else seen.set(key, row.id);
    }
  }
  return issues;
}

/**
 * Says only what is true: "inferred" when a value decided it, "not stated" when the default stands in, a keyword's
 * suggestion where the values say nothing; nothing for a row monitored in every year.
 */
function polarityIssues(indicator: Indicator, targets: Target[], effectiveOf: EffectiveOf): LintIssue[] {
  if (indicator.polarityConfirmed || monitoredOnly(indicator, targets, effectiveOf)) return [];
  const details = { polarity: indicator.polarity, polarityIt: POLARITY_IT[indicator.polarity] ?? indicator.polarity };
  const suggestion = polaritySuggestion(indicator, targets, effectiveOf);
  if (suggestion)
    return [
      issue('POLARITY_SUGGESTION', 'indicator', indicator, null, undefined, { ...details, word: suggestion.word }),
    ];
  const evidence = indicator.polarityEvidence?.trim();
  const defaulted = !evidence || /\(default\)|\(predefinita\)/.test(evidence);
  return [
    issue(
      defaulted ? 'POLARITY_NOT_STATED' : 'POLARITY_UNCONFIRMED',
      'indicator',
      indicator,
      null,
      defaulted ? undefined : evidence,
      details,
    ),
  ];
}

function targetIssues(
  indicator: Indicator,
  target: Target,
  revisions: PlanSnapshot['revisions'],
  profile: ReturnType<typeof profileOf>,
): LintIssue[] {
  const effective = revisions.filter((r) => r.approved).at(-1);
  if (!effective || target.mode === TargetMode.MONITORING || indicator.monitoring) return [];
  const value = effective.value;
  if (value.kind === 'empty' || value.kind === 'placeholder') return [];
  const rule = (target.rule ?? indicator.rule) as RuleName | null;
  if (rule === 'manual' || rule === 'project') return [];
  const result = scoreIndicator(
    {
      id: indicator.id,
      code: indicator.code,
      polarity: indicator.polarity,
      polarityConfirmed: true,
      rule: rule ?? undefined,
      target: {
        mode: 'scored',
        value,
        revision: 'original',
        rule: (target.rule as RuleName | null) ?? undefined,
        polarity: target.polarity ?? undefined,
        thresholds: target.thresholds,
      },
      actual: { value },
    },
    { year: target.year, checkpoint: target.checkpoint as '30/6' | '31/12', profile },
  );
  return result.errors.map((code) =>
    issue(code, 'target', { id: target.id, code: indicator.code }, target.year, `target "${value.raw}"`),
  );
}
