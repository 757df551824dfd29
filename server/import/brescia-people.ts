/**
 * The "Responsabili" of a Brescia card (003:2730-2733, 003:3371-3372): the people responsible for the operational
 * objective, as persons linked to it (issue 17). A name is what follows a title ("D.ssa Beatrice Nardo", "sig.a
 * Liviana Ventura"), or a part of a comma list that is only a name ("Orietta Pedrana"); a role without a name ("Il
 * Responsabile Servizio Regolazione del Mercato") names nobody and is left out.
 */
import { ManagerRoleKind } from '@core/vocabulary/enums';
import type { BresciaReading } from './brescia-reading';
import type { Section } from './brescia-cards';
import { unitKey } from './responsible-units';

const TITLE = /\b(?:Dott\.ssa|Dott\.|D\.ssa|Dr\.ssa|Dr\.|sig\.ra|sig\.a|sig\.|Ing\.|Avv\.|Prof\.)\s*/i;
const WORD = "[A-ZÀ-Ü][a-zà-ù']+";
const NAME = new RegExp(`^${WORD}(?: ${WORD}){1,2}$`);
const AFTER_TITLE = new RegExp(`^${WORD}(?: ${WORD}){0,2}$`);

export function peopleIn(text: string): string[] {
  const flat = text
    .replace(/\s+/g, ' ')
    .replace(/^\s*Responsabili\s*/i, '')
    .replace(/\.\s*$/, '')
    .trim();
  const out: string[] = [];
  for (const part of flat.split(/,|\s+e\s+/)) {
    const p = part.trim();
    const titled = TITLE.exec(p);
    const name = titled ? p.slice(titled.index + titled[0].length).trim() : p;
    // "Segretario Generale" (003:4351) is a role: the manager table names the person.
    if (/\b(Segretario|Dirigente|Responsabile|Generale)\b/.test(name)) continue;
    if ((titled ? AFTER_TITLE : NAME).test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

/** The card's people as persons (one per name across the plan), their keys for the objective. */
export function responsiblePeople(reading: BresciaReading, section: Section | undefined, subject: string): string[] {
  if (!section) return [];
  const names = peopleIn(section.text);
  const keys = names.map((fullName) => {
    const key = `person:${unitKey(fullName)}`;
    if (!reading.draft.persons.some((p) => p.key === key))
      reading.draft.persons.push({
        key,
        fullName,
        roles: [{ role: ManagerRoleKind.RESPONSABILE }],
        line: section.line,
      });
    return key;
  });
  reading.review.read(
    section.line,
    subject,
    `Responsible people: ${names.join(', ') || '(no name printed)'}.`,
    `Responsabili: ${names.join(', ') || '(nessun nome stampato)'}.`,
    section.text.replace(/\s+/g, ' ').slice(0, 300),
    'PEOPLE_READ',
  );
  return keys;
}

/**
 * A surname alone ("d.ssa Vairano", 003:3076) is the person of that surname the plan names in full elsewhere (the
 * manager table's "dr.ssa Antonella Vairano", 003:1897-1900), when exactly one has it: run once the manager table is
 * read, it links the objectives to that person and drops the surname-only one. Otherwise the surname stays as printed.
 */
export function mergeSurnames(reading: BresciaReading): void {
  const { persons } = reading.draft;
  for (const alone of persons.filter((p) => !p.fullName.includes(' '))) {
    const same = persons.filter((p) => p !== alone && p.fullName.split(' ').at(-1) === alone.fullName);
    if (same.length !== 1) continue;
    for (const o of reading.oos.values())
      if (o.personKeys?.includes(alone.key))
        o.personKeys = [...new Set(o.personKeys.map((k) => (k === alone.key ? same[0].key : k)))];
    for (const r of alone.roles) if (!same[0].roles.some((x) => x.role === r.role)) same[0].roles.push(r);
    persons.splice(persons.indexOf(alone), 1);
    reading.review.inferred(
      alone.line ?? null,
      'person',
      'PERSON_BY_SURNAME',
      `"${alone.fullName}" is taken for ${same[0].fullName}, the only person of that surname the plan names in full (line ${same[0].line ?? '-'}).`,
      `"${alone.fullName}" è intesa come ${same[0].fullName}, l'unica persona con quel cognome che il piano nomina per intero (riga ${same[0].line ?? '-'}).`,
      alone.fullName,
    );
  }
}
