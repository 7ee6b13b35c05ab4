/** Stable error codes: a public contract, mapped once to HTTP status and once to CLI exit codes. */
export const ERROR_CODES = {
  invalid_input: { http: 400, exit: 2 },
  question_invalid: { http: 400, exit: 2 },
  question_not_found: { http: 404, exit: 2 },
  document_not_found: { http: 404, exit: 2 },
  answer_too_long: { http: 413, exit: 2 },
  file_not_found: { http: 404, exit: 2 },
  file_unreadable: { http: 400, exit: 2 },
  document_unsupported: { http: 415, exit: 2 },
  document_too_long: { http: 413, exit: 2 },
  audio_invalid: { http: 415, exit: 2 },
  audio_silent: { http: 422, exit: 2 },
  audio_too_long: { http: 413, exit: 2 },
  session_not_found: { http: 404, exit: 2 },
  recording_not_found: { http: 404, exit: 2 },
  recordings_off: { http: 409, exit: 2 },
  exercise_invalid: { http: 400, exit: 2 },
  exercise_not_found: { http: 404, exit: 2 },
  submission_too_large: { http: 413, exit: 2 },
  session_finished: { http: 409, exit: 2 },
  answer_conflict: { http: 409, exit: 2 },
  database_too_new: { http: 500, exit: 3 },
  database_error: { http: 500, exit: 3 },
  config_invalid: { http: 500, exit: 2 },
  request_too_large: { http: 413, exit: 2 },
  headers_too_large: { http: 431, exit: 2 },
  unsupported_media_type: { http: 415, exit: 2 },
  host_not_allowed: { http: 403, exit: 2 },
  origin_not_allowed: { http: 403, exit: 2 },
  method_not_allowed: { http: 405, exit: 2 },
  sign_in_required: { http: 401, exit: 2 },
  sign_in_failed: { http: 401, exit: 2 },
  csrf_invalid: { http: 403, exit: 2 },
  forbidden: { http: 403, exit: 2 },
  rate_limited: { http: 429, exit: 2 },
  user_exists: { http: 409, exit: 2 },
  user_not_found: { http: 404, exit: 2 },
  cohort_not_found: { http: 404, exit: 2 },
  attempt_not_found: { http: 404, exit: 2 },
  internal: { http: 500, exit: 1 },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error meant for the user: a stable code and a message that says what to do. */
export class LoopCoachError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LoopCoachError';
    this.code = code;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }

  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

export function isLoopCoachError(error: unknown): error is LoopCoachError {
  return error instanceof LoopCoachError;
}

/** The longest answer the engine accepts, in characters. */
export const MAX_ANSWER_CHARS = 20_000;
