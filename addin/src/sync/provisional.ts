/**
 * Realization computed in the pane from the sheet as it is, with the server's own scoring engine and value parser
 * (imported, not copied): what the pane shows while the server cannot be reached, always flagged as provisional.
 * Mirrors server/services/realization.ts for what a sheet can express: indicators by their rule, operational
 * objectives as the weighted mean of their indicators, strategic objectives from their operational objectives,
 * perspectives as the plain mean of their strategic objectives.
 */
import {
  aggregate,
  scoreIndicator,
  scoreStrategicObjective,
  storedProfile,
  type AggregateChild,
  type IndicatorInput,
  type RuleName,
  type ScoringProfile,
} from '@core/scoring';
import { parseValue, polarityFromValue } from '@core/values';
import { parseThresholds } from '@core/sheet/layout';
import { flagOf, polarityOf, ruleOf } from '@core/sheet/vocabulary';
import type { Line, PlanTable } from './columns';
import { ParentIndex } from './parents';
import type { StoredProfile, StoredState } from './state';
import type { Checkpoint, ProvisionalScore } from './types';

export function engineProfile(stored: StoredProfile): ScoringProfile {
  return storedProfile(stored);
}

function indicatorInput(line: Line): IndicatorInput {
  const i = line.inputs;
  const rule = ruleOf(i.rule) as RuleName | undefined;
  const thresholds = parseThresholds(i.thresholds);
  const neutralised = flagOf(i.neutralised) === true;
  const target = i.target.trim() === '' ? undefined : parseValue(i.target);
  return {
    id: `P${line.position}`,
    code: i.code,
    // a row not synced yet has no polarity cell: decided from its target exactly as the server will decide it
    polarity: polarityOf(i.polarity) ?? polarityFromValue(target).polarity,
    rule,
    target:
      target === undefined
        ? undefined
        : {
            mode: rule === 'monitoring' ? 'monitoring' : 'scored',
            value: target,
            revision: 'original',
            thresholds: thresholds.ok
              ? thresholds.value.map((t) => ({ score: t.score, value: parseValue(t.value) }))
              : undefined,
          },
    actual:
      i.actual.trim() === '' && !neutralised
        ? undefined
        : {
            value: i.actual.trim() === '' ? undefined : parseValue(i.actual),
            neutralised,
            neutralisationReason: i.neutralisationReason.trim() || undefined,
          },
  };
}

function weightOf(line: Line): number | null {
  const parsed = parseValue(line.inputs.weight);
  return typeof parsed.value === 'number' && (parsed.kind === 'number' || parsed.kind === 'percent')
    ? parsed.value
    : null;
}

/** score (fraction or null) of every line the sheet lets us score, by position */
export function provisionalScores(
  table: PlanTable,
  stored: StoredProfile,
  year: number,
  checkpoint: Checkpoint,
): Map<number, number | null> {
  const profile = engineProfile(stored);
  const ctx = { year, checkpoint: checkpoint === 'YEAR_END' ? '31/12' : '30/6', profile } as const;
  const parents = new ParentIndex(table.lines);
  const childrenOf = new Map<Line, Line[]>();
  const byLevel = {
    perspective: [] as Line[],
    strategic: [] as Line[],
    operational: [] as Line[],
    indicator: [] as Line[],
  };
  for (const line of table.lines) {
    const level = parents.levelOf(line);
    if (!level || line.inputs.title.trim() === '') continue;
    byLevel[level].push(line);
    const parent = parents.parentOf(line);
    if (parent.kind === 'found') childrenOf.set(parent.line, [...(childrenOf.get(parent.line) ?? []), line]);
  }
  const out = new Map<number, number | null>();
  const results = new Map<Line, AggregateChild>();
  const child = (
    line: Line,
    r: { score: number | null; status?: string; errors?: readonly string[] },
    weight: number | null | undefined,
  ): AggregateChild => ({
    id: `P${line.position}`,
    code: line.inputs.code,
    weight,
    score: r.score,
    status: r.status as AggregateChild['status'],
    errors: r.errors,
  });

  for (const line of byLevel.indicator) {
    const r = scoreIndicator(indicatorInput(line), ctx);
    out.set(line.position, r.score);
    results.set(line, child(line, r, weightOf(line)));
  }
  for (const line of byLevel.operational) {
    const kids = (childrenOf.get(line) ?? []).map((c) => results.get(c)).filter((c): c is AggregateChild => !!c);
    const r = aggregate(kids, { profile });
    out.set(line.position, r.score);
    results.set(line, child(line, r, weightOf(line)));
  }
  for (const line of byLevel.strategic) {
    const kids = (childrenOf.get(line) ?? []).map((c) => results.get(c)).filter((c): c is AggregateChild => !!c);
    const r = scoreStrategicObjective(
      { id: `P${line.position}`, code: line.inputs.code, contributions: kids.length ? kids : undefined },
      ctx,
    );
    out.set(line.position, r.score);
    results.set(line, child(line, r, undefined));
  }
  for (const line of byLevel.perspective) {
    const kids = (childrenOf.get(line) ?? []).map((c) => results.get(c)).filter((c): c is AggregateChild => !!c);
    out.set(line.position, aggregate(kids, { profile }).score);
  }
  return out;
}

/**
 * The rows waiting to go out and every objective above them (their totals change too, and are just as provisional),
 * each with the score computed here when it has one. `above` is told each such objective once, as it is reached.
 */
export function provisionalRows(
  table: PlanTable,
  state: Pick<StoredState, 'profile' | 'binding'>,
  waiting: Line[],
  above: (line: Line) => void,
): Array<[Line, number | string]> {
  const scores = provisionalScores(table, state.profile, state.binding.year, state.binding.checkpoint);
  const parents = new ParentIndex(table.lines);
  const touched = new Set<Line>(waiting);
  for (const start of waiting) {
    for (let p = parents.parentOf(start); p.kind === 'found' && !touched.has(p.line); p = parents.parentOf(p.line)) {
      touched.add(p.line);
      above(p.line);
    }
  }
  return [...touched]
    .filter((line) => scores.has(line.position))
    .map((line): [Line, number | string] => [line, scores.get(line.position) ?? '']);
}

/** the pane's list of provisional scores: each scored line with its percent as the pane prints it */
export function provisionalScoreList(
  table: PlanTable,
  state: Pick<StoredState, 'profile' | 'binding'>,
): ProvisionalScore[] {
  const scores = provisionalScores(table, state.profile, state.binding.year, state.binding.checkpoint);
  const display = (s: number | null) => (s === null ? null : `${(Math.round(s * 10000) / 100).toFixed(2)}%`);
  return [...scores].map(([row, score]) => ({
    row,
    rowId: table.lines[row].rowId,
    score,
    display: display(score),
    provisional: true as const,
  }));
}
