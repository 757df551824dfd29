/**
 * `monitoring` (docs/scoring.md §5.2.2): never scored, never counted in any aggregate; the measured value is shown as is
 * (a display convention of the report, docs/domain.md §7.2, not a score).
 */
import type { ActualInput, IndicatorInput, TargetInput } from '../types';
import type { Rule } from './common';

/** Never scored: the engine shows the actual as is (monitoringDisplay) before any rule would run. */
export const monitoringRule: Rule = { name: 'monitoring', needs: ['actual'], score: null };

/** The target mode is monitoring ("monitoraggio" in the target cell), or the rule says so. */
export function isMonitoring(input: IndicatorInput, target: TargetInput | undefined): boolean {
  if (target) {
    if (target.mode === 'monitoring') return true;
    if (target.value.kind === 'placeholder' && target.value.placeholder === 'monitoring') return true;
    if (target.rule) return target.rule === 'monitoring';
  }
  return input.rule === 'monitoring';
}

/** The value shown for a monitoring indicator: the actual as typed, or null when there is none. */
export function monitoringDisplay(actual: ActualInput | undefined): string | null {
  const v = actual && actual.value;
  if (!v || v.kind === 'empty') return null;
  return v.raw;
}
