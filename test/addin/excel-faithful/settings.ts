/**
 * What an add-in stores in the document: settings (Excel.SettingCollection, ExcelApi 1.4, and the Common API's
 * Office.context.document.settings) and custom XML parts (ExcelApi 1.5). Both live in the workbook file, so they
 * survive save() / reopen() and nothing else does.
 */
import { ClientObject, type RequestContext, pick } from './context';
import { invalidArgument, itemNotFound } from './errors';
import type { CustomXmlPartModel, WorkbookModel } from './model';

/** JSON-serialisable values only, as the settings store keeps them (https://learn.microsoft.com/javascript/api/excel/excel.setting#excel-excel-setting-value-member) */
function stored(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}

export class SettingCollection {
  constructor(private readonly context: RequestContext) {}

  add(key: string, value: unknown): Setting {
    this.context.enqueue('settings', 'add', [key, value], () => {
      if (!key) throw invalidArgument('a setting needs a key', 'SettingCollection.add');
      this.context.engine.model.settings.set(key, stored(value));
    });
    return new Setting(this.context, key, false);
  }
  getItem(key: string): Setting {
    return new Setting(this.context, key, false);
  }
  getItemOrNullObject(key: string): Setting {
    return new Setting(this.context, key, true);
  }
}

export class Setting extends ClientObject<{ key: string; value: unknown }> {
  constructor(
    context: RequestContext,
    private readonly key: string,
    nullable: boolean,
  ) {
    super(
      context,
      `settings.getItem(${key})`,
      () => (context.engine.model.settings.has(key) ? { key, value: context.engine.model.settings.get(key) } : null),
      nullable,
    );
  }
  protected readonly what = 'setting';
  protected override missing(): Error {
    return itemNotFound(`${this.what} ${this.key}`, 'SettingCollection.getItem');
  }

  get value(): unknown {
    return this.read('value');
  }
  get keyName(): string {
    return this.key;
  }
  delete(): void {
    this.act('delete', null, () => {
      this.context.engine.model.settings.delete(this.key);
    });
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const setting = this.target();
    return pick({ key: () => setting.key, value: () => setting.value }, properties, 'Setting', (p) =>
      invalidArgument(`Setting has no property "${p}"`),
    );
  }
}

/**
 * Office.Settings (Common API): an in-memory copy of the document's settings, loaded when the add-in starts; set and
 * remove change the copy only, and saveAsync writes the whole copy into the document
 * (https://learn.microsoft.com/javascript/api/office/office.settings: "The developer is responsible for calling the
 * saveAsync method after adding or deleting settings to save the settings in the document"). That it shares its
 * store with Excel.SettingCollection is how both are described ("per add-in and per document"), not a documented
 * guarantee.
 */
export class OfficeSettings {
  private copy: Map<string, unknown>;
  /** keys set or removed since the copy was loaded: saveAsync writes those, so settings the Excel API added meanwhile survive */
  private touched = new Set<string>();

  constructor(private readonly model: () => WorkbookModel) {
    this.copy = new Map(model().settings);
  }

  get(name: string): unknown {
    return this.copy.has(name) ? this.copy.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.copy.set(name, stored(value));
    this.touched.add(name);
  }
  remove(name: string): void {
    this.copy.delete(name);
    this.touched.add(name);
  }
  saveAsync(callback?: (result: { status: 'succeeded' | 'failed'; value: undefined }) => void): void {
    setTimeout(() => {
      const store = this.model().settings;
      for (const name of this.touched) {
        if (this.copy.has(name)) store.set(name, this.copy.get(name));
        else store.delete(name);
      }
      this.touched.clear();
      callback?.({ status: 'succeeded', value: undefined });
    }, 0);
  }
  refreshAsync(callback?: (result: { status: 'succeeded'; value: OfficeSettings }) => void): void {
    setTimeout(() => {
      this.copy = new Map(this.model().settings);
      this.touched.clear();
      callback?.({ status: 'succeeded', value: this });
    }, 0);
  }
}

/** Excel.CustomXmlPartCollection: parts are found by id or by the namespace of their root element. */
export class CustomXmlPartCollection {
  constructor(private readonly context: RequestContext) {}

  add(xml: string): CustomXmlPart {
    let created: CustomXmlPartModel | null = null;
    this.context.enqueue('customXmlParts', 'add', xml, () => {
      const root = /<(?:[\w-]+:)?[\w-]+[^>]*?\sxmlns(?::[\w-]+)?="([^"]*)"/.exec(xml);
      if (!/^\s*(<\?xml[^>]*>\s*)?<[\w:-]+[\s\S]*>\s*$/.test(xml))
        throw invalidArgument('the part is not well-formed XML', 'CustomXmlPartCollection.add');
      created = { id: this.context.engine.model.newId('xml'), namespaceUri: root?.[1] ?? '', xml };
      this.context.engine.model.customXmlParts.push(created);
    });
    return new CustomXmlPart(this.context, 'customXmlParts.add()', () => created);
  }
  getItem(id: string): CustomXmlPart {
    return new CustomXmlPart(
      this.context,
      `customXmlParts.getItem(${id})`,
      () => this.context.engine.model.customXmlParts.find((p) => p.id === id) ?? null,
    );
  }
  getItemOrNullObject(id: string): CustomXmlPart {
    return new CustomXmlPart(
      this.context,
      `customXmlParts.getItemOrNullObject(${id})`,
      () => this.context.engine.model.customXmlParts.find((p) => p.id === id) ?? null,
      true,
    );
  }
  /** the parts whose root element is in `namespaceUri`; the double returns the first, or a null object */
  getByNamespace(namespaceUri: string) {
    return {
      getOnlyItemOrNullObject: () =>
        new CustomXmlPart(
          this.context,
          `customXmlParts.getByNamespace(${namespaceUri})`,
          () => this.context.engine.model.customXmlParts.find((p) => p.namespaceUri === namespaceUri) ?? null,
          true,
        ),
    };
  }
}

export class CustomXmlPart extends ClientObject<CustomXmlPartModel> {
  protected readonly what = 'custom XML part';

  declare readonly id: string;
  declare readonly namespaceUri: string;
  static {
    this.readOnly('id', 'namespaceUri');
  }

  /** a ClientResult: its value is readable after the next sync */
  getXml(): { value: string } {
    const result = { value: undefined as unknown as string };
    let xml = '';
    this.context.enqueue(
      this.path,
      'getXml',
      null,
      () => {
        xml = this.target().xml;
        return () => {
          result.value = xml;
        };
      },
      () => xml,
    );
    return result;
  }
  setXml(xml: string): void {
    this.assign('setXml', 'xml', xml);
  }
  delete(): void {
    this.act('delete', null, (part) => {
      const parts = this.context.engine.model.customXmlParts;
      parts.splice(parts.indexOf(part), 1);
    });
  }

  protected snapshot(properties: string[]): Record<string, unknown> {
    const part = this.target();
    return pick({ id: () => part.id, namespaceUri: () => part.namespaceUri }, properties, 'CustomXmlPart', (p) =>
      invalidArgument(`CustomXmlPart has no property "${p}"`),
    );
  }
}
