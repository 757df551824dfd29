/**
 * The arguments of a CRUSCOTTO.* formula as a person types them: a code ("1.2.1", or a number Excel made of "1"),
 * a year, an optional checkpoint ("30/6", "31/12", "30 giugno", MID_YEAR…; 31/12 when left out) and an optional plan
 * (the id of a plan version; the workbook's bound plan when left out).
 */
import type { Checkpoint } from '../api/generated';

export type CellRequest = { planId: string; code: string; year: number; checkpoint: Checkpoint };
export type ArgumentProblem = 'badCode' | 'badYear' | 'badCheckpoint' | 'noPlan';

const MID_YEAR = /^(30\/0?6|30[-.]0?6|30 ?giu(gno)?|30 ?june?|mid[_ ]?year|giugno|june)$/i;
const YEAR_END = /^(31\/12|31[-.]12|31 ?dic(embre)?|31 ?dec(ember)?|year[_ ]?end|dicembre|december)$/i;

export function checkpointOf(value: unknown): Checkpoint | null {
  if (value === null || value === undefined || value === '') return 'YEAR_END';
  const text = String(value).trim();
  if (MID_YEAR.test(text)) return 'MID_YEAR';
  if (YEAR_END.test(text)) return 'YEAR_END';
  return null;
}

/**
 * The request a cell makes, or why it cannot make one. `boundPlan` is the plan the workbook is bound to (the pane's
 * binding), used when the formula names none.
 */
export function cellRequest(
  args: { code: unknown; year: unknown; checkpoint?: unknown; plan?: unknown },
  boundPlan: string | null,
): CellRequest | ArgumentProblem {
  const code = args.code === null || args.code === undefined ? '' : String(args.code).trim();
  if (!code) return 'badCode';
  const year = Number(args.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2200) return 'badYear';
  const checkpoint = checkpointOf(args.checkpoint);
  if (!checkpoint) return 'badCheckpoint';
  const named = args.plan === null || args.plan === undefined ? '' : String(args.plan).trim();
  const planId = named || boundPlan;
  if (!planId) return 'noPlan';
  return { planId, code, year, checkpoint };
}

export const requestKey = (r: CellRequest) => `${r.planId}\u0000${r.code}\u0000${r.year}\u0000${r.checkpoint}`;
