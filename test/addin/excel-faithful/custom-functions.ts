/**
 * Custom functions as Excel runs them, for the double: the add-in's metadata (functions.json and its localised
 * copies) names the functions under the manifest's namespace, CustomFunctions.associate binds their code, and a
 * formula calling one is computed by HyperFormula like any other, with Excel's asynchronous semantics: the cell
 * shows #BUSY! until the function answers; a streaming function's every setResult updates the cell (and whatever
 * depends on it); a CustomFunctions.Error shows its error value, its message kept for the user; a cell whose
 * formula no longer makes the call has its invocation cancelled (onCanceled). Excel calls the functions of one
 * recalculation one after the other in the same task, which is when an add-in's batching collects them.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from 'hyperformula';
import type { WorkbookModel } from './model';
import type { Scalar } from './values';

export type FunctionsMetadata = {
  functions: Array<{
    id: string;
    name: string;
    parameters: Array<{ name: string; type?: string; optional?: boolean }>;
    options?: { stream?: boolean; requiresAddress?: boolean; requiresStreamAddress?: boolean };
  }>;
};

export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** CustomFunctions.Error: what a function returns (or sets) for an error value with a readable message */
export class CustomFunctionsError {
  constructor(
    readonly code: string = ErrorCode.invalidValue,
    readonly message?: string,
  ) {}
}

const BUSY = '#BUSY!';
type Invocation = { address: string; setResult(value: unknown): void; onCanceled?: () => void };
type Call = { value?: Scalar; isError: boolean; message: string | null; invocation: Invocation };
type Declared = FunctionsMetadata['functions'][number];

const hosts = new WeakMap<WorkbookModel, CustomFunctionsHost>();
/** the host of the recalculation running now (HyperFormula's plugin is global; a recalculation is synchronous) */
let current: { host: CustomFunctionsHost; sheets: string[] } | null = null;

export class CustomFunctionsHost {
  private readonly code = new Map<string, (...args: unknown[]) => unknown>();
  /** "NAMESPACE.NAME" (every language) → the function's declaration */
  private readonly declared = new Map<string, Declared>();
  private readonly calls = new Map<string, Call>();
  private seen = new Set<string>();
  private scheduled = false;
  /** every invocation made, for tests: how many times Excel called the add-in */
  invocations = 0;

  constructor(
    private readonly model: WorkbookModel,
    /** recomputes the workbook after a result arrived (the double's automatic calculation) */
    private readonly recalculate: () => void,
  ) {
    hosts.set(model, this);
  }

  /** the metadata Excel read from the manifest's URLs, the default and each localised copy */
  register(namespace: string, ...metadata: FunctionsMetadata[]): void {
    for (const file of metadata)
      for (const declared of file.functions) this.declared.set(`${namespace}.${declared.name}`.toUpperCase(), declared);
    registerWithHyperFormula([...this.declared.entries()]);
    this.recalculate();
  }

  associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
    const pairs = typeof idOrMap === 'string' ? [[idOrMap, fn!] as const] : Object.entries(idOrMap);
    for (const [id, code] of pairs) this.code.set(id.toUpperCase(), code);
    // calls waiting for their code (Excel computes as soon as the runtime associates it)
    for (const [key, call] of this.calls) if (call.value === undefined) this.invoke(key, call);
  }

  /** what the cell shows for a call; the first time, the call goes to the add-in and the cell is busy */
  evaluate(name: string, args: unknown[], address: string): Scalar | CellError {
    const declared = this.declared.get(name.toUpperCase());
    if (!declared) return new CellError(ErrorType.NAME);
    const key = `${address}\u0000${declared.id}\u0000${JSON.stringify(args)}`;
    this.seen.add(key);
    let call = this.calls.get(key);
    if (!call) {
      call = { isError: false, message: null, invocation: this.invocation(key, address) };
      this.calls.set(key, call);
      this.invoke(key, call);
    }
    if (call.value === undefined) return new CellError(ErrorType.NA, BUSY);
    return call.isError ? new CellError(errorTypeOf(String(call.value)), call.message ?? undefined) : call.value;
  }

  /** the message of an error a function set on a cell ("Codice sconosciuto…"), as Excel shows it on the cell */
  message(address: string): string | null {
    for (const [key, call] of this.calls) if (key.startsWith(`${address}\u0000`) && call.isError) return call.message;
    return null;
  }

  beginRecalculation(): void {
    this.seen = new Set();
  }

  /** a call no formula makes any more is cancelled, as Excel cancels a streaming function's invocation */
  endRecalculation(): void {
    for (const [key, call] of this.calls) {
      if (this.seen.has(key)) continue;
      this.calls.delete(key);
      call.invocation.onCanceled?.();
    }
  }

  private invocation(key: string, address: string): Invocation {
    return {
      address,
      setResult: (value: unknown) => {
        const call = this.calls.get(key);
        if (!call) return;
        if (value instanceof CustomFunctionsError) {
          Object.assign(call, { value: value.code, isError: true, message: value.message ?? null });
        } else {
          Object.assign(call, { value: scalarOf(value), isError: false, message: null });
        }
        this.schedule();
      },
    };
  }

  private invoke(key: string, call: Call): void {
    const [, id, args] = key.split('\u0000');
    const code = this.code.get(id);
    if (!code) return;
    const declared = [...this.declared.values()].find((d) => d.id === id)!;
    const values = (JSON.parse(args) as unknown[]).concat();
    while (values.length < declared.parameters.length) values.push(null);
    this.invocations++;
    // asynchronous, as in Excel: the function runs after the recalculation that asked for it
    queueMicrotask(() => {
      try {
        const stream = declared.options?.stream;
        const result = code(...values, ...(stream || declared.options?.requiresAddress ? [call.invocation] : []));
        if (!stream) void Promise.resolve(result).then((v) => call.invocation.setResult(v));
      } catch (error) {
        call.invocation.setResult(new CustomFunctionsError(ErrorCode.invalidValue, String(error)));
      }
    });
  }

  /** results arriving together (one answer for a thousand cells) make one recalculation */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.recalculate();
    }, 0);
  }
}

function scalarOf(value: unknown): Scalar {
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return value === null || value === undefined ? 0 : String(value);
}

function errorTypeOf(code: string): ErrorType {
  const types: Record<string, ErrorType> = {
    '#N/A': ErrorType.NA,
    '#VALUE!': ErrorType.VALUE,
    '#DIV/0!': ErrorType.DIV_BY_ZERO,
    '#NUM!': ErrorType.NUM,
    '#REF!': ErrorType.REF,
    '#NAME?': ErrorType.NAME,
  };
  return types[code] ?? ErrorType.VALUE;
}

/** the host of a model's recalculation, set around HyperFormula's evaluation (formulas.ts) */
export function beginFunctions(model: WorkbookModel, sheets: string[]): CustomFunctionsHost | null {
  const host = hosts.get(model) ?? null;
  current = host ? { host, sheets } : null;
  host?.beginRecalculation();
  return host;
}

export function endFunctions(host: CustomFunctionsHost | null): void {
  current = null;
  host?.endRecalculation();
}

/** an error value a custom function left in a cell, told apart from HyperFormula's own */
export const isBusy = (message: string | undefined) => message === BUSY;

const registered = new Set<string>();

/** one HyperFormula plugin per set of new names: HyperFormula's function registry is global */
function registerWithHyperFormula(entries: Array<[string, Declared]>): void {
  const fresh = entries.filter(([name]) => !registered.has(name));
  if (!fresh.length) return;
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  for (const [name, declared] of fresh) {
    registered.add(name);
    translations[name] = name;
    implemented[name] = {
      method: 'customFunction',
      parameters: declared.parameters.map((p) => ({
        argumentType:
          p.type === 'number'
            ? FunctionArgumentType.NUMBER
            : p.type === 'string'
              ? FunctionArgumentType.STRING
              : FunctionArgumentType.SCALAR,
        optionalArg: Boolean(p.optional),
      })),
    };
  }
  class CustomFunctionsPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented as never;
    customFunction(
      ast: { procedureName: string; args: never[] },
      state: { formulaAddress: { sheet: number; row: number; col: number } },
    ) {
      const name = ast.procedureName.toUpperCase();
      return this.runFunction(ast.args, state as never, this.metadata(name), (...args: unknown[]) => {
        if (!current) return new CellError(ErrorType.NAME);
        const { sheet, row, col } = state.formulaAddress;
        return current.host.evaluate(name, args.map(plain), addressOf(current.sheets[sheet], row, col));
      });
    }
  }
  HyperFormula.registerFunctionPlugin(CustomFunctionsPlugin as never, { enGB: translations } as never);
}

/** an argument as Excel hands it to a function: an omitted or empty one is null */
function plain(value: unknown): unknown {
  if (value === undefined || typeof value === 'symbol') return null;
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: unknown }).val;
  return value;
}

function addressOf(sheet: string, row: number, column: number): string {
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  const name = /^[\p{L}_][\p{L}\p{N}_]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${letters}${row + 1}`;
}
