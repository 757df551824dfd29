/** What the pane draws over the data: traffic lights on a column and a bar chart on a sheet of its own. */
import type { ChartSpec, TrafficLights } from '../workbook/port';
import { columnIndex, mustLocate } from './geometry';

export async function applyTrafficLights(
  context: Excel.RequestContext,
  name: string,
  lights: TrafficLights,
): Promise<void> {
  const geometry = await mustLocate(context, name);
  const range = geometry.table.columns.getItemAt(columnIndex(geometry, lights.column)).getDataBodyRange();
  // rules are replaced, not stacked, so a Load after a Load leaves one set of lights
  range.conditionalFormats.clearAll();
  const format = range.conditionalFormats.add('IconSet');
  format.iconSet.style = 'ThreeTrafficLights1';
  format.iconSet.criteria = [
    {} as Excel.ConditionalIconCriterion,
    { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${lights.yellow}` },
    { type: 'Number', operator: 'GreaterThanOrEqual', formula: `=${lights.green}` },
  ];
  await context.sync();
}

export async function drawChart(context: Excel.RequestContext, spec: ChartSpec): Promise<void> {
  const existing = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
  await context.sync();
  const sheet = existing.isNullObject ? context.workbook.worksheets.add(spec.sheet) : existing;
  // the chart's data lives in columns A:B of its own sheet, so refreshing it never touches the plan table
  sheet.getRange('A:B').clear('Contents');
  const data = sheet.getRangeByIndexes(0, 0, spec.categories.length + 1, 2);
  data.values = [[spec.title, '%'], ...spec.categories.map((category, i) => [category, spec.values[i] ?? ''])];
  data.numberFormat = [['@', '@'], ...spec.categories.map(() => ['@', '0%'])];
  const chart = sheet.charts.getItemOrNullObject(spec.name);
  await context.sync();
  if (chart.isNullObject) {
    const created = sheet.charts.add('BarClustered', data, 'Columns');
    created.name = spec.name;
    created.title.text = spec.title;
    created.legend.visible = false;
    created.setPosition('D2', 'L24');
  } else {
    chart.setData(data, 'Columns');
    chart.title.text = spec.title;
  }
  await context.sync();
}
