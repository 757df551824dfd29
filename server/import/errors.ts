/** The text is not the format asked for, or no reader recognises it: a clear message, nothing written. */
export class ImportFormatError extends Error {}
