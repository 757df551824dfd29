import { ValueKind } from '@core/vocabulary/enums';
import { parseValue } from '@core/values';
import { statedKindOf } from '@core/values/stated-kind';
import { kindOf } from '../../server/import/value-cells';

/**
 * The indicator kind a stated target implies, read the same by the importers (kindOf: a word makes a text
 * indicator) and by a new row of the sheet (statedKindOf, a number when the target says nothing).
 */
describe('the kind a stated target gives its indicator', () => {
  it.each([
    ['3,25%', ValueKind.PERCENT, '%'],
    ['105 €', ValueKind.CURRENCY, 'EUR'],
    ['30 giorni', ValueKind.DAYS, 'days'],
    ['31/12/2022', ValueKind.DATE, null],
    ['SI', ValueKind.BOOLEAN, null],
  ])('%j says %s, unit %j', (raw, valueKind, unit) => {
    expect(statedKindOf(parseValue(raw))).toBe(valueKind);
    expect(kindOf(parseValue(raw))).toEqual({ unit, valueKind });
  });

  it.each(['20', 'monitoraggio', 'testo libero', ''])('%j says nothing of the kind', (raw) => {
    expect(statedKindOf(parseValue(raw))).toBeUndefined();
  });

  it('a number is a number indicator for the importers, a word a text one; no target says nothing', () => {
    expect(kindOf(parseValue('20'))).toEqual({ unit: null, valueKind: ValueKind.NUMBER });
    expect(kindOf(parseValue('monitoraggio'))).toEqual({ unit: null, valueKind: ValueKind.TEXT });
    expect(kindOf(parseValue('testo libero'))).toEqual({ unit: null, valueKind: ValueKind.TEXT });
    expect(statedKindOf(null)).toBeUndefined();
  });
});
