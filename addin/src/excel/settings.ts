/** The workbook's own settings: saved inside the file, so they travel with it. */

export async function readSetting(context: Excel.RequestContext, key: string): Promise<string | null> {
  const setting = context.workbook.settings.getItemOrNullObject(key).load('value');
  await context.sync();
  return setting.isNullObject || setting.value === null || setting.value === undefined ? null : String(setting.value);
}

/** null removes the setting; removing one that is not there is no error */
export async function writeSetting(context: Excel.RequestContext, key: string, value: string | null): Promise<void> {
  if (value !== null) {
    context.workbook.settings.add(key, value);
    await context.sync();
    return;
  }
  const setting = context.workbook.settings.getItemOrNullObject(key);
  await context.sync();
  if (!setting.isNullObject) {
    setting.delete();
    await context.sync();
  }
}
