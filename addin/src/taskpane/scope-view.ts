/**
 * The rows of a new binding's sheet (issue 18, item 7): "Tutto il piano", "Una unità responsabile" or "Un cruscotto",
 * and which one. Carica passes the choice to the session; the binding keeps it (its slot), and every later read and
 * Sync of that sheet is of that unit or cruscotto alone (docs/sheet-contract.md). A sheet bound already keeps its own.
 * The units and cruscotti offered are those the server would accept from this user (bindableScopes): a unit editor
 * sees their own; when there is none to offer, a note says why (no unit assigned, none of theirs owns a cruscotto).
 */
import type { Language } from '../i18n';
import type { WorkbookSession } from '../sync/session';
import type { ScopeChoices } from '../sync/session-core';
import type { BindingScope, PlanChoice } from '../sync/types';
import { byId, options } from './dom';
import { bindingsWords } from './bindings-words';

type Kind = 'whole' | BindingScope['kind'];

export class ScopeView {
  private readonly words: (typeof bindingsWords)['it'];
  private choices: ScopeChoices | null = null;
  private planId: string | null = null;
  private plan: PlanChoice | undefined;

  constructor(
    private readonly session: WorkbookSession,
    language: Language,
    /** the choice changed: the pane turns Carica and Collega off while there is nothing to choose (value() null) */
    private readonly changed: () => void = () => {},
  ) {
    this.words = bindingsWords[language];
    byId('scope-kind-label').textContent = this.words.scope;
    byId('scope-target-label').textContent = this.words.scopeTarget;
    options(
      byId('scope-kind'),
      [
        { value: 'whole', label: this.words.scopeWhole },
        { value: 'unit', label: this.words.scopeUnit },
        { value: 'dashboard', label: this.words.scopeDashboard },
      ],
      'whole',
    );
    byId('scope-kind').addEventListener('change', () => void this.render());
    void this.render();
  }

  /** another plan was chosen: its units and cruscotti are asked for when a scope is chosen */
  planChanged(plan: PlanChoice | undefined): void {
    if ((plan?.planId ?? null) === this.planId) return;
    this.planId = plan?.planId ?? null;
    this.choices = null;
    this.plan = plan;
    void this.render();
  }

  /** the user left: the next one's units and cruscotti are asked for again (a unit editor's are not an admin's) */
  forget(): void {
    this.planId = null;
    this.choices = null;
  }

  /**
   * the scope chosen, undefined for the whole plan, or null when a unit or cruscotto is asked for and there is none
   * to choose (the note says why): Carica then loads nothing rather than the whole plan the user did not ask for
   */
  value(): BindingScope | undefined | null {
    const kind = this.kind();
    if (kind === 'whole') return undefined;
    const id = byId<HTMLSelectElement>('scope-target').value;
    const found = this.choices?.[kind].find((c) => c.id === id);
    return found ? { ...found } : null;
  }

  private kind(): Kind {
    return byId<HTMLSelectElement>('scope-kind').value as Kind;
  }

  private async render(): Promise<void> {
    await this.show();
    this.changed();
  }

  private async show(): Promise<void> {
    const kind = this.kind();
    const target = byId<HTMLSelectElement>('scope-target');
    const empty = byId('scope-empty');
    byId('scope-target-field').hidden = kind === 'whole';
    empty.hidden = true;
    if (kind === 'whole') return;
    // the server lists only what this user may bind (bindableScopes): a unit editor's own units and their cruscotti
    if (!this.choices && this.plan) {
      // never the previous plan's or user's list while this one's is asked for
      target.replaceChildren();
      this.choices = await this.session.sheetScopes(this.plan).catch(() => null);
    }
    if (kind !== this.kind()) return;
    const list = this.choices?.[kind] ?? [];
    options(
      target,
      list.map((c) => ({ value: c.id, label: c.name })),
      list[0]?.id,
    );
    target.disabled = list.length === 0;
    if (list.length > 0 || !this.choices) return;
    empty.hidden = false;
    empty.textContent = this.emptyWords(kind, this.choices);
  }

  /** why there is nothing to choose: no unit assigned, none of their cruscotti, or none in the plan at all */
  private emptyWords(kind: BindingScope['kind'], choices: ScopeChoices): string {
    if (choices.limitedToOwnUnits && choices.unit.length === 0) return this.words.scopeUnassigned;
    if (kind === 'unit') return this.words.scopeNoUnits;
    return choices.limitedToOwnUnits ? this.words.scopeNoOwnDashboards : this.words.scopeNone;
  }
}
