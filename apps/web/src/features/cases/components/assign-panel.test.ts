import type { LeadSuggestion } from "@psu/domain";
import { describe, expect, it } from "vitest";
import { orderSuggestions } from "./assign-panel";

function lead(name: string, eligible: boolean): LeadSuggestion {
  return { leadId: name, name, eligible, score: eligible ? 1000 : 0, reasons: [] };
}

describe("orderSuggestions", () => {
  it("puts suggested leads first, keeping the API's ranking within each group", () => {
    const ordered = orderSuggestions([lead("A", false), lead("B", true), lead("C", false), lead("D", true)]);
    expect(ordered.map((suggestion) => suggestion.name)).toEqual(["B", "D", "A", "C"]);
  });
});
