/** Excel.ChartCollection and Excel.Chart, as far as the add-in draws its bar chart: state only, no rendering. */
import { ClientObject, type RequestContext, pick } from './context';
import { invalidArgument, itemNotFound } from './errors';
import type { ChartModel, SheetModel } from './model';
import type { Range } from './range';

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
      created = {
        name: `Chart ${sheet.decorations.charts.length + 1}`,
        type,
        data: source.target().rect,
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
  constructor(context: RequestContext, path: string, resolver: () => ChartModel | null, nullable = false) {
    super(context, path, resolver, nullable);
  }
  protected missing(): Error {
    return itemNotFound('chart', this.path);
  }

  set name(name: string) {
    this.act('name', name, (chart) => {
      chart.name = name;
    });
  }
  get title() {
    const act = (text: string) =>
      this.act('title/text', text, (c) => {
        c.title = text;
      });
    return {
      set text(text: string) {
        act(text);
      },
    };
  }
  get legend() {
    const act = (on: boolean) =>
      this.act('legend/visible', on, (c) => {
        c.legendVisible = on;
      });
    return {
      set visible(on: boolean) {
        act(on);
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
    });
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const chart = this.target();
    return pick({ name: () => chart.name, chartType: () => chart.type }, properties, 'Chart', (p) =>
      invalidArgument(`Chart has no property "${p}"`),
    );
  }
}
