/** The workbook of the Excel double: its worksheets, tables and settings. */
import type { FakeContext } from './context';
import { bytesOf, ClientObject, pick } from './office-object';
import { TableCollection } from './table';
import { Worksheet } from './worksheet';
import type { SheetModel } from './model';

export class FakeWorkbook {
  readonly tables: TableCollection;
  readonly worksheets: WorksheetCollection;
  readonly settings: SettingCollection;
  constructor(readonly context: FakeContext) {
    this.tables = new TableCollection(context, () => context.model.tables, null);
    this.worksheets = new WorksheetCollection(context);
    this.settings = new SettingCollection(context);
  }
}

class WorksheetCollection {
  constructor(private readonly context: FakeContext) {}
  getItem(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.model.sheet(name) ?? null, true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.model.activeSheet ?? this.context.model.sheets[0] ?? null);
  }
  add(name: string): Worksheet {
    let created: SheetModel | null = null;
    this.context.enqueue(bytesOf(name), () => {
      created = this.context.model.addSheet(name);
    });
    return new Worksheet(this.context, () => created);
  }
}

class SettingCollection {
  constructor(private readonly context: FakeContext) {}
  add(key: string, value: unknown): void {
    this.context.enqueue(bytesOf([key, value]), () => {
      this.context.model.settings.set(key, value);
    });
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, key);
  }
}

class Setting extends ClientObject<{ key: string; value: unknown }> {
  constructor(
    context: FakeContext,
    private readonly key: string,
  ) {
    super(
      context,
      () => (context.model.settings.has(key) ? { key, value: context.model.settings.get(key) } : null),
      true,
    );
  }
  get value(): unknown {
    return this.read('value');
  }
  delete(): void {
    this.set(null, () => {
      this.context.model.settings.delete(this.key);
    });
  }
  protected snapshot(properties: string[]): Record<string, unknown> {
    const found = this.target(true);
    return pick({ value: found ? found.value : null, key: this.key }, properties);
  }
}
