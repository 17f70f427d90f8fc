/**
 * The keys of a record of choices, in the order written, as a non-empty tuple for `z.enum`. A
 * closed set of choices is written once, as its labels (or statuses, or any value per choice),
 * and its list and schema are derived: adding a choice is one line in one place.
 * Keys must not look like whole numbers (JavaScript puts those first, out of written order).
 */
export function keysOf<Key extends string>(record: Readonly<Record<Key, unknown>>): [Key, ...Key[]] {
  const keys = Object.keys(record) as Key[];
  if (keys.length === 0 || keys.some((key) => /^\d+$/.test(key))) {
    throw new RangeError("keysOf needs at least one key, none of them a whole number");
  }
  return keys as [Key, ...Key[]];
}
