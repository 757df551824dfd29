import { Role } from '@core/vocabulary/roles';
import { ForbiddenError } from '../errors';

/**
 * What a caller may do. `plan` covers everything structural (the plan tree, targets, units, people, profiles,
 * locks, approval); `actuals` the actual values of indicators (for a unit editor: of their units only);
 * `admin` the organisation itself; `system` creating and deleting organisations.
 */
export type Action = 'read' | 'actuals' | 'plan' | 'admin' | 'system';

export type Grant = { orgId: string; role: Role; unitIds: string[] };

const RANK: Record<Role, number> = { [Role.VIEWER]: 0, [Role.UNIT_EDITOR]: 1, [Role.CONTROLLER]: 2, [Role.ADMIN]: 3 };
const NEEDS: Record<Exclude<Action, 'system'>, Role> = {
  read: Role.VIEWER,
  actuals: Role.UNIT_EDITOR,
  plan: Role.CONTROLLER,
  admin: Role.ADMIN,
};

const ACTION_WORDS: Record<Action, string> = {
  read: 'read',
  actuals: 'enter actual values',
  plan: 'change the plan',
  admin: 'administer the organisation',
  system: 'create or delete organisations (system administrators only)',
};

export class Access {
  private readonly grants: Map<string, Grant>;

  constructor(
    readonly systemAdmin: boolean,
    grants: Grant[],
    readonly actor: string | null = null,
  ) {
    this.grants = new Map(grants.map((g) => [g.orgId, g]));
  }

  /** In-process callers (seed, command line) that act for the system. */
  static system(actor = 'system'): Access {
    return new Access(true, [], actor);
  }

  /** The organisations whose rows this caller may read; null means all of them. */
  readableOrgIds(): string[] | null {
    return this.systemAdmin ? null : [...this.grants.keys()];
  }

  roleIn(orgId: string): Role | null {
    return this.systemAdmin ? Role.ADMIN : (this.grants.get(orgId)?.role ?? null);
  }

  /**
   * The units a caller's work is limited to in an organisation: a unit editor's own, or a viewer's when the grant
   * names some; null when their work spans the whole organisation (controllers, admins, system administrators).
   */
  unitsIn(orgId: string): string[] | null {
    if (this.systemAdmin) return null;
    const grant = this.grants.get(orgId);
    if (!grant || RANK[grant.role] >= RANK[Role.CONTROLLER]) return null;
    return grant.role === Role.UNIT_EDITOR || grant.unitIds.length > 0 ? grant.unitIds : null;
  }

  /**
   * `unitIds`: for `actuals`, the responsible units of the indicator; a unit editor may write when one of them is
   * theirs. Controllers and admins may write the actuals of every indicator of their organisation.
   */
  can(orgId: string | null, action: Action, unitIds?: readonly string[]): boolean {
    if (this.systemAdmin) return true;
    if (action === 'system' || !orgId) return false;
    const grant = this.grants.get(orgId);
    if (!grant || RANK[grant.role] < RANK[NEEDS[action]]) return false;
    if (action === 'actuals' && grant.role === Role.UNIT_EDITOR) {
      return (unitIds ?? []).some((id) => grant.unitIds.includes(id));
    }
    return true;
  }

  check(orgId: string | null, action: Action, unitIds?: readonly string[]): void {
    if (this.can(orgId, action, unitIds)) return;
    const role = orgId ? this.roleIn(orgId) : null;
    const why = action === 'actuals' && role === Role.UNIT_EDITOR ? ' of indicators outside your units' : '';
    throw new ForbiddenError(
      `You may not ${ACTION_WORDS[action]}${why} here${role ? ` (your role: ${role})` : ''}`,
      action,
      role,
    );
  }
}
