import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  generateReference,
  isValidReference,
  normaliseReference,
  REFERENCE_ALPHABET,
  ReferenceInputSchema,
  ReferenceSchema,
} from "./reference";

// A reference from seven chosen values instead of random ones.
function referenceFrom(values: readonly number[]): string {
  let next = 0;
  return generateReference(() => values[next++] ?? 0);
}

const sevenValues = fc.array(fc.integer({ min: 0, max: REFERENCE_ALPHABET.length - 1 }), {
  minLength: 7,
  maxLength: 7,
});
const anyReference = sevenValues.map(referenceFrom);

const VALID = "PSU-7K3F-9QX4";

function replaceCodeCharacter(reference: string, position: number, character: string): string {
  const code = [...reference.replaceAll("-", "").slice(3)];
  code[position] = character;
  return `PSU-${code.slice(0, 4).join("")}-${code.slice(4).join("")}`;
}

function swapCodeCharacters(reference: string, position: number): string {
  const code = [...reference.replaceAll("-", "").slice(3)];
  [code[position], code[position + 1]] = [code[position + 1] ?? "", code[position] ?? ""];
  return `PSU-${code.slice(0, 4).join("")}-${code.slice(4).join("")}`;
}

describe("the reference alphabet", () => {
  it("has 29 different characters, a prime, and none that are easily confused", () => {
    expect(REFERENCE_ALPHABET).toHaveLength(29);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(29);
    for (const confusable of "01ILOUZ") expect(REFERENCE_ALPHABET).not.toContain(confusable);
  });
});

describe("generateReference", () => {
  it.each([
    { values: [5, 17, 1, 13, 7, 21, 27], expected: VALID },
    { values: [0, 0, 0, 0, 0, 0, 0], expected: "PSU-2222-2222" },
    { values: [28, 28, 28, 28, 28, 28, 28], expected: "PSU-YYYY-YYY8" },
    { values: [1, 0, 0, 0, 0, 0, 0], expected: "PSU-3222-222Q" },
  ])("makes $expected from $values", ({ values, expected }) => {
    expect(referenceFrom(values)).toBe(expected);
  });

  it("asks for seven values below 29", () => {
    const asked: number[] = [];
    generateReference((maxExclusive) => {
      asked.push(maxExclusive);
      return 0;
    });
    expect(asked).toEqual([29, 29, 29, 29, 29, 29, 29]);
  });

  it.each([29, -1, 1.5, Number.NaN])("refuses a random source that returns %d", (value) => {
    expect(() => generateReference(() => value)).toThrow(RangeError);
  });

  it("always makes a reference that validates and survives normalising", () => {
    fc.assert(
      fc.property(anyReference, (reference) => {
        expect(reference).toMatch(/^PSU-[2-9A-HJKMNP-TV-Y]{4}-[2-9A-HJKMNP-TV-Y]{4}$/);
        expect(isValidReference(reference)).toBe(true);
        expect(ReferenceSchema.parse(reference)).toBe(reference);
        expect(normaliseReference(reference.toLowerCase().replaceAll("-", " "))).toBe(reference);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the check character", () => {
  it("catches every single-character substitution, the check character included", () => {
    fc.assert(
      fc.property(anyReference, (reference) => {
        for (let position = 0; position < 8; position++) {
          for (const character of REFERENCE_ALPHABET) {
            const changed = replaceCodeCharacter(reference, position, character);
            if (changed !== reference) expect(isValidReference(changed), changed).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("catches every swap of two different neighbours, across the dash and into the check character", () => {
    fc.assert(
      fc.property(anyReference, (reference) => {
        for (let position = 0; position < 7; position++) {
          const swapped = swapCodeCharacters(reference, position);
          if (swapped !== reference) expect(isValidReference(swapped), swapped).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("catches every substitution of every value at every position (exhaustive)", () => {
    // The checksum is linear, so whether a change from a to b at a position is caught does not
    // depend on the other characters: one reference per (position, a) covers every case.
    for (let position = 0; position < 7; position++) {
      for (let value = 0; value < 29; value++) {
        const values = [0, 0, 0, 0, 0, 0, 0];
        values[position] = value;
        const reference = referenceFrom(values);
        for (let other = 0; other < 8; other++) {
          for (const character of REFERENCE_ALPHABET) {
            const changed = replaceCodeCharacter(reference, other, character);
            if (changed !== reference) expect(isValidReference(changed), changed).toBe(false);
          }
        }
      }
    }
  });

  it("rejects the product brief's example, which was written by hand", () => {
    expect(isValidReference("PSU-7K3F-9QXW")).toBe(false);
  });
});

describe("isValidReference", () => {
  it.each([
    { text: VALID, valid: true },
    { text: "PSU-2222-2222", valid: true },
    { text: "psu-7k3f-9qx4", valid: false },
    { text: "PSU7K3F9QX4", valid: false },
    { text: "PSU-7K3F9QX4", valid: false },
    { text: " PSU-7K3F-9QX4", valid: false },
    { text: "7K3F-9QX4", valid: false },
    { text: "PSX-7K3F-9QX4", valid: false },
    { text: "PSU-7K3F-9QX", valid: false },
    { text: "PSU-7K3F-9QX44", valid: false },
    { text: "PSU-0K3F-9QX4", valid: false },
    { text: "PSU-OK3F-9QX4", valid: false },
    { text: "PSU-7K3F-9QXZ", valid: false },
    { text: "PSU-7K3F-9QX5", valid: false },
    { text: "", valid: false },
  ])("$text: $valid", ({ text, valid }) => {
    expect(isValidReference(text)).toBe(valid);
  });
});

describe("normaliseReference", () => {
  it.each([
    { text: VALID, expected: VALID },
    { text: "  psu-7k3f-9qx4  ", expected: VALID },
    { text: "PSU 7K3F 9QX4", expected: VALID },
    { text: "PSU7K3F9QX4", expected: VALID },
    { text: "7k3f9qx4", expected: VALID },
    { text: "7K3F-9QX4", expected: VALID },
    { text: "PSU\u20137K3F\u20139QX4", expected: VALID },
    { text: "p s u - 7 k 3 f - 9 q x 4", expected: VALID },
    { text: "PSU-7K3F-9QXW", expected: null },
    { text: "PSU-7K3F-9QX", expected: null },
    { text: "PSU-7K3F-9QX44", expected: null },
    { text: "PSU-OK3F-9QX4", expected: null },
    { text: "PSU.7K3F.9QX4", expected: null },
    { text: "PSUPSU7K3F9QX4", expected: null },
    { text: "psu", expected: null },
    { text: "", expected: null },
  ])("$text -> $expected", ({ text, expected }) => {
    expect(normaliseReference(text)).toBe(expected);
  });
});

describe("reference schemas", () => {
  it.each([
    { text: VALID, message: null },
    { text: "psu-7k3f-9qx4", message: "Enter a reference like PSU-7K3F-9QX4" },
    { text: "PSU-7K3F-9QXW", message: "Check the reference: one of its characters is not right" },
  ])("ReferenceSchema on $text", ({ text, message }) => {
    const result = ReferenceSchema.safeParse(text);
    expect(result.success ? null : result.error.issues.map((issue) => issue.message)).toEqual(message && [message]);
  });

  it("ReferenceSchema refuses a non-string", () => {
    expect(ReferenceSchema.safeParse(12345678).success).toBe(false);
  });

  it("ReferenceInputSchema tidies what a person typed", () => {
    expect(ReferenceInputSchema.parse(" psu 7k3f 9qx4 ")).toBe(VALID);
  });

  it("ReferenceInputSchema explains a reference it cannot read", () => {
    const result = ReferenceInputSchema.safeParse("PSU-7K3F-9QXW");
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual([
      "Enter your reference as it appears in your email, like PSU-7K3F-9QX4",
    ]);
  });
});
