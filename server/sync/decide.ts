/**
 * The decide phase of a sheet sync: reads every row, resolves its parent (a loaded node or a row created earlier in
 * the batch) and its code, checks locks, versions and the indicator's rules, and decides its status. Nothing is
 * written here: the phase only fills each RowPlan (changes, errors, status).
 */
import { scoreIndicator } from '@core/scoring';
import { PlanStatus } from '@core/vocabulary/enums';
import { cellError } from '@core/sheet/messages';
import { parseRow } from '@core/sheet/parse-row';
import { ALLOWED_PARENT_LEVELS, INDICATOR_ONLY_COLUMNS } from '@core/vocabulary/levels';
import { Indicator, OperationalObjective, Perspective } from '../entities';
import { profileOf } from '../services/realization';
import { levelOfNode, parentIdOf, type PlanState, unitKey } from './plan-state';
import { checkDateUnderNumericRule, rowInference } from './row-polarity';
import { ACTUALS, parentsFirst, type RowPlan, sameRaw, sameThresholds, type SyncInput } from './row-plan';

/** The columns of the plan's structure: frozen once the plan is approved. */
const STRUCTURE = [
  'code',
  'title',
  'weight',
  'kpi',
  'unit',
  'polarity',
  'rule',
  'parent',
  'thresholds',
  'responsibleUnit',
  'dataSource',
  'actionLabel',
];

/** Cells a cruscotto shows beside an indicator only: an objective row there is a heading. */
const INDICATOR_ONLY = [
  ...INDICATOR_ONLY_COLUMNS,
  'actionLabel',
  'position',
  'entryLevel',
  'entryWeight',
  'entryDataSource',
] as const;

/** In an atomic batch one refused row refuses them all: every other row is rejected with BATCH_FAILED. */
export function refuseBatch(plans: RowPlan[]): void {
  for (const p of plans) {
    if (p.status !== 'rejected' && p.status !== 'conflict') {
      p.status = 'rejected';
      p.errors.push(cellError('*', 'BATCH_FAILED'));
    }
  }
}

/** Reads every row and checks it against the plan and the rest of the batch; decides its status. */
export function decideRows(state: PlanState, input: SyncInput, years: number[]): RowPlan[] {
  const plans: RowPlan[] = input.rows.map((row, index) => {
    const node = row.rowId ? state.nodes.get(row.rowId) : undefined;
    const unit = node instanceof Indicator ? node.unit : undefined;
    const parsed = parseRow(index, row, { year: input.year, years, unit });
    return { parsed, node, errors: [...parsed.errors], changes: new Set<string>() };
  });
  const byClientRef = new Map<string, RowPlan>();
  const seenIds = new Set<string>();
  for (const p of plans) {
    const { input: row } = p.parsed;
    if (row.clientRef) {
      // a second row with the same reference: its children would attach to whichever came last (issue 13, finding 11)
      if (byClientRef.has(row.clientRef)) p.errors.push(cellError('clientRef', 'DUPLICATE_ROW'));
      else byClientRef.set(row.clientRef, p);
    }
    if (row.rowId) {
      if (!p.node) p.errors.push(cellError('rowId', 'UNKNOWN_ROW', { raw: row.rowId }));
      else if (seenIds.has(row.rowId)) p.errors.push(cellError('rowId', 'DUPLICATE_ROW'));
      // without the version the sheet saw, a change made meanwhile by someone else would be overwritten unseen
      // (issue 13, finding 12): the row is refused, never applied blindly
      else if (row.rowVersion == null) p.errors.push(cellError('rowVersion', 'VERSION_REQUIRED'));
      seenIds.add(row.rowId);
    }
    p.level = p.node ? levelOfNode(p.node) : p.parsed.level;
    if (p.node && p.parsed.level && p.parsed.level !== p.level)
      p.errors.push(cellError('level', 'WRONG_PARENT_LEVEL', { level: p.parsed.level, parentLevel: p.level ?? '' }));
    if (!p.node && !row.rowId && !p.level && !row.delete && !p.errors.some((e) => e.column === 'level'))
      p.errors.push(cellError('level', 'REQUIRED'));
    if (row.delete && !row.rowId) p.errors.push(cellError('rowId', 'REQUIRED'));
    // on a cruscotto row a delete would remove the node from the whole plan, not from that cruscotto
    if (row.delete && row.dashboard?.trim()) p.errors.push(cellError('delete', 'DELETE_IN_DASHBOARD'));
    if (p.level && p.level !== 'indicator' && !row.delete) {
      for (const column of INDICATOR_ONLY) {
        const cell = row[column];
        const sent = Array.isArray(cell) ? cell.length > 0 : cell != null && String(cell).trim() !== '';
        if (sent) p.errors.push(cellError(column, column === 'actual' ? 'ACTUAL_ON_OBJECTIVE' : 'INDICATOR_ONLY'));
      }
    }
  }

  const codes = codeIndex(state, plans);
  const locked = state.plan.status !== PlanStatus.DRAFT;
  const ordered = parentsFirst(plans);
  for (const p of ordered) {
    const row = p.parsed.input;
    if (p.node && row.rowVersion != null && row.rowVersion !== state.rowVersion(p.node) && p.errors.length === 0) {
      p.status = 'conflict';
      continue;
    }
    if (row.delete) {
      continue;
    } else if (p.level) {
      checkParent(state, p, byClientRef);
      checkCodeAndTitle(p, codes);
      diffRow(state, p, input);
      checkLocks(state, p, locked);
      checkIndicatorRules(state, p, input);
      checkDateUnderNumericRule(state, p, input);
    }
    p.status = p.errors.length > 0 ? 'rejected' : !p.node ? 'created' : p.changes.size > 0 ? 'updated' : 'unchanged';
  }
  // Deletes bottom-up: a row goes only when every child of it goes too (accepted, not merely asked for).
  const accepted = new Set<string>();
  for (const p of [...ordered].reverse()) {
    if (!p.parsed.input.delete || p.status === 'conflict') continue;
    checkDelete(state, p, accepted, locked);
    p.status = p.errors.length > 0 ? 'rejected' : 'deleted';
    if (p.status === 'deleted') accepted.add(p.node!.id);
  }
  return plans;
}

function checkDelete(state: PlanState, p: RowPlan, accepted: Set<string>, locked: boolean): void {
  if (!p.node) return;
  if (locked) p.errors.push(cellError('delete', 'PLAN_LOCKED', { status: state.plan.status }));
  const children = [...state.nodes.values()].filter((n) => parentIdOf(n) === p.node!.id);
  if (children.some((c) => !accepted.has(c.id))) p.errors.push(cellError('delete', 'HAS_CHILDREN'));
}

function checkParent(state: PlanState, p: RowPlan, byClientRef: Map<string, RowPlan>): void {
  const row = p.parsed.input;
  const level = p.level!;
  const ref = row.parentRef?.trim();
  if (!ref) {
    if (!p.node && level !== 'perspective') p.errors.push(cellError('parentRef', 'REQUIRED'));
    return;
  }
  if (p.node && parentIdOf(p.node) === ref) return;
  const parentNode = state.nodes.get(ref);
  const parentPlan = parentNode ? undefined : byClientRef.get(ref);
  const parentLevel = parentNode ? levelOfNode(parentNode) : parentPlan?.level;
  if (!parentNode && !parentPlan) {
    p.errors.push(cellError('parentRef', 'UNKNOWN_PARENT', { raw: ref }));
  } else if (!parentLevel || !ALLOWED_PARENT_LEVELS[level].includes(parentLevel)) {
    p.errors.push(cellError('parentRef', 'WRONG_PARENT_LEVEL', { level, parentLevel: parentLevel ?? '?' }));
  } else if (
    parentPlan &&
    (parentPlan.status === 'rejected' || parentPlan.status === 'conflict' || parentPlan.parsed.input.delete)
  ) {
    p.errors.push(cellError('parentRef', 'PARENT_REJECTED'));
  } else {
    p.parentNode = parentNode ?? parentPlan!.node;
    p.parentPlan = parentPlan;
    p.changes.add('parent');
  }
}

/** codes as the batch leaves them: checkCodeAndTitle claims each for its row */
type Codes = Pick<Map<string, string>, 'get' | 'set'>;

/**
 * Codes per level, as they will be after the batch: a code may be used once per level in a plan version. The plan's
 * are read from its state's index (PlanState.nodeKeys), the batch's over them: no pass over the plan's nodes.
 */
function codeIndex(state: PlanState, plans: RowPlan[]): Codes {
  const claimed = new Map<string, string>();
  // the key each existing node's row gives it, when the row sends a code
  const keyed = new Map<string, string>();
  for (const p of plans) if (p.node && p.parsed.values.code !== undefined) keyed.set(p.node.id, codeKey(p));
  const keys = state.nodeKeys();
  return {
    get: (key) => claimed.get(key) ?? firstHolder(keys.byKey.get(key), key, keyed),
    set(key, id) {
      claimed.set(key, id);
      return this as Map<string, string>;
    },
  };
}

const codeKey = (p: RowPlan) => `${p.level}:${p.parsed.values.code}`;

/**
 * The node that holds `key` after the batch, of those the plan gives it (`ids`, in the plan's order): the first
 * whose row does not move it to another code. A code the plan holds twice (the API refuses neither) is the first
 * holder's, as plan lint (which flags the later holders), the importers and a cruscotto row naming it
 * (sync-batch.ts, knownNodes) have it: the first holder's row keeps its code, a later holder's is refused until it
 * changes. No copy per lookup.
 */
function firstHolder(
  ids: readonly string[] | undefined,
  key: string,
  keyed: ReadonlyMap<string, string>,
): string | undefined {
  return ids?.find((id) => (keyed.get(id) ?? key) === key);
}

function checkCodeAndTitle(p: RowPlan, codes: Codes): void {
  const { values, input: row } = p.parsed;
  if (!p.node) {
    if (row.title == null && !p.errors.some((e) => e.column === 'title')) p.errors.push(cellError('title', 'REQUIRED'));
    if (p.level !== 'perspective' && row.code == null && !p.errors.some((e) => e.column === 'code'))
      p.errors.push(cellError('code', 'REQUIRED'));
  }
  if (values.code === null && p.level !== 'perspective' && !p.errors.some((e) => e.column === 'code'))
    p.errors.push(cellError('code', 'REQUIRED'));
  if (values.code == null || p.level === 'perspective') return;
  const key = codeKey(p);
  const owner = codes.get(key);
  const self = p.node?.id ?? `new:${p.parsed.index}`;
  if (owner && owner !== self)
    p.errors.push(cellError('code', 'DUPLICATE_CODE', { raw: values.code, level: p.level! }));
  else codes.set(key, self);
}

/** Which columns would change: only those that differ from what the server has (unchanged rows cost nothing). */
function diffRow(state: PlanState, p: RowPlan, input: SyncInput): void {
  const v = p.parsed.values;
  const node = p.node;
  const mark = (column: string, differs: boolean) => {
    if (differs) p.changes.add(column);
  };
  if (!node) {
    for (const [key, value] of Object.entries(v))
      // where the row appears is written by the cruscotto step (dashboard-rows.ts), not as a cell of the node
      if (value !== undefined && key !== 'membership') p.changes.add(key === 'unitNames' ? 'responsibleUnit' : key);
    return;
  }
  if (v.code !== undefined) mark('code', v.code !== ((node as Indicator).code ?? null));
  if (v.title !== undefined)
    mark('title', v.title !== (node instanceof Perspective ? node.name : (node as Indicator).title));
  if (v.weight !== undefined)
    mark(
      'weight',
      node instanceof Indicator || node instanceof OperationalObjective
        ? v.weight !== (node.weight ?? null)
        : v.weight !== null,
    );
  if (v.kpi !== undefined)
    mark(
      'kpi',
      v.kpi !==
        (node instanceof Indicator ? (node.formula ?? null) : node instanceof Perspective ? null : (node.kpi ?? null)),
    );
  if (!(node instanceof Indicator)) return;
  const target = state.target(node.id, input.year);
  const measurement = state.measurementOf.get(node.id);
  if (v.unit !== undefined) mark('unit', v.unit !== (node.unit ?? null));
  if (v.polarity !== undefined) mark('polarity', v.polarity !== (target?.polarity ?? node.polarity));
  if (v.rule !== undefined) mark('rule', v.rule !== (target?.rule ?? node.rule ?? null));
  if (v.target !== undefined) mark('target', !sameRaw(v.target, state.effective(target)?.value));
  if (v.thresholds !== undefined) mark('thresholds', !sameThresholds(v.thresholds, target?.thresholds ?? []));
  if (v.futureTargets !== undefined) {
    mark(
      'futureTargets',
      v.futureTargets.some((ft) => !sameRaw(ft.value, state.effective(state.target(node.id, ft.year))?.value)),
    );
  }
  if (v.actual !== undefined) mark('actual', !sameRaw(v.actual, measurement?.value));
  if (v.neutralised !== undefined) mark('neutralised', v.neutralised !== (measurement?.neutralised ?? false));
  if (v.neutralisationReason !== undefined)
    mark('neutralisationReason', v.neutralisationReason !== (measurement?.neutralisationReason ?? null));
  if (v.note !== undefined) mark('note', v.note !== (measurement?.note ?? null));
  if (v.dataSource !== undefined) mark('dataSource', v.dataSource !== (node.dataSource ?? null));
  if (v.actionLabel !== undefined) mark('actionLabel', v.actionLabel !== (node.actionLabel ?? null));
  if (v.unitNames !== undefined) {
    const current = state.unitNames(node.id).map(unitKey).sort().join('|');
    mark('responsibleUnit', v.unitNames.map(unitKey).sort().join('|') !== current);
  }
}

/**
 * An approved plan keeps its structure (a target change becomes a "nuova previsione" revision); a closed or
 * superseded plan takes nothing; a locked checkpoint takes no actual values.
 */
function checkLocks(state: PlanState, p: RowPlan, locked: boolean): void {
  const status = state.plan.status;
  if (locked) {
    const frozen =
      status === PlanStatus.APPROVED
        ? STRUCTURE.concat(!p.node ? ['target', 'futureTargets'] : [])
        : STRUCTURE.concat(['target', 'futureTargets']);
    if (!p.node) p.errors.push(cellError('rowId', 'PLAN_LOCKED', { status }));
    else
      for (const column of p.changes)
        if (frozen.includes(column)) p.errors.push(cellError(column, 'PLAN_LOCKED', { status }));
  }
  const periodClosed =
    status === PlanStatus.CLOSED || status === PlanStatus.SUPERSEDED
      ? `the plan is ${status}`
      : state.locked
        ? (state.locked.reason ?? 'checkpoint closed')
        : null;
  if (periodClosed) {
    for (const column of p.changes) {
      if (ACTUALS.includes(column))
        p.errors.push(
          cellError(column, 'PERIOD_LOCKED', { year: state.year, checkpoint: state.checkpoint, reason: periodClosed }),
        );
    }
  }
}

/** Thresholds must get worse along the polarity, and a neutralised indicator needs its reason. */
function checkIndicatorRules(state: PlanState, p: RowPlan, input: SyncInput): void {
  if (p.level !== 'indicator') return;
  const v = p.parsed.values;
  const node = p.node as Indicator | undefined;
  const target = node ? state.target(node.id, input.year) : undefined;
  const measurement = node ? state.measurementOf.get(node.id) : undefined;
  const neutralised = v.neutralised ?? measurement?.neutralised ?? false;
  const reason =
    v.neutralisationReason !== undefined ? v.neutralisationReason : (measurement?.neutralisationReason ?? null);
  if (neutralised && !reason?.trim()) p.errors.push(cellError('neutralisationReason', 'NEUTRALISATION_REASON_MISSING'));

  if (p.errors.some((e) => e.column.startsWith('thresholds'))) return;
  const thresholds = v.thresholds ?? target?.thresholds ?? [];
  const targetValue = v.target !== undefined ? v.target : state.effective(target)?.value;
  if (
    thresholds.length === 0 ||
    !targetValue ||
    !(p.changes.has('thresholds') || p.changes.has('target') || p.changes.has('polarity'))
  )
    return;
  const polarity = v.polarity ?? rowInference(p)?.polarity ?? target?.polarity ?? node?.polarity ?? 'higher';
  // The engine decides monotony exactly as it will when scoring: score the target against itself.
  const result = scoreIndicator(
    {
      id: 'check',
      polarity,
      polarityConfirmed: true,
      rule: 'bands',
      target: { mode: 'scored', value: targetValue, revision: 'original', thresholds },
      actual: { value: targetValue },
    },
    { year: input.year, checkpoint: input.checkpoint as '30/6' | '31/12', profile: profileOf(null) },
  );
  if (result.errors.includes('BANDS_NOT_MONOTONE'))
    p.errors.push(cellError('thresholds', 'THRESHOLDS_NOT_MONOTONE', { polarity }));
}
