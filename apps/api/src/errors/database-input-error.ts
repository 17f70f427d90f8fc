// When the database refuses a value it was sent (a byte it cannot store, a date out of its
// range, text that is not a valid uuid or JSON), the request was bad, not the server: a 400.
// The schemas at the edge refuse almost all of these first (decision record 016); this is the
// net behind them, so a value they let through never becomes a 500.

// PostgreSQL's class 22, "data exception": 22021 invalid byte sequence (U+0000), 22P02 invalid
// text representation, 22001 string too long, 22003 out of range, 22007/22008 bad datetime,
// 22P05 untranslatable character (in JSON), and the rest of the class.
const DATA_EXCEPTION = /^22[0-9A-Z]{3}$/;

// Prisma's codes for a value it or the database could not take: too long for the column,
// wrong type, failed validation, out of range, inconsistent data, not a 64-bit number.
const PRISMA_INPUT_CODES = new Set(["P2000", "P2006", "P2007", "P2019", "P2020", "P2023", "P2033"]);

// Where the PostgreSQL code sits: on a pg error itself, or on Prisma's error under
// meta.driverAdapterError.cause (as code or originalCode).
const NESTED_KEYS = ["cause", "meta", "driverAdapterError"] as const;
const CODE_KEYS = ["code", "originalCode"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function collectCodes(value: unknown, depth: number, codes: string[]): void {
  if (!isRecord(value) || depth > 5) return;
  for (const key of CODE_KEYS) {
    const code = value[key];
    if (typeof code === "string") codes.push(code);
  }
  for (const key of NESTED_KEYS) collectCodes(value[key], depth + 1, codes);
}

/**
 * The PostgreSQL SQLSTATE (preferred) or Prisma code when `error` is the database refusing a
 * value it was sent; null for any other error.
 */
export function findDatabaseInputErrorCode(error: unknown): string | null {
  const codes: string[] = [];
  collectCodes(error, 0, codes);
  return codes.find((code) => DATA_EXCEPTION.test(code)) ?? codes.find((code) => PRISMA_INPUT_CODES.has(code)) ?? null;
}
