import type { ErrorCode, ErrorParams } from '@comptoir/protocol';

/**
 * A failure the caller can understand and act on: a stable code from @comptoir/protocol's
 * error table and the values its message needs. Services throw it; transports translate it.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }
}
