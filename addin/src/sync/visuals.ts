/**
 * Traffic lights on % realization and the chart of realization per strategic objective: refreshed after every
 * Load, Sync and Refresh from the table as it now is.
 */
import { levelOf } from '@core/sheet/vocabulary';
import { messages, type Language } from '../i18n';
import type { WorkbookPort } from '../workbook/port';
import type { PlanTable } from './columns';

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
  });
}
