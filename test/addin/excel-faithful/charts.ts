/**
 * Excel.ChartCollection, Excel.Chart and its series and points, as far as the add-in draws its column chart: state
 * only, no rendering. Series come from the chart's data as Excel lays them out: by columns, the first column holds
 * the categories and the first row the series' names, so a data range of r rows and c columns makes c − 1 series of
 * r − 1 points (by rows, the other way round). New data keeps each series' type and each point's fill by position
 * (this double's reading of Excel keeping a series' formatting through Chart.setData).
 */
import { ClientObject, type RequestContext, pick } from './context';
import { invalidArgument, itemNotFound } from './errors';
import type { ChartModel, ChartSeriesModel, Rect, SheetModel } from './model';
import type { Range } from './range';

function seriesOf(data: Rect, seriesBy: string, type: string, before: ChartSeriesModel[] = []): ChartSeriesModel[] {
  const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && data.columns > data.rows);
  const count = Math.max(0, (byRows ? data.rows : data.columns) - 1);
  const points = Math.max(0, (byRows ? data.columns : data.rows) - 1);
  return Array.from({ length: count }, (_, i) => ({
    chartType: before[i]?.chartType ?? type,
    points: Array.from({ length: points }, (_, j) => ({ fill: before[i]?.points[j]?.fill ?? null })),
  }));
}

export class ChartCollection {
  constructor(
    private readonly context: RequestContext,
    private readonly path: string,
    private readonly sheet: () => SheetModel,
  ) {}

  add(type: string, source: Range, seriesBy = 'Auto'): Chart {
    let created: ChartModel | null = null;
    this.context.enqueue(this.path, 'add', [type, seriesBy], () => {
      const sheet = this.sheet();
      const data = source.target().rect;
      created = {
        name: `Chart ${sheet.decorations.charts.length + 1}`,
        type,
        series: seriesOf(data, seriesBy, type),
        data,
        seriesBy,
        title: '',
        legendVisible: true,
        position: null,
      };
      sheet.decorations.charts.push(created);
    });
    return new Chart(this.context, `${this.path}.add()`, () => created);
  }

  getItemOrNullObject(name: string): Chart {
    return new Chart(
      this.context,
      `${this.path}.getItemOrNullObject(${name})`,
      () => this.sheet().decorations.charts.find((c) => c.name === name) ?? null,
      true,
    );
  }
}

export class Chart extends ClientObject<ChartModel> {
  protected readonly what = 'chart';

  set name(name: string) {
    this.assign('name', 'name', name);
  }
  get title() {
    const assign = (text: string) => this.assign('title/text', 'title', text);
    return {
      set text(text: string) {
        assign(text);
      },
    };
  }
  get legend() {
    const assign = (on: boolean) => this.assign('legend/visible', 'legendVisible', on);
    return {
      set visible(on: boolean) {
        assign(on);
      },
    };
  }
  setPosition(start: string, end: string): void {
    this.act('setPosition', [start, end], (c) => {
      c.position = [start, end];
    });
  }
  setData(source: Range, seriesBy = 'Auto'): void {
    this.act('setData', seriesBy, (c) => {
      c.data = source.target().rect;
      c.seriesBy = seriesBy;
      c.series = seriesOf(c.data, seriesBy, c.type, c.series);
    });
  }
  /** the chart's type, given to every series (a combination chart sets a series' own type after it) */
  set chartType(type: string) {
    this.act('chartType', type, (c) => {
      c.type = type;
      for (const series of c.series) series.chartType = type;
    });
  }
  get series() {
    return {
      getItemAt: (index: number) =>
        new ChartSeries(
          this.context,
          `${this.path}.series.getItemAt(${index})`,
          () => this.target().series[index] ?? null,
        ),
    };
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const chart = this.target();
    return pick({ name: () => chart.name, chartType: () => chart.type }, properties, 'Chart', (p) =>
      invalidArgument(`Chart has no property "${p}"`),
    );
  }
}

/** Excel.ChartSeries: its own type (a line across columns) and its points' fills (ExcelApi 1.7 and 1.1) */
export class ChartSeries extends ClientObject<ChartSeriesModel> {
  protected readonly what = 'chart series';
  set chartType(type: string) {
    this.assign('chartType', 'chartType', type);
  }
  get points() {
    return {
      getItemAt: (index: number) => {
        const path = `${this.path}.points.getItemAt(${index})`;
        const point = () => {
          const found = this.target().points[index];
          if (!found) throw itemNotFound('chart point', path);
          return found;
        };
        const act = (name: string, args: unknown, apply: (p: { fill: string | null }) => void) =>
          this.context.enqueue(path, name, args, () => apply(point()));
        return {
          format: {
            fill: {
              setSolidColor(color: string) {
                act('format/fill/setSolidColor', color, (p) => {
                  if (!/^#[0-9A-Fa-f]{6}$/.test(color) && !/^[a-z]+$/i.test(color))
                    throw invalidArgument(`color ${color}`, 'ChartFill.setSolidColor');
                  p.fill = color;
                });
              },
              clear() {
                act('format/fill/clear', null, (p) => {
                  p.fill = null;
                });
              },
            },
          },
        };
      },
    };
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const series = this.target();
    return pick({ chartType: () => series.chartType }, properties, 'ChartSeries', (p) =>
      invalidArgument(`ChartSeries has no property "${p}"`),
    );
  }
}
