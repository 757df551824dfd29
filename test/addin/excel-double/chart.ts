/** Charts of the Excel double: added from a range, renamed, titled, placed, given new data. */
import type { FakeContext } from './context';
import type { SheetModel } from './model';
import { bytesOf, ClientObject, pick } from './office-object';
import type { Range, RangeTarget } from './range';

export class ChartCollection {
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: () => SheetModel,
  ) {}
  add(type: string, source: Range, seriesBy: string): Chart {
    let created: ChartModelT | null = null;
    this.context.enqueue(bytesOf(type), () => {
      const sheet = this.sheet();
      const chart = {
        name: `Chart${sheet.charts.length + 1}`,
        type,
        data: (source.target() as RangeTarget).rect,
        seriesBy,
        title: '',
        legendVisible: true,
        position: null,
      };
      sheet.charts.push(chart);
      created = chart;
    });
    return new Chart(this.context, () => created ?? null);
  }
  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, () => this.sheet().charts.find((c) => c.name === name) ?? null, true);
  }
}

type ChartModelT = SheetModel['charts'][number];

export class Chart extends ClientObject<ChartModelT> {
  set name(name: string) {
    this.set(name, (chart) => {
      chart.name = name;
    });
  }
  get title() {
    const proxy = { set: (payload: unknown, apply: (chart: ChartModelT) => void) => this.set(payload, apply) };
    return {
      set text(text: string) {
        proxy.set(text, (chart) => {
          chart.title = text;
        });
      },
    };
  }
  get legend() {
    const proxy = { set: (payload: unknown, apply: (chart: ChartModelT) => void) => this.set(payload, apply) };
    return {
      set visible(on: boolean) {
        proxy.set(on, (chart) => {
          chart.legendVisible = on;
        });
      },
    };
  }
  setPosition(start: string, end: string): void {
    this.set([start, end], (chart) => {
      chart.position = [start, end];
    });
  }
  setData(source: Range, seriesBy: string): void {
    this.set(seriesBy, (chart) => {
      chart.data = (source.target() as RangeTarget).rect;
      chart.seriesBy = seriesBy;
    });
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    return pick({ name: this.must().name }, properties);
  }
}
