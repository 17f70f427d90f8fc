import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMultiLineTextSchema, createSingleLineTextSchema } from "./text-input";

const Name = createSingleLineTextSchema("Name", { error: "Enter a name" });
const Note = createMultiLineTextSchema("Note");

const SINGLE_LINE_MESSAGE = "Name must not contain line breaks, tabs or hidden control characters";
const MULTI_LINE_MESSAGE = "Note must not contain hidden control characters";

describe("the text rule accepts what people type", () => {
  it.each([
    ["plain", "Alex Example"],
    ["accents and apostrophes", "Zoë O’Brien-Núñez"],
    ["Welsh", "Siân Llŷr"],
    ["right-to-left", "ليلى"],
    ["Chinese", "李小龍"],
    ["emoji (a surrogate pair)", "Feeling 😀 today"],
    ["empty", ""],
  ])("%s on one line and several", (_name, text) => {
    expect(Name.parse(text)).toBe(text);
    expect(Note.parse(text)).toBe(text);
  });

  it.each([
    ["tab", "a\tb"],
    ["line feed", "a\nb"],
    ["carriage return and line feed", "a\r\nb"],
  ])("a %s in several lines of text only", (_name, text) => {
    expect(Note.parse(text)).toBe(text);
    expect(Name.safeParse(text).error?.issues[0]?.message).toBe(SINGLE_LINE_MESSAGE);
  });
});

describe("the text rule refuses control characters, naming the field", () => {
  it.each([
    ["NUL", "\u0000"],
    ["bell", "\u0007"],
    ["backspace", "\u0008"],
    ["vertical tab", "\u000B"],
    ["form feed", "\u000C"],
    ["escape", "\u001B"],
    ["unit separator", "\u001F"],
    ["delete", "\u007F"],
    ["C1 next line", "\u0085"],
    ["C1 control sequence introducer", "\u009B"],
    ["C1 application program command", "\u009F"],
    ["lone high surrogate", "\uD83D"],
    ["lone low surrogate", "\uDE00"],
  ])("%s", (_name, character) => {
    expect(Name.safeParse(`a${character}b`).error?.issues[0]?.message).toBe(SINGLE_LINE_MESSAGE);
    expect(Note.safeParse(`a${character}b`).error?.issues[0]?.message).toBe(MULTI_LINE_MESSAGE);
  });

  it("says a missing value is missing, in the field's own words", () => {
    expect(Name.safeParse(undefined).error?.issues[0]?.message).toBe("Enter a name");
    expect(Note.safeParse(42).error?.issues[0]?.message).toBe("Note must be text");
  });

  it("lets through exactly the strings without a C0 or C1 control character or a lone surrogate", () => {
    // Split by code point, a lone surrogate is a "character" of its own.
    const isRefused = (character: string) => {
      const code = character.codePointAt(0) ?? 0;
      return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff);
    };
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        const clean = ![...text].some(isRefused);
        expect(Name.safeParse(text).success).toBe(clean);
      }),
      { numRuns: 2000 },
    );
  });
});
