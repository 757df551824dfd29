/**
 * Errors as Office.js raises them: an OfficeExtension.Error whose `code` is one of Excel.ErrorCodes / OfficeExtension
 * .ErrorCodes and whose debugInfo names the failing call. Codes and messages follow
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling and the
 * Excel.ErrorCodes enum (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes).
 */
export class OfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    // Office.js names its errors this way; tests that log them read like real failures
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): OfficeError {
  return new OfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function itemNotFound(what: string, location?: string): OfficeError {
  return new OfficeError('ItemNotFound', `The requested resource doesn't exist. (${what})`, location);
}

export function invalidArgument(detail: string, location?: string): OfficeError {
  return new OfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. (${detail})`,
    location,
  );
}

export function invalidOperation(detail: string, location?: string): OfficeError {
  return new OfficeError('InvalidOperation', `The operation is not valid for the current state. (${detail})`, location);
}

/**
 * Writing to a locked cell of a protected sheet. Office does not document the code per operation; the Excel engine
 * behind Office.js and Microsoft Graph answers "AccessDenied: You cannot perform the requested operation." (reported in
 * https://github.com/microsoftgraph/microsoft-graph-docs/issues/4546 for a range write over a locked cell), which is
 * the `accessDenied` member of https://learn.microsoft.com/javascript/api/excel/excel.errorcodes.
 */
export function accessDenied(location?: string): OfficeError {
  return new OfficeError('AccessDenied', 'You cannot perform the requested operation.', location);
}

/** https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins */
export function payloadTooLarge(which: 'Request' | 'Response', bytes: number, limit: number): OfficeError {
  return new OfficeError(
    `${which}PayloadSizeLimitExceeded`,
    `The ${which.toLowerCase()} payload size (${bytes} bytes) has exceeded the limit (${limit} bytes).`,
  );
}
