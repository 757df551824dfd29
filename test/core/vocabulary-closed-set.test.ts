/**
 * vocabulary(): each value is named by itself in UPPER_CASE unless a pair names it otherwise, in the order listed
 * (GraphQL registers the names in that order), and the set cannot be changed at run time.
 */
import { vocabulary } from '@core/vocabulary/closed-set';
import { Checkpoint, ManagerRoleKind, UnitType } from '@core/vocabulary/enums';

describe('vocabulary', () => {
  it('names a value by itself in upper case and a pair by its own name, in the order listed', () => {
    expect(Object.entries(vocabulary('working_group', ['SECRETARY_GENERAL', 'sg'], 'uo'))).toEqual([
      ['WORKING_GROUP', 'working_group'],
      ['SECRETARY_GENERAL', 'sg'],
      ['UO', 'uo'],
    ]);
    expect(UnitType.SPECIAL_AGENCY).toBe('special_agency');
    expect(ManagerRoleKind.POSIZIONE_ORGANIZZATIVA).toBe('po');
    expect(Object.keys(Checkpoint)).toEqual(['MID_YEAR', 'YEAR_END']);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(UnitType)).toBe(true);
  });
});
