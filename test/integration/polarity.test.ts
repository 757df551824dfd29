import { describeOnSondrio } from '../helpers/sondrio-server';
import { ok, outcomes, type SheetRowIn } from '../helpers/sync';

/**
 * Issue 14, item 1 and defects 1-2: a plan typed as the documents print it, with no polarity, scores as if every
 * deadline and yes/no had been declared; a date under a numeric rule and "SI/NO" as an actual are refused on their
 * cell with the reason; a keyword never changes a score.
 */

type Typed = { code: string; title: string; target: string; actual: string; declared: string };

const TYPED: Typed[] = [
  {
    code: 'P.1',
    title: 'Approvazione regolamento entro il 30/06/2022',
    target: '30/06/2022',
    actual: '15/06/2022',
    declared: 'scadenza',
  },
  {
    code: 'P.2',
    title: 'Attivazione servizio entro il 30/06/2022',
    target: '30/06/2022',
    actual: '10/07/2022',
    declared: 'scadenza',
  },
  { code: 'P.3', title: 'Pubblicazione bando', target: 'luglio 2022', actual: '31/07/2022', declared: 'scadenza' },
  { code: 'P.4', title: 'Adozione del piano formativo', target: 'SI/NO', actual: 'SI', declared: 'SI/NO' },
  { code: 'P.5', title: 'Revisione della carta dei servizi', target: 'SI/NO', actual: 'NO', declared: 'SI/NO' },
  {
    code: 'P.6',
    title: 'Tempo medio di evasione delle pratiche (gg)',
    target: '30',
    actual: '45',
    declared: 'maggiore',
  },
];

const rowOf = (t: Typed, parentRef: string, suffix: string, polarity?: string): SheetRowIn => ({
  clientRef: `${t.code}${suffix}`,
  level: 'azione',
  code: `${t.code}${suffix}`,
  title: t.title,
  parentRef,
  weight: '10',
  target: t.target,
  actual: t.actual,
  ...(polarity ? { polarity } : {}),
});

describeOnSondrio('polarity from the value (issue 14) (%s)', (sondrio) => {
  it('a plan typed without polarity scores as if every deadline and yes/no had been declared', async () => {
    const { plan, sheet } = sondrio;
    const parentRef = plan.operational('1.3').rowId;
    const typed = await sheet.sync(TYPED.map((t) => rowOf(t, parentRef, '')));
    const declared = await sheet.sync(TYPED.map((t) => rowOf(t, parentRef, 'd', t.declared)));
    expect(outcomes(typed)).toEqual(TYPED.map(() => ['CREATED', []]));
    expect(outcomes(declared)).toEqual(TYPED.map(() => ['CREATED', []]));
    const scores = (r: typeof typed) => r.rows.map((row) => [row.realization?.status, row.realization?.display]);
    expect(scores(typed)).toEqual([
      ['SCORED', '100%'],
      ['SCORED', '0%'],
      ['SCORED', '100%'],
      ['SCORED', '100%'],
      ['SCORED', '0%'],
      // "tempo medio" mentions time, but words never decide: the default (higher) scores 100%, not 30/45
      ['SCORED', '100%'],
    ]);
    expect(scores(typed)).toEqual(scores(declared));

    const polarities = await Promise.all(TYPED.map((t) => sheet.row('indicator', t.code)));
    expect(polarities.map((r) => r.polarity)).toEqual([
      'DEADLINE',
      'DEADLINE',
      'DEADLINE',
      'BOOLEAN',
      'BOOLEAN',
      'HIGHER',
    ]);
    // the answer says the polarity was inferred, and from what
    const first = typed.rows[0].realization!.explanation;
    expect(first.polarity).toBe('deadline');
    expect(first.polarityInferred.evidence).toContain('dedotta dal target "30/06/2022", una data: scadenza');
    expect(first.polarityInferred.evidence).toContain('inferred from the target "30/06/2022", a date: deadline');
    expect(declared.rows[0].realization!.explanation.polarityInferred).toBeUndefined();
    expect(typed.rows[5].realization!.explanation.polarityInferred.evidence).toContain('(default)');
  });

  it('defect 1 · a date actual on a numeric indicator is refused on its cell, not scored invalid in silence', async () => {
    const { plan, sheet } = sondrio;
    const events = plan.indicator('1.1.2');
    const result = await sheet.sync([{ rowId: events.rowId, rowVersion: events.rowVersion, actual: '15/06/2022' }]);
    expect(outcomes(result)).toEqual([['REJECTED', ['actual:DATE_UNDER_NUMERIC_RULE']]]);
    expect(result.rows[0].errors[0].messageIt).toBe(
      '"15/06/2022" è una data, ma questo indicatore confronta numeri (più alto è meglio): impostare la polarità scadenza, oppure inserire un numero',
    );
    expect(result.rows[0].errors[0].message).toContain('is a date, but this indicator compares numbers');
  });

  it('defect 1 · a date target with a declared numeric polarity is refused on the target cell', async () => {
    const { plan, sheet } = sondrio;
    const result = await sheet.sync([
      rowOf(
        { code: 'P.9', title: 'Entro il 30/06', target: '30/06/2022', actual: '15/06/2022', declared: '' },
        plan.operational('1.3').rowId,
        '',
        'maggiore',
      ),
    ]);
    expect(outcomes(result)).toEqual([['REJECTED', ['target:DATE_UNDER_NUMERIC_RULE']]]);
  });

  it('defect 1 · a deadline typed as plans print it ("entro il 30/06") is refused with the date to type alone', async () => {
    const { plan, sheet } = sondrio;
    const parent = plan.operational('1.3').rowId;
    const row = (code: string, target: string) => ({
      level: 'azione',
      code,
      title: 'Adozione',
      parentRef: parent,
      target,
    });
    const result = await sheet.sync([
      row('P.11', 'entro il 30/06/2022'),
      row('P.12', 'entro il 30/06'),
      row('P.13', 'verifica 1.2.3'),
    ]);
    expect(outcomes(result)).toEqual([
      ['REJECTED', ['target:DATE_IN_TEXT']],
      ['REJECTED', ['target:DATE_IN_TEXT']],
      ['REJECTED', ['target:NOT_A_VALUE']],
    ]);
    expect(result.rows[0].errors[0].messageIt).toBe(
      '"entro il 30/06/2022" è testo attorno a una data: per una scadenza scrivere solo la data (30/06/2022); l\'indicatore diventa così una scadenza',
    );
    // "entro il 30/06" has no year: the batch's year completes the date to type
    expect(result.rows[1].errors[0].messageIt).toContain('scrivere solo la data (30/06/2022)');
    // typed as suggested, the same row is a deadline, inferred from the value
    const typed = await sheet.sync([row('P.11', '30/06/2022')]);
    expect(outcomes(typed)).toEqual([['CREATED', []]]);
    expect(typed.rows[0].realization?.explanation.polarityInferred.evidence).toContain('una data: scadenza');
  });

  it('defect 2 · "SI/NO" as an actual is refused with the parser\'s reason, not NOT_A_VALUE', async () => {
    const { sheet } = sondrio;
    const events = await sheet.row('indicator', '1.1.2');
    const result = await sheet.sync([{ rowId: events.rowId, rowVersion: events.rowVersion, actual: 'SI/NO' }]);
    expect(outcomes(result)).toEqual([['REJECTED', ['actual:BOOLEAN_TARGET_FORM']]]);
    expect(result.rows[0].errors[0].messageIt).toContain('come valore ottenuto inserire SI oppure NO');
  });

  it('a date typed later on an indicator nobody confirmed turns it into a deadline', async () => {
    const { plan, sheet } = sondrio;
    const created = await sheet.sync([
      {
        clientRef: 'late',
        level: 'azione',
        code: 'P.10',
        title: 'Entro',
        parentRef: plan.operational('1.3').rowId,
        weight: '10',
      },
    ]);
    expect(outcomes(created)).toEqual([['CREATED', []]]);
    const row = await sheet.row('indicator', 'P.10');
    expect(row.polarity).toBe('HIGHER');
    const typed = await sheet.sync([
      { rowId: row.rowId, rowVersion: row.rowVersion, target: '30/06/2022', actual: '01/06/2022' },
    ]);
    expect(outcomes(typed)).toEqual([['UPDATED', []]]);
    expect(typed.rows[0].realization).toMatchObject({ status: 'SCORED', display: '100%' });
    expect((await sheet.row('indicator', 'P.10')).polarity).toBe('DEADLINE');
  });

  it('the GraphQL mutations decide it from the value too, audited, and a stated polarity is confirmed', async () => {
    const { server, plan } = sondrio;
    const oo = plan.operational('1.3').rowId;
    const create = (code: string, polarity = '') =>
      server.gql(
        `mutation($oo: ID!) { createIndicator(input: { operationalObjectiveId: $oo, code: "${code}", title: "Entro il 30/06" ${polarity} }) { id polarity polarityConfirmed polarityEvidence } }`,
        { oo },
      );
    const typed = ok(await create('G.1')).createIndicator;
    expect(typed).toMatchObject({ polarity: 'HIGHER', polarityConfirmed: false });
    expect(typed.polarityEvidence).toContain('nessun target ancora');
    const stated = ok(await create('G.2', ', polarity: HIGHER')).createIndicator;
    expect(stated).toMatchObject({ polarity: 'HIGHER', polarityConfirmed: true, polarityEvidence: null });

    const setTarget = (id: string) =>
      server.gql(
        `mutation($i: ID!) { createTarget(input: { indicatorId: $i, year: 2022, value: "30/06/2022" }) { id } }`,
        {
          i: id,
        },
      );
    const setActual = (id: string) =>
      server.gql(
        `mutation($i: ID!) { createMeasurement(input: { indicatorId: $i, year: 2022, value: "20/06/2022" }) { id } }`,
        { i: id },
      );
    ok(await setTarget(typed.id));
    ok(await setActual(typed.id));
    // a polarity a person stated is never overridden: a date for it is refused with the reason, not scored invalid
    for (const refused of [await setTarget(stated.id), await setActual(stated.id)]) {
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].extensions?.problems).toEqual([
        {
          field: 'value',
          code: 'DATE_UNDER_NUMERIC_RULE',
          message: expect.stringContaining('is a date, but this indicator compares numbers (higher)'),
          messageIt: expect.stringMatching(/^"\d\d\/06\/2022" è una data, ma questo indicatore confronta numeri/),
        },
      ]);
    }
    const read = async (id: string) =>
      ok(
        await server.gql(
          `query($id: ID!) { indicator(id: $id) { polarity polarityEvidence realization(year: 2022) { status display errors explanation } } }`,
          { id },
        ),
      ).indicator;
    const inferred = await read(typed.id);
    expect(inferred).toMatchObject({ polarity: 'DEADLINE', realization: { status: 'SCORED', display: '100%' } });
    expect(inferred.realization.explanation.polarityInferred.evidence).toContain('una data: scadenza');
    expect((await read(stated.id)).polarity).toBe('HIGHER');
    const history = ok(
      await server.gql(
        `query($id: ID!) { auditEvents(filter: { entityId: $id }) { edges { node { action after } } } }`,
        {
          id: typed.id,
        },
      ),
    );
    expect(
      history.auditEvents.edges.some((e: any) => e.node.action === 'UPDATE' && e.node.after.polarity === 'deadline'),
    ).toBe(true);
  });

  it('defect 2 · planLint says true things about polarity, in Italian and English, and confirmPolarities settles them, audited', async () => {
    const { server, plan, sheet } = sondrio;
    const parentRef = plan.operational('1.4').rowId;
    const row = (code: string, title: string, target: string, actual: string): SheetRowIn => ({
      clientRef: code,
      level: 'azione',
      code,
      title,
      parentRef,
      weight: '10',
      target,
      actual,
    });
    const created = await sheet.sync([
      row('L.1', 'Numero di eventi organizzati', '50', '40'),
      row('L.2', 'Affluenza agli sportelli', 'monitoraggio', '120'),
      row('L.3', 'Tempo medio di evasione delle pratiche', '30', '45'),
      row('L.4', 'Approvazione entro il 30/06', '30/06/2022', '01/07/2022'),
    ]);
    expect(outcomes(created)).toEqual([0, 1, 2, 3].map(() => ['CREATED', []]));
    const [plain, , keyword, deadline] = created.rows.map((r) => r.rowId!);
    const lint = async () =>
      (
        ok(
          await server.gql(`query($p: ID!) { planLint(planId: $p) { code subjectId subjectCode message messageIt } }`, {
            p: plan.planId,
          }),
        ).planLint as Array<{
          code: string;
          subjectId: string;
          subjectCode: string;
          message: string;
          messageIt: string;
        }>
      ).filter((i) => i.subjectCode?.startsWith('L.') && i.code.startsWith('POLARITY'));
    const issues = await lint();
    expect(issues.map((i) => [i.subjectCode, i.code])).toEqual([
      ['L.1', 'POLARITY_NOT_STATED'],
      ['L.3', 'POLARITY_SUGGESTION'],
      ['L.4', 'POLARITY_UNCONFIRMED'],
    ]);
    const [notStated, suggestion, unconfirmed] = issues;
    expect(notStated.message).not.toContain('inferred');
    expect(notStated.messageIt).toBe(
      'polarità non indicata: si usa più alto è meglio (predefinita); confermarla («Conferma tutte» nel riquadro Excel) o cambiarla',
    );
    expect(suggestion.messageIt).toContain('il KPI cita "tempo": forse più basso è meglio');
    expect(suggestion.message).toContain('the KPI mentions "tempo": lower may be better');
    expect(unconfirmed.messageIt).toContain('polarità dedotta dai valori, da confermare (scadenza)');
    expect(unconfirmed.messageIt).toContain('dedotta dal target "30/06/2022", una data');

    const confirm = (vars: Record<string, unknown>) =>
      server.gql(
        `mutation($p: ID!, $ids: [ID!], $all: Boolean, $accept: Boolean) {
          confirmPolarities(planId: $p, indicatorIds: $ids, all: $all, acceptSuggestions: $accept) { id polarity polarityConfirmed } }`,
        { p: plan.planId, ...vars },
      );
    expect(ok(await confirm({ ids: [deadline] })).confirmPolarities).toEqual([
      { id: deadline, polarity: 'DEADLINE', polarityConfirmed: true },
    ]);
    expect(ok(await confirm({ ids: [keyword], accept: true })).confirmPolarities).toEqual([
      { id: keyword, polarity: 'LOWER', polarityConfirmed: true },
    ]);
    // the suggestion, once accepted by a person, is what scores: 30/45
    const score = ok(
      await server.gql(`query($id: ID!) { indicator(id: $id) { realization(year: 2022) { display } } }`, {
        id: keyword,
      }),
    ).indicator.realization.display;
    expect(score).toBe('66.67%');
    expect((await lint()).map((i) => i.subjectCode)).toEqual(['L.1']);
    expect((await confirm({ all: true })).errors).toBeUndefined();
    expect(await lint()).toEqual([]);
    const audit = ok(
      await server.gql(
        `query($id: ID!) { auditEvents(filter: { entityId: $id }) { edges { node { action after } } } }`,
        {
          id: plain,
        },
      ),
    ).auditEvents.edges.map((e: any) => [e.node.action, e.node.after.polarityConfirmed]);
    expect(audit).toContainEqual(['UPDATE', true]);
    expect((await confirm({})).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
