/**
 * The manager-weight table of the Brescia plan: each group's managers, and each objective's weights before and after
 * the re-weighting as manager assignments, checked against the card weights and the printed totals.
 */
import { ManagerRoleKind } from '@core/vocabulary/enums';
import type { AssignmentDraft, PersonDraft } from './draft';
import { personsIn, readManagerTable, type ManagerGroup } from './brescia-managers';
import { AGENCY_OO_CODE, AGENCY_OS_KEY, num, STRATEGIC_KEY, type BresciaReading } from './brescia-reading';
import { unitKey } from './responsible-units';

export function readManagers(reading: BresciaReading): void {
  for (const [code, oo] of reading.oos) {
    oo.contributes = reading.contributionCodes.has(code);
    if (!oo.contributes && reading.strategic?.operationalObjectives.includes(oo)) {
      reading.review.read(
        oo.line,
        `operational objective ${code}`,
        `Not in the strategic objective's contribution list${oo.isNew ? ' (new objective)' : ''}: does not count in its contribution component.`,
        `Non è nell'elenco dei contributi dell'obiettivo strategico${oo.isNew ? ' (obiettivo nuovo)' : ''}: non conta nella componente di contributo.`,
        [...reading.contributionCodes].join(', '),
        'NOT_CONTRIBUTING',
      );
    }
  }
  const { groups, start } = readManagerTable(reading.source);
  if (!start) {
    reading.review.unreadable(
      null,
      'managers',
      'MANAGER_TABLE_MISSING',
      'No manager-weight table found.',
      'Tabella dei pesi per dirigente non trovata.',
      '',
    );
    return;
  }
  groups.forEach((g, gi) => readGroup(reading, g, gi));
}

function readGroup(reading: BresciaReading, group: ManagerGroup, index: number): void {
  const people = personsIn(group.label).filter((p, i, all) => all.findIndex((q) => q.fullName === p.fullName) === i);
  const joint = people.length > 1 ? `group ${index + 1}` : null;
  const role = /Segretario/i.test(group.label)
    ? ManagerRoleKind.SECRETARY_GENERAL
    : /Conservatore/i.test(group.label)
      ? ManagerRoleKind.CONSERVATORE
      : ManagerRoleKind.DIRIGENTE;
  const managers = people.map((p, i) =>
    person(reading, p.fullName, i === 0 ? role : ManagerRoleKind.DIRIGENTE, group.line),
  );
  if (people.length) {
    reading.review.read(
      group.line,
      'managers',
      `Manager group: ${people.map((p) => p.fullName).join(' and ')}${joint ? ' (joint assignment)' : ''}.`,
      `Gruppo: ${people.map((p) => p.fullName).join(' e ')}${joint ? ' (assegnazione congiunta)' : ''}.`,
      group.label,
      'MANAGERS_READ',
    );
  }
  const sums = [0, 0];
  for (const o of group.objectives) {
    const owners = o.ownManager
      ? personsIn(o.ownManager.label).map((p) =>
          person(
            reading,
            p.fullName,
            /Consulente/i.test(o.ownManager!.label) ? ManagerRoleKind.CONSULTANT : ManagerRoleKind.DIRIGENTE,
            o.ownManager!.line,
          ),
        )
      : managers;
    const objectiveKey = objectiveKeyOf(
      reading,
      o.kind,
      o.code,
      o.title,
      people.length === 0 || /Azienda/i.test(group.label),
    );
    const subject = `assignment ${o.code ?? o.kind} (${group.label.slice(0, 40)})`;
    if (!objectiveKey) {
      reading.review.unreadable(
        o.line,
        subject,
        'OBJECTIVE_UNKNOWN',
        `Objective "${o.title}" of the table matches no card: not assigned.`,
        `L'obiettivo "${o.title}" della tabella non corrisponde ad alcuna scheda: non assegnato.`,
        o.title,
      );
      continue;
    }
    // The Azienda Speciale block names no manager for its strategic objective (003:1936-1940), only the consultant of
    // its operational objective (003:1945): the block's weights are his, said as an inference (issue 17).
    const named = group.objectives.find((x) => x.ownManager)?.ownManager;
    if (owners.length === 0 && named) {
      owners.push(
        ...personsIn(named.label).map((p) => person(reading, p.fullName, ManagerRoleKind.CONSULTANT, named.line)),
      );
      reading.review.inferred(
        o.line,
        subject,
        'MANAGER_INFERRED',
        `No manager named for "${o.title}" in group "${group.label}": its weights ${o.weights.join(' / ')} go to ${owners.map((m) => m.fullName).join(' + ')}, named for the group's other objective at line ${named.line}.`,
        `Nessun dirigente indicato per "${o.title}" nel gruppo "${group.label}": i pesi ${o.weights.join(' / ')} vanno a ${owners.map((m) => m.fullName).join(' + ')}, indicato per l'altro obiettivo del gruppo alla riga ${named.line}.`,
        named.label,
      );
    }
    if (owners.length === 0) {
      reading.review.unreadable(
        o.line,
        subject,
        'MANAGER_UNKNOWN',
        `No manager named for group "${group.label}": weights ${o.weights.join(' / ')} not assigned.`,
        `Nessun dirigente indicato per il gruppo "${group.label}": pesi ${o.weights.join(' / ')} non assegnati.`,
        group.label,
      );
      continue;
    }
    let before: string | null = o.weights[0] ?? null;
    let after: string | null = o.weights[1] ?? null;
    const oo = o.code ? reading.oos.get(o.code) : undefined;
    if (o.weights.length === 1) {
      if (oo?.isNew) {
        [before, after] = [null, o.weights[0]];
        reading.review.inferred(
          o.line,
          subject,
          'WEIGHT_COLUMN',
          `One weight (${o.weights[0]}) for new objective ${o.code}: read as its redefined weight (no original weight).`,
          `Un solo peso (${o.weights[0]}) per l'obiettivo nuovo ${o.code}: letto come peso ridefinito.`,
          `${o.title} ${o.weights[0]}`,
        );
      } else {
        reading.review.warning(
          o.line,
          subject,
          'WEIGHT_COLUMN',
          `One weight (${o.weights[0]}) for an objective that is not new: read as the original weight.`,
          `Un solo peso (${o.weights[0]}) per un obiettivo non nuovo: letto come peso originale.`,
          `${o.title} ${o.weights[0]}`,
        );
      }
    }
    sums[0] += before ? num(before) : 0;
    sums[1] += after ? num(after) : 0;
    if (oo?.cardWeight && after && num(oo.cardWeight) !== num(after)) {
      reading.review.warning(
        o.line,
        `operational objective ${o.code}`,
        'WEIGHT_DISAGREES',
        `The manager table redefines ${o.code} from ${before ?? '-'} to ${after}, while its card prints ${oo.cardWeight}: the table's versioned weights are used.`,
        `La tabella ridefinisce ${o.code} da ${before ?? '-'} a ${after}, mentre la scheda riporta ${oo.cardWeight}: si usano i pesi versionati della tabella.`,
        `table line ${o.line}: ${o.weights.join(' ')}; card line ${oo.line}: Peso ${oo.cardWeight}`,
      );
    }
    for (const m of owners) {
      const a: AssignmentDraft = {
        managerKey: m.key,
        weightBefore: before,
        weightAfter: after,
        reweightedFrom: reading.reweightedFrom,
        jointGroup: owners.length > 1 ? joint : null,
        line: o.weightsLine ?? o.line,
        ...(o.kind === 'strategic'
          ? { strategicObjectiveKey: objectiveKey }
          : { operationalObjectiveKey: objectiveKey }),
      };
      reading.draft.assignments.push(a);
    }
    reading.review.read(
      o.line,
      subject,
      `${owners.map((m) => m.fullName).join(' + ')}: ${o.code ?? o.kind} weight ${before ?? '-'} → ${after ?? '-'}.`,
      `${owners.map((m) => m.fullName).join(' + ')}: ${o.code ?? o.kind} peso ${before ?? '-'} → ${after ?? '-'}.`,
      `${o.title} ${o.weights.join(' ')}`,
      'ASSIGNMENT_READ',
    );
  }
  if (group.totals) {
    group.totals.forEach((t, i) => {
      if (people.length && Math.abs(sums[i] - num(t)) > 0.1) {
        reading.review.warning(
          group.totalsLine,
          'managers',
          'WEIGHT_SUM',
          `Weights of "${group.label}" sum to ${sums[i]}, the printed total is ${t}.`,
          `I pesi di "${group.label}" sommano ${sums[i]}, il totale stampato è ${t}.`,
          `${t}`,
        );
      }
    });
  }
}

function objectiveKeyOf(
  reading: BresciaReading,
  kind: 'strategic' | 'operational',
  code: string | null,
  title: string,
  agencyGroup: boolean,
): string | null {
  if (kind === 'strategic') {
    if (agencyGroup || /fiere/i.test(title)) {
      if (reading.agency && reading.agency.title.startsWith('Azienda Speciale')) reading.agency.title = title;
      return reading.agency ? AGENCY_OS_KEY : null;
    }
    return reading.strategic ? STRATEGIC_KEY : null;
  }
  if (code) return reading.oos.has(code) ? `oo:${code}` : null;
  return agencyGroup && reading.oos.has(AGENCY_OO_CODE) ? `oo:${AGENCY_OO_CODE}` : null;
}

function person(reading: BresciaReading, fullName: string, role: ManagerRoleKind, line: number): PersonDraft {
  const key = `person:${unitKey(fullName)}`;
  let p = reading.draft.persons.find((x) => x.key === key);
  if (!p) {
    p = { key, fullName, roles: [{ role }], line };
    reading.draft.persons.push(p);
  } else if (!p.roles.some((r) => r.role === role)) {
    // Named first as a card's responsible (brescia-people.ts): the manager role of the table comes first.
    p.roles.unshift({ role });
  }
  return p;
}
