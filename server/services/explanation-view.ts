import type { AggregateExplanation, IndicatorExplanation } from '@core/scoring';
import type { ParsedValue } from '@core/values/types';

/**
 * The engine's explanation (docs/scoring.md §5.12) in one shape for indicators and aggregates, for the typed
 * `Realization.details` (issue 19): what a client reads to say why a score is what it is.
 */
export type ExplanationView = {
  status: string;
  rule: string | null;
  mode: string | null;
  polarity: string | null;
  polarityInferred: boolean;
  polarityEvidence: string | null;
  actual: ParsedValue | null;
  target: { value: ParsedValue; mode: string; revision: string; original: ParsedValue | null } | null;
  thresholds: Array<{ number: number | null; date: string | null; score: number }>;
  manual: { score: number | null; justification: string | null; author: string | null; at: string | null } | null;
  notCompleted: boolean;
  neutralisationReason: string | null;
  weighting: string | null;
  formula: string | null;
  text: string;
  used: Array<{ id: string; code: string | null; weight: number | null; score: number }>;
  excluded: Array<{ id: string; code: string | null; reason: string }>;
  warnings: string[];
  errors: string[];
  profile: string;
};

const isIndicator = (e: IndicatorExplanation | AggregateExplanation): e is IndicatorExplanation => 'inputs' in e;

export function explanationView(e: IndicatorExplanation | AggregateExplanation): ExplanationView {
  const common = {
    status: e.status,
    rule: e.rule ?? null,
    formula: e.formula,
    text: e.text,
    used: (e.used ?? []).map((c) => ({ id: c.id, code: c.code ?? null, weight: c.weight, score: c.score })),
    excluded: (e.excluded ?? []).map((c) => ({ id: c.id, code: c.code ?? null, reason: c.reason })),
    warnings: [...e.warnings],
    errors: [...e.errors],
    profile: e.profile,
  };
  if (!isIndicator(e)) {
    return {
      ...common,
      mode: null,
      polarity: null,
      polarityInferred: false,
      polarityEvidence: null,
      actual: null,
      target: null,
      thresholds: [],
      manual: null,
      notCompleted: false,
      neutralisationReason: null,
      weighting: e.weighting,
    };
  }
  const { inputs } = e;
  const t = inputs.target;
  return {
    ...common,
    mode: e.mode,
    polarity: e.polarity,
    polarityInferred: e.polarityInferred !== undefined,
    polarityEvidence: e.polarityInferred?.evidence ?? null,
    actual: inputs.actual,
    target: t && {
      value: { raw: t.raw, kind: t.kind, value: t.value, unit: t.unit, comparator: t.comparator, warnings: [] },
      mode: t.mode,
      revision: t.revision,
      original: t.original,
    },
    thresholds: (inputs.bands ?? []).map(([value, score]) => ({
      number: typeof value === 'number' ? value : null,
      date: typeof value === 'string' ? value : null,
      score,
    })),
    manual: inputs.manual && {
      score: inputs.manual.score ?? null,
      justification: inputs.manual.justification ?? null,
      author: inputs.manual.author ?? null,
      at: inputs.manual.at ?? null,
    },
    notCompleted: inputs.notCompleted,
    neutralisationReason: inputs.neutralisationReason,
    weighting: null,
  };
}
