/**
 * A failed API call as the server described it: a stable code, a message already in the reader's
 * language, and the request field it is about (if any). The interface shows `message`, never `code`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The whole error answer, for the few errors that carry more (an import's problems by line). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server could not be reached or answered with something that is not Kopa's error shape. */
  get isNetworkFailure(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
