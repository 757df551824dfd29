import { Role } from '@core/vocabulary/roles';
import { authenticate, type Principal } from '../../server/auth/authenticate';
import { KEPT_TOKENS, KeptPrincipals } from '../../server/auth/kept-principals';
import { openOrm, type Orm } from '../../server/db/orm';
import { ApiToken, Membership, Organisation, User } from '../../server/entities';
import { createUser, grantRole, issueToken } from '../../server/services/users';
import { databaseFor, databaseNames } from '../helpers/databases';

/**
 * A token's user and memberships are kept between its requests (server/auth/kept-principals.ts) and reused only
 * while their rows are unchanged: every change that moves what a request may do is seen by the very next request,
 * whether the ORM made it or a plain statement (another instance, an operator's SQL) did.
 */
describe.each(databaseNames())('kept principals (%s)', (dialect) => {
  const databases = databaseFor(dialect);
  let orm: Orm;
  let token: string;
  let tokenId: string;
  let userId: string;
  let orgs: string[];
  const now = () => new Date();
  const as = async (): Promise<Principal> => authenticate(orm.em, `Bearer ${token}`, now());
  /** what a request may do, as the rest of the server reads it */
  const seen = (p: Principal) => ({
    name: p.user.name,
    email: p.user.email,
    admin: p.access.systemAdmin,
    roles: orgs.map((org) => p.access.roleIn(org)),
    units: orgs.map((org) => p.access.unitsIn(org)),
    tokenId: p.tokenId,
  });
  const failure = () =>
    as().then(
      () => null,
      (error: { reason?: string }) => error.reason,
    );
  /** a change written with a plain statement, as another instance's or an operator's would be */
  const update = (entity: 'token' | 'user' | 'membership', id: string, values: Record<string, unknown>) =>
    orm.em.fork().nativeUpdate(entity === 'token' ? ApiToken : entity === 'user' ? User : Membership, { id }, values);

  beforeAll(async () => {
    orm = await openOrm(await databases.create());
    const em = orm.em.fork();
    const a = em.create(Organisation, { code: 'A', name: 'Ente A' });
    const b = em.create(Organisation, { code: 'B', name: 'Ente B' });
    await em.flush();
    orgs = [a.id, b.id];
    const user = await createUser(em, { email: 'anna@test.local', name: 'Anna' });
    userId = user.id;
    await grantRole(em, user, 'A', Role.VIEWER);
    const issued = await issueToken(em, user, { label: 'pane' });
    token = issued.token;
    tokenId = issued.record.id;
  });

  afterAll(async () => {
    await orm.close(true);
    await databases.dropAll();
  });

  it('reuses the entities of the last lookup while the rows are the same', async () => {
    // the first request also writes the token's last use: a hint, not compared
    const first = await as();
    const second = await as();
    expect(seen(second)).toEqual(seen(first));
    expect(second.user).toBe(first.user);
  });

  it('sees at once every change of the user, the token or the memberships', async () => {
    const membershipId = (await orm.em.fork().findOneOrFail(Membership, { user: userId })).id;
    await as();
    await update('user', userId, { name: 'Anna Rossi' });
    expect(seen(await as()).name).toBe('Anna Rossi');
    await update('membership', membershipId, { role: Role.UNIT_EDITOR, unitIds: ['u1'] });
    expect(seen(await as())).toMatchObject({ roles: [Role.UNIT_EDITOR, null], units: [['u1'], null] });
    await update('membership', membershipId, { unitIds: ['u1', 'u2'] });
    expect(seen(await as()).units).toEqual([['u1', 'u2'], null]);
    const em = orm.em.fork();
    await grantRole(em, await em.findOneOrFail(User, userId), 'B', Role.CONTROLLER);
    expect(seen(await as()).roles).toEqual([Role.UNIT_EDITOR, Role.CONTROLLER]);
    await orm.em.fork().nativeDelete(Membership, { id: membershipId });
    expect(seen(await as()).roles).toEqual([null, Role.CONTROLLER]);
    await update('user', userId, { systemAdmin: true });
    expect(seen(await as()).admin).toBe(true);
    await update('user', userId, { systemAdmin: false, active: false });
    expect(await failure()).toBe('USER_DISABLED');
    await update('user', userId, { active: true });
    expect(await failure()).toBeNull();
    await update('token', tokenId, { expiresAt: new Date(Date.now() - 1000) });
    expect(await failure()).toBe('TOKEN_EXPIRED');
    await update('token', tokenId, { expiresAt: null, revokedAt: new Date() });
    expect(await failure()).toBe('TOKEN_REVOKED');
    await orm.em.fork().nativeDelete(ApiToken, { id: tokenId });
    expect(await failure()).toBe('INVALID_TOKEN');
  });

  it('expires a kept token by the clock, with its rows unchanged', async () => {
    const em = orm.em.fork();
    const user = await em.findOneOrFail(User, userId);
    const soon = new Date(Date.now() + 60_000);
    const issued = await issueToken(em, user, { label: 'short', expiresAt: soon });
    const at = (time: Date) => authenticate(orm.em, `Bearer ${issued.token}`, time);
    await at(new Date());
    await at(new Date());
    await expect(at(new Date(soon.getTime() + 1))).rejects.toMatchObject({ reason: 'TOKEN_EXPIRED' });
  });

  it('keeps the tokens in use: a token read again outlives the ones kept after it', () => {
    const kept = new KeptPrincipals<string>(orm.em);
    kept.keep('in use', '[rows]', 'Anna');
    for (let n = 1; n < KEPT_TOKENS; n++) kept.keep(`other ${n}`, '[]', 'someone');
    // the pane's next request: the same rows, a hit
    expect(kept.get('in use', '[rows]')).toBe('Anna');
    kept.keep('one more', '[]', 'someone');
    // the least recently used left, not the token read a moment ago
    expect(kept.get('in use', '[rows]')).toBe('Anna');
    expect(kept.get('other 1', '[]')).toBeUndefined();
    expect(kept.get('other 2', '[]')).toBe('someone');
  });
});
