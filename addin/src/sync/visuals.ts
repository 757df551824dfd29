/**
 * How the sheet reads like a plan, refreshed after every Load, Sync and Refresh from the table as it now is: the
 * rows outlined and indented by level with the objectives in bold, traffic-light icons on % realization, and the
 * chart of realization per strategic objective, each bar in its light's colour, with the pass mark drawn across.
 */
import type { SheetLevel } from '@core/sheet/row';
import { levelOf } from '@core/sheet/vocabulary';
import { messages, type Language } from '../i18n';
import type { PlanOutline, WorkbookPort } from '../workbook/port';
import type { PlanTable } from './columns';

/** a row's depth in the plan: its outline level and its title's indent */
export const DEPTH: Record<SheetLevel, number> = { perspective: 0, strategic: 1, operational: 2, indicator: 3 };

/** the fills of the three lights, as Excel's standard colours (the icon set's green, yellow and red) */
export const LIGHT_COLOURS = { green: '#00B050', yellow: '#FFC000', red: '#C00000' } as const;

export type Lights = { green: number; yellow: number };

/**
 * Where green and yellow start. The scoring profile has no traffic-light parameters of its own yet, so a profile
 * `parameters.trafficLights: { green, yellow }` wins when present; otherwise green starts at the plan's lowest pass
 * mark (Sondrio: 80%) and yellow at 60% (the lowest Sondrio band), or three quarters of green when that is lower.
 */
export function lightsFor(
  parameters: Record<string, unknown> | null | undefined,
  passMarks: readonly number[],
): Lights {
  const own = parameters?.trafficLights as { green?: unknown; yellow?: unknown } | undefined;
  const valid = (n: unknown): n is number => typeof n === 'number' && n > 0 && n <= 2;
  const green = valid(own?.green) ? own.green : passMarks.length ? Math.min(...passMarks) : 0.8;
  const yellow = valid(own?.yellow) && own.yellow < green ? own.yellow : Math.min(0.6, green * 0.75);
  return { green, yellow };
}

export function lightColour(value: number | null, lights: Lights): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  return value >= lights.green
    ? LIGHT_COLOURS.green
    : value >= lights.yellow
      ? LIGHT_COLOURS.yellow
      : LIGHT_COLOURS.red;
}

/**
 * The outline of the table's rows: depth by level (a row whose level is blank or unknown stays at the outer level,
 * not grouped), bold for every objective row (perspectives and objectives; indicators stay plain).
 */
export function planOutline(table: PlanTable): PlanOutline {
  const count = table.lines.reduce((most, l) => Math.max(most, l.position + 1), 0);
  const rows = Array.from({ length: count }, () => ({ depth: 0, bold: false }));
  for (const line of table.lines) {
    const level = levelOf(line.inputs.level);
    if (level) rows[line.position] = { depth: DEPTH[level], bold: level !== 'indicator' };
  }
  return { titleColumn: table.headers.title ?? null, rows };
}

export function chartName(table: string): string {
  return `${table}_Realizzazione`.slice(0, 250);
}

export function chartSheet(language: Language): string {
  return language === 'it' ? 'Grafico realizzazione' : 'Realization chart';
}

export async function refreshVisuals(
  port: WorkbookPort,
  table: PlanTable,
  lights: Lights,
  language: Language,
): Promise<void> {
  const realization = table.headers.realization;
  await port.shapeRows(table.name, planOutline(table));
  if (!realization) return;
  await port.setTrafficLights(table.name, { column: realization, green: lights.green, yellow: lights.yellow });
  const strategic = table.lines.filter((l) => levelOf(l.inputs.level) === 'strategic');
  // with no strategic rows (a partial sheet) the perspectives carry the picture
  const shown = strategic.length ? strategic : table.lines.filter((l) => levelOf(l.inputs.level) === 'perspective');
  await port.upsertChart({
    name: chartName(table.name),
    sheet: chartSheet(language),
    title: messages[language].sync.chartTitle,
    categories: shown.map((l) => [l.inputs.code, l.inputs.title].filter(Boolean).join(' ').slice(0, 60)),
    values: shown.map((l) => l.realization),
    colors: shown.map((l) => lightColour(l.realization, lights)),
    passMark: { label: messages[language].sync.chartPassMark, value: lights.green },
  });
}
