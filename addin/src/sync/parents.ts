/**
 * "Cod. padre" → the parent line: looked up among the lines of the parent's level by code (or, for a
 * perspective, by its title, since perspectives seldom have codes). Shared by Sync and the offline scores.
 */
import { PARENT_LEVEL, type SheetLevel } from '@core/sheet/row';
import { levelOf } from '@core/sheet/vocabulary';
import { isBlank, type Line } from './columns';
import { wantsDeletion } from './deletion';
import { foldWords } from '@core/vocabulary/fold';

export type ParentLookup =
  { kind: 'none' } | { kind: 'found'; line: Line } | { kind: 'unknown' | 'ambiguous'; name: string };

export class ParentIndex {
  private readonly levels = new Map<Line, SheetLevel | undefined>();
  private readonly byName = new Map<string, Line[]>();

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
    const parentLevel = level ? PARENT_LEVEL[level] : null;
    if (name === '' || !parentLevel) return { kind: 'none' };
    const candidates = this.byName.get(`${parentLevel}|${foldWords(name)}`) ?? [];
    if (candidates.length === 1) return { kind: 'found', line: candidates[0] };
    return { kind: candidates.length === 0 ? 'unknown' : 'ambiguous', name };
  }
}
