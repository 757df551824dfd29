/**
 * The four levels of a plan as a sheet shows them, and which level may hang from which. One definition for the
 * sync, the sheet parser, the workbook import and the add-in.
 */
export type SheetLevel = 'perspective' | 'strategic' | 'operational' | 'indicator';

export const SHEET_LEVELS: readonly SheetLevel[] = ['perspective', 'strategic', 'operational', 'indicator'];

/** The level a row's parent normally has (what a sheet's "Cod. padre" names). */
export const PARENT_LEVEL: Record<SheetLevel, SheetLevel | null> = {
  perspective: null,
  strategic: 'perspective',
  operational: 'strategic',
  indicator: 'operational',
};

/**
 * Every level a row may hang from: an indicator may sit directly under a strategic objective (strategic
 * indicators of a cruscotto strategico), not only under an operational one.
 */
export const ALLOWED_PARENT_LEVELS: Record<SheetLevel, readonly SheetLevel[]> = {
  perspective: [],
  strategic: ['perspective'],
  operational: ['strategic'],
  indicator: ['operational', 'strategic'],
};

/** Depth in the tree: parents are created before their children in one batch. */
export const LEVEL_DEPTH: Record<SheetLevel, number> = { perspective: 0, strategic: 1, operational: 2, indicator: 3 };

/** Cells that only an indicator row has; on an objective row they are refused, never silently dropped. */
export const INDICATOR_ONLY_COLUMNS = [
  'unit',
  'polarity',
  'rule',
  'target',
  'thresholds',
  'futureTargets',
  'actual',
  'neutralised',
  'neutralisationReason',
  'note',
  'responsibleUnit',
  'dataSource',
] as const;
