/** A file the tool cannot read at all. Reported with its code and exit status 2. */
export type LoadErrorCode =
  | 'E_NOT_FOUND'
  | 'E_IS_DIRECTORY'
  | 'E_EMPTY'
  | 'E_UNSUPPORTED'
  | 'E_CORRUPT'
  | 'E_WRONG_TYPE'
  | 'E_ENCRYPTED'
  | 'E_NO_TEXT'
  | 'E_NO_TABLES'
  | 'E_UNREADABLE';

export class LoadError extends Error {
  constructor(
    readonly code: LoadErrorCode,
    /** Values for the message template of this code. */
    readonly params: Record<string, string> = {},
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'LoadError';
  }
}
