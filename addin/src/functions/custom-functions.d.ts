/**
 * The part of office.js's custom-functions runtime the add-in uses (the @types/custom-functions-runtime package is
 * not a dependency; these declarations follow its documented shape:
 * https://learn.microsoft.com/javascript/api/custom-functions-runtime).
 */
declare namespace CustomFunctions {
  interface Invocation {
    /** the cell calling the function, e.g. "Sheet1!B2" (with requiresAddress / requiresStreamAddress) */
    address?: string;
  }
  interface CancelableInvocation extends Invocation {
    onCanceled: () => void;
  }
  interface StreamingInvocation<ResultType> extends CancelableInvocation {
    setResult: (value: ResultType | Error) => void;
  }
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
    divisionByZero = '#DIV/0!',
    invalidNumber = '#NUM!',
    nullReference = '#NULL!',
    invalidName = '#NAME?',
    invalidReference = '#REF!',
  }
  class Error {
    constructor(errorCode?: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }
  function associate(id: string, functionObject: (...args: any[]) => unknown): void;
}
