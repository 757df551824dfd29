/** What the pane draws over the data: traffic lights on a column and a column chart on a sheet of its own. */
import type { ChartSpec, TrafficLights } from '../workbook/port';

/**
 * Icon-set traffic lights on one column's body. One request: the column is found by its header (TableColumnCollection
 * .getItem takes a name or an id), so the table's shape is not read first; a missing table or column is Excel's
 * ItemNotFound.
 */
export async function applyTrafficLights(
  context: Excel.RequestContext,
  name: string,
  lights: TrafficLights,
): Promise<void> {
  const range = context.workbook.tables.getItem(name).columns.getItem(lights.column).getDataBodyRange();
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

/**
 * The chart of realization per objective on a sheet of its own: clustered columns, each filled with its traffic
 * light's colour (ChartPoint.format.fill), and the pass mark drawn as a line series across them (ChartSeries.chartType,
 * ExcelApi 1.7). Its data lives in columns A:C of that sheet, so refreshing it never touches the plan table. Three
 * requests: does the sheet exist, does the chart exist, then everything else.
 */
export async function drawChart(context: Excel.RequestContext, spec: ChartSpec): Promise<void> {
  const existing = context.workbook.worksheets.getItemOrNullObject(spec.sheet);
  await context.sync();
  const sheet = existing.isNullObject ? context.workbook.worksheets.add(spec.sheet) : existing;
  sheet.getRange('A:C').clear('Contents');
  const mark = spec.passMark ?? null;
  const data = sheet.getRangeByIndexes(0, 0, spec.categories.length + 1, mark ? 3 : 2);
  const line = (first: string, value: number | string, last: number | string) =>
    mark ? [first, value, last] : [first, value];
  data.values = [
    line(spec.title, '%', mark?.label ?? ''),
    ...spec.categories.map((category, i) => line(category, spec.values[i] ?? '', mark?.value ?? '')),
  ];
  data.numberFormat = [line('@', '@', '@'), ...spec.categories.map(() => line('@', '0%', '0%'))] as string[][];
  const found = sheet.charts.getItemOrNullObject(spec.name);
  await context.sync();
  let chart: Excel.Chart;
  if (found.isNullObject) {
    chart = sheet.charts.add('ColumnClustered', data, 'Columns');
    chart.name = spec.name;
    chart.setPosition('E2', 'M24');
  } else {
    chart = found;
    // a chart an earlier version drew as horizontal bars becomes columns, so the pass mark's line can run across it
    chart.chartType = 'ColumnClustered';
    chart.setData(data, 'Columns');
  }
  chart.title.text = spec.title;
  chart.legend.visible = mark !== null;
  if (mark) chart.series.getItemAt(1).chartType = 'Line';
  const points = chart.series.getItemAt(0).points;
  spec.colors?.slice(0, spec.categories.length).forEach((color, i) => {
    const fill = points.getItemAt(i).format.fill;
    if (color) fill.setSolidColor(color);
    else fill.clear();
  });
  await context.sync();
}
