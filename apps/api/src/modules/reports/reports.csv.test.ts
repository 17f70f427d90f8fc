import { describe, expect, it } from "vitest";
import { toCsv, toCsvField } from "./reports.csv";

describe("CSV fields", () => {
  it("leaves plain text and numbers alone, and writes nothing for null", () => {
    expect(toCsvField("Sam Spoc")).toBe("Sam Spoc");
    expect(toCsvField(12)).toBe("12");
    expect(toCsvField(0.75)).toBe("0.75");
    expect(toCsvField(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks, doubling quotes (RFC 4180)", () => {
    expect(toCsvField("Spoc, Sam")).toBe('"Spoc, Sam"');
    expect(toCsvField('Sam "the lead" Spoc')).toBe('"Sam ""the lead"" Spoc"');
    expect(toCsvField("two\nlines")).toBe('"two\nlines"');
    expect(toCsvField("two\r\nlines")).toBe('"two\r\nlines"');
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(toCsvField(`${start}HYPERLINK("http://example.com")`).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(toCsvField("=1+1")).toBe("'=1+1");
    expect(toCsvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });
});

describe("a CSV table", () => {
  it("has a header, CRLF line ends and a final line end", () => {
    expect(
      toCsv(
        ["Month", "Referrals"],
        [
          ["2026-09", 1],
          ["2026-10", 3],
        ],
      ),
    ).toBe("Month,Referrals\r\n2026-09,1\r\n2026-10,3\r\n");
  });
});
