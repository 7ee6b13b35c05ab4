/**
 * Input limits shared by the library, the CLI and the API contract (src/api), kept free of I/O so
 * the web app can read them through the contract's types.
 */

/** The most YAML one import of the user's own questions takes, in characters. */
export const MAX_IMPORT_CHARS = 200_000;

/** The most questions a tailored plan holds. */
export const MAX_PLAN_COUNT = 30;

/** The largest document (job posting, résumé) read, in bytes. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
