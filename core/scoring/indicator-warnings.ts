/**
 * The warnings an indicator's inputs carry into its result whatever its status: an unconfirmed polarity and the
 * parse warnings of its target, thresholds and actual (docs/scoring.md §5.2).
 */
import type { IndicatorInput, ParsedValue, ThresholdInput } from './types';
import { addCode, EMPTY_LIST } from './util';

/** Parsed-value warnings passed through (INVALID_DATE becomes an error where the value is used). */
function valueWarnings(v: ParsedValue | undefined, list: string[]): string[] {
  if (!v) return list;
  const w = v.warnings;
  if (!w || w.length === 0) return list;
  for (let i = 0; i < w.length; i++) if (w[i] !== 'INVALID_DATE') list = addCode(list, w[i]);
  return list;
}

export function inputWarnings(input: IndicatorInput): string[] {
  let list = EMPTY_LIST;
  if (input.polarityConfirmed === false) list = addCode(list, 'POLARITY_UNCONFIRMED');
  const target = input.target;
  if (target) {
    list = valueWarnings(target.value, list);
    const th = target.thresholds;
    if (th) for (let i = 0; i < th.length; i++) list = valueWarnings(th[i].value, list);
  }
  if (input.actual) list = valueWarnings(input.actual.value, list);
  return list;
}

export function addAll(list: string[], codes: readonly string[]): string[] {
  for (let i = 0; i < codes.length; i++) list = addCode(list, codes[i]);
  return list;
}

/** No threshold value carries a parse warning. */
export function quietThresholds(th: readonly ThresholdInput[] | undefined): boolean {
  if (th) {
    for (let i = 0; i < th.length; i++) {
      const v = th[i].value;
      const w = v && v.warnings;
      if (w && w.length !== 0) return false;
    }
  }
  return true;
}

/** An input without any warning to pass on: `inputWarnings(input)` is the empty list (read without building it). */
export function quietInput(input: IndicatorInput): boolean {
  if (input.polarityConfirmed === false) return false;
  const target = input.target;
  const tw = target && target.value && target.value.warnings;
  if (tw && tw.length !== 0) return false;
  const av = input.actual && input.actual.value;
  const aw = av && av.warnings;
  if (aw && aw.length !== 0) return false;
  return quietThresholds(target && target.thresholds);
}
