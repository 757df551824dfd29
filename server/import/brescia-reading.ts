/**
 * What the parts of the Brescia reader (brescia.ts) share while one document is read: the source, the draft and
 * review being built, the plan year and re-weighting date, the objectives read from the cards, the fund unit values
 * and the strategic objective's contribution list.
 */
import type { FundKind } from '@core/vocabulary/enums';
import { parseValue } from '@core/values';
import type { Card } from './brescia-cards';
import type { OperationalObjectiveDraft, PlanDraft, StrategicObjectiveDraft } from './draft';
import type { ReviewReport } from './review';
import type { SourceText } from './source-text';

export const STRATEGIC_KEY = 'os:1';
export const AGENCY_OS_KEY = 'os:AS';
export const AGENCY_OO_CODE = 'AS.1';

/** An operational objective with the card it was read from and the weight that card prints. */
export type BresciaCardObjective = OperationalObjectiveDraft & { card: Card; cardWeight: string | null };

export interface BresciaReading {
  readonly source: SourceText;
  readonly review: ReviewReport;
  readonly draft: PlanDraft;
  year: number;
  /** the day the redefined manager weights apply from, when the plan has a second phase */
  reweightedFrom: string | null;
  readonly oos: Map<string, BresciaCardObjective>;
  strategic: StrategicObjectiveDraft | null;
  agency: StrategicObjectiveDraft | null;
  fundUnits: Partial<Record<FundKind, string>>;
  /** codes of the operational objectives that count in the strategic objective's contribution component */
  contributionCodes: Set<string>;
}

/** A printed number ("3.106", "20%"); NaN when it is not one. */
export function num(raw: string): number {
  const p = parseValue(raw);
  return typeof p.value === 'number' ? p.value : NaN;
}
