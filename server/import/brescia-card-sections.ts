/**
 * The sections of a Brescia objective card besides its indicators (brescia-indicators.ts): relevance, purpose,
 * budget lines, evidence, the units involved, the strategic card's own share and contribution list, and the
 * incentive fund lines.
 */
import { FundKind, PurposeClass, Relevance, UnitType } from '@core/vocabulary/enums';
import type { StrategicObjectiveDraft } from './draft';
import type { Section } from './brescia-cards';
import { num, type BresciaReading } from './brescia-reading';
import { unitKey } from './responsible-units';

export function relevanceOf(
  reading: BresciaReading,
  section: Section | undefined,
  subject: string,
): StrategicObjectiveDraft['relevance'] {
  const text = section?.text.replace(/\s+/g, ' ') ?? '';
  const coefficient = /COEFFICIENTE\s+(\d)/i.exec(text)?.[1];
  const word = /RILEVANZA\s+(ALTA|MEDIA|BASSA)/i.exec(text)?.[1]?.toUpperCase();
  const byCoefficient =
    coefficient === '5'
      ? Relevance.HIGH
      : coefficient === '3'
        ? Relevance.MEDIUM
        : coefficient === '1'
          ? Relevance.LOW
          : null;
  const byWord =
    word === 'ALTA' ? Relevance.HIGH : word === 'MEDIA' ? Relevance.MEDIUM : word === 'BASSA' ? Relevance.LOW : null;
  if (byCoefficient && byWord && byCoefficient !== byWord) {
    reading.review.warning(
      section?.line ?? null,
      subject,
      'RELEVANCE_CONFLICT',
      `Relevance ${word} disagrees with coefficient ${coefficient}: the coefficient is kept.`,
      `Rilevanza ${word} in disaccordo con il coefficiente ${coefficient}: si tiene il coefficiente.`,
      text,
    );
  }
  if (!byCoefficient && !byWord) {
    reading.review.unreadable(
      section?.line ?? null,
      subject,
      'RELEVANCE_UNREADABLE',
      'Relevance (rilevanza oggettiva) not readable.',
      'Rilevanza oggettiva non leggibile.',
      text,
    );
  }
  return byCoefficient ?? byWord;
}

export function purposeOf(reading: BresciaReading, section: Section | undefined, subject: string): PurposeClass | null {
  const text = section?.text.replace(/\s+/g, ' ') ?? '';
  if (/contenimento\s+dei\s+costi|razionalizzazione/i.test(text)) return PurposeClass.A;
  if (/prodotti\s+o\s+servizi\s+nuovi/i.test(text)) return PurposeClass.B;
  if (/miglioramento\s+continuo|avviato\s+negli\s+anni|procediment/i.test(text)) return PurposeClass.C;
  reading.review.unreadable(
    section?.line ?? null,
    subject,
    'PURPOSE_UNREADABLE',
    'Purpose (finalità) not recognised.',
    'Finalità non riconosciuta.',
    text,
  );
  return null;
}

export function ownShareOf(reading: BresciaReading, section: Section | undefined): number | null {
  const text = section?.text.replace(/\s+/g, ' ') ?? '';
  const share = /Indicatori dell'obiettivo strategico\s+Peso:\s*(\d+)\s*%/i.exec(text)?.[1];
  const codes = (section?.lines ?? [])
    .map((l) => /^\s*(\d\.\d)\s*:/.exec(l.text)?.[1])
    .filter((c): c is string => Boolean(c));
  reading.contributionCodes = new Set(codes);
  if (section) {
    reading.review.read(
      section.line,
      'strategic objective',
      `Own indicators weigh ${share ?? '?'}%; contributing operational objectives: ${codes.join(', ')}.`,
      `Indicatori propri ${share ?? '?'}%; obiettivi operativi che contribuiscono: ${codes.join(', ')}.`,
      text.slice(0, 300),
      'CONTRIBUTION_READ',
    );
  }
  return share ? Number(share) / 100 : null;
}

export function unitsOf(reading: BresciaReading, section: Section | undefined, type: UnitType): string[] {
  const text = section?.text
    .replace(/\s+/g, ' ')
    .replace(/\.$/, '')
    .replace(/^coinvolte\s+/i, '')
    .trim();
  if (!text || /^Tutte\b/i.test(text)) return [];
  // "Servizio Servizi giuridici per le imprese e Servizio digitalizzazione per le imprese" (card 2.1) names two
  // services, the second of which is a unit of its own on card 2.3: one unit each (issue 17).
  const parts = text.split(/\s+e\s+(?=Servizio\b|Ufficio\b|Area\b)/);
  return parts.map((part) => {
    const name = type === UnitType.SERVIZIO && !/^Servizio\b/i.test(part) ? `Servizio ${part}` : part;
    const key = unitKey(name);
    if (!reading.draft.units.some((u) => u.key === key))
      reading.draft.units.push({ key, name, type, line: section?.line ?? null });
    return key;
  });
}

export function budgetOf(section: Section | undefined): string[] {
  const out: string[] = [];
  for (const l of section?.lines ?? []) {
    const t = l.text.trim();
    if (!t || /^Importo\b/.test(t)) continue;
    if (/^€/.test(t) || out.length === 0) out.push(t);
    else out[out.length - 1] = `${out[out.length - 1]} ${t}`;
  }
  return out.map((b) => b.replace(/\s+/g, ' '));
}

export function evidenceOf(section: Section | undefined): string[] {
  const out: string[] = [];
  for (const l of section?.lines ?? []) {
    const t = l.text.trim();
    if (/^\d+(\s*e\s*\d+)?\s+\S/.test(t)) out.push(t);
    else if (out.length && t && !/^[A-Z' ]+$/.test(t)) out[out.length - 1] = `${out[out.length - 1]} ${t}`;
  }
  return out.map((e) => e.replace(/\s+/g, ' '));
}

/** "3.106 euro x 5 = 15.530 euro": fund unit values, checked against the coefficient and the product (docs/scoring.md §5.9). */
export function readFunds(
  reading: BresciaReading,
  section: Section | undefined,
  relevance: Relevance | null,
  subject: string,
): void {
  if (!section) return;
  const expected =
    relevance === Relevance.HIGH ? 5 : relevance === Relevance.MEDIUM ? 3 : relevance === Relevance.LOW ? 1 : null;
  const found = section.lines.flatMap((l) => {
    const m = /([\d.]+)\s*euro\s*x\s*(\d+)\s*=\s*([\d.]+)\s*euro/i.exec(l.text);
    return m ? [{ line: l.no, unit: m[1], times: Number(m[2]), total: m[3], text: l.text.trim() }] : [];
  });
  const funds = [FundKind.DIRIGENTI, FundKind.DIPENDENTI];
  found.slice(0, 2).forEach((f, i) => {
    const fund = funds[i];
    const known = reading.fundUnits[fund];
    if (!known) {
      reading.fundUnits[fund] = f.unit;
      reading.draft.funds.push({ fund, unitValue: f.unit, note: `read from "${f.text}"`, line: f.line });
      reading.review.read(
        f.line,
        `fund ${fund}`,
        `Fund ${fund}: ${f.unit} € per relevance point.`,
        `Fondo ${fund}: ${f.unit} € per punto di rilevanza.`,
        f.text,
        'FUND_READ',
      );
    } else if (known !== f.unit) {
      reading.review.warning(
        f.line,
        subject,
        'INCENTIVE_MISMATCH',
        `The card prints ${f.unit} € per point for fund ${fund}; the plan's unit value is ${known} €. Incentive values are recomputed from ${known} €.`,
        `La scheda riporta ${f.unit} € per punto per il fondo ${fund}; il valore unitario del piano è ${known} €. I valori sono ricalcolati da ${known} €.`,
        f.text,
      );
    }
    const unit = num(reading.fundUnits[fund] as string);
    if (expected !== null && f.times !== expected) {
      reading.review.warning(
        f.line,
        subject,
        'INCENTIVE_MISMATCH',
        `Coefficient ×${f.times} printed, relevance says ×${expected}.`,
        `Coefficiente ×${f.times} stampato, la rilevanza indica ×${expected}.`,
        f.text,
      );
    } else if (Math.abs(num(f.total) - unit * f.times) > 0.5) {
      reading.review.warning(
        f.line,
        subject,
        'INCENTIVE_MISMATCH',
        `Printed incentive ${f.total} € differs from ${unit} × ${f.times} = ${unit * f.times} €.`,
        `Valore stampato ${f.total} € diverso da ${unit} × ${f.times} = ${unit * f.times} €.`,
        f.text,
      );
    }
  });
}
