/**
 * "Cod. padre" → the parent line: looked up among the lines of the parent's level by code (or, for a
 * perspective, by its title, since perspectives seldom have codes). Shared by Sync and the offline scores.
 * A Bergamo plan shows the same objective in several cruscotti (docs/sheet-contract.md, "Cruscotti"): a line in a
 * cruscotto finds its parent in the same cruscotto first, then among the plan rows; a plan row among the plan rows
 * first. Lines showing the same node (one row id) are one parent, never an ambiguous one.
 */
import type { SheetLevel } from '@core/sheet/row';
import { ALLOWED_PARENT_LEVELS } from '@core/vocabulary/levels';
import { levelOf } from '@core/sheet/vocabulary';
import { inCruscotto, isBlank, type Line } from './columns';
import { wantsDeletion } from './deletion';
import { foldWords } from '@core/vocabulary/fold';

export type ParentLookup =
  { kind: 'none' } | { kind: 'found'; line: Line } | { kind: 'unknown' | 'ambiguous'; name: string };

export class ParentIndex {
  private readonly levels = new Map<Line, SheetLevel | undefined>();
  private readonly byName = new Map<string, Line[]>();
  /** the same, per cruscotto ('' = the plan rows): where a line looks first */
  private readonly byPlace = new Map<string, Line[]>();

  constructor(lines: readonly Line[]) {
    for (const line of lines) {
      if (isBlank(line) || wantsDeletion(line.status)) continue;
      const level = levelOf(line.inputs.level);
      this.levels.set(line, level);
      const names = [line.inputs.code, ...(level === 'perspective' ? [line.inputs.title] : [])]
        .map(foldWords)
        .filter(Boolean);
      for (const name of new Set(names)) {
        const key = `${level}|${name}`;
        const place = `${foldWords(line.inputs.dashboard)}|${key}`;
        this.byPlace.set(place, [...(this.byPlace.get(place) ?? []), line]);
        const list = this.byName.get(key);
        if (list) list.push(line);
        else this.byName.set(key, [line]);
      }
    }
  }

  levelOf(line: Line): SheetLevel | undefined {
    return this.levels.has(line) ? this.levels.get(line) : levelOf(line.inputs.level);
  }

  parentOf(line: Line): ParentLookup {
    const name = line.inputs.parentCode.trim();
    const level = this.levelOf(line);
    // an indicator may hang from an operational objective or, as in Bergamo, straight from a strategic one
    const parentLevels = level ? ALLOWED_PARENT_LEVELS[level] : [];
    if (name === '' || parentLevels.length === 0) return { kind: 'none' };
    const keys = parentLevels.map((parentLevel) => `${parentLevel}|${foldWords(name)}`);
    const places = inCruscotto(line) ? [foldWords(line.inputs.dashboard), ''] : [''];
    for (const place of places) {
      for (const key of keys) {
        const found = oneNode(this.byPlace.get(`${place}|${key}`) ?? []);
        if (found) return { kind: 'found', line: found };
      }
    }
    let candidates: Line[] = [];
    for (const key of keys) {
      candidates = this.byName.get(key) ?? [];
      const found = oneNode(candidates);
      if (found) return { kind: 'found', line: found };
      if (candidates.length > 0) break;
    }
    return { kind: candidates.length === 0 ? 'unknown' : 'ambiguous', name };
  }
}

/** the line standing for the one node these lines show (the first), or null when they are none or several nodes */
function oneNode(lines: readonly Line[]): Line | null {
  if (lines.length === 1) return lines[0];
  if (lines.length === 0 || !lines[0].rowId) return null;
  return lines.every((l) => l.rowId === lines[0].rowId) ? lines[0] : null;
}
