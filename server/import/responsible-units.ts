/**
 * Reads a "Relatore" / responsible cell into units: 'U.O. "Ragioneria" e U.O. "Provveditorato"' is two units,
 * 'Responsabile Area III "…"' is the area (responsibility sits on the unit its head runs), "SG" is the
 * Segretario Generale. Keys are stable slugs of the names, so the same unit read twice is one unit.
 */
import { UnitType } from '@core/vocabulary/enums';
import type { UnitDraft } from './draft';

const STOP = new Set([
  'con',
  'il',
  'lo',
  'la',
  'di',
  'e',
  'ed',
  'del',
  'della',
  'dei',
  'delle',
  'per',
  'in',
  'a',
  'al',
]);

export function unitKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/u\.o\./g, 'uo ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP.has(w));
  return words.join('-');
}

export interface ReadUnit {
  unit: Omit<UnitDraft, 'line'>;
  /** how the cell text was turned into this unit, when it was not literal */
  reading?: string;
}

export function readResponsibleCell(cell: string): ReadUnit[] {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (!text) return [];
  // Split before each unit designator joined by "e": 'U.O. "A" e U.O. "B"'.
  const parts = text.split(/\s+e\s+(?=U\.O\.|Area\b|Servizio\b|Ufficio\b|Responsabile\b)/);
  return parts.map(readOne);
}

function readOne(part: string): ReadUnit {
  if (/^SG$/i.test(part) || /^segretario generale$/i.test(part)) {
    return {
      unit: { key: 'sg', name: 'Segretario Generale', type: UnitType.STAFF },
      reading: `"${part}" is the Segretario Generale`,
    };
  }
  const head = /^Responsabile\s+(Area\b.*)$/i.exec(part);
  if (head) {
    const name = head[1];
    return {
      unit: { key: unitKey(name), name, type: UnitType.AREA },
      reading: `the head of ${name}: responsibility on the area`,
    };
  }
  if (/^U\.O\./i.test(part)) return { unit: { key: unitKey(part), name: part, type: UnitType.UO } };
  if (/^Area\b/i.test(part)) return { unit: { key: unitKey(part), name: part, type: UnitType.AREA } };
  if (/^Servizio\b/i.test(part)) return { unit: { key: unitKey(part), name: part, type: UnitType.SERVIZIO } };
  if (/^Ufficio\b/i.test(part)) return { unit: { key: unitKey(part), name: part, type: UnitType.UFFICIO } };
  return {
    unit: { key: unitKey(part), name: part, type: UnitType.STAFF },
    reading: `"${part}" is not an U.O. nor an area: a staff function`,
  };
}
