import { MULTI_LINE_TEXT_PATTERN, SINGLE_LINE_TEXT_PATTERN } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../test/build-test-app";
import { type JsonSchema, listStringInputs, type OpenApiDocument, readOpenApiDocument } from "../test/openapi-document";

// Every string a route takes (body, query, path, headers) must pass the domain's text rule
// (createSingleLineTextSchema or createMultiLineTextSchema), be one of a fixed list, or have a
// format whose pattern admits only a few ASCII characters. The rule's pattern reaches the
// OpenAPI document, so a new route, or a new field on an old one, without it fails here.

const RULE_PATTERNS = new Set([SINGLE_LINE_TEXT_PATTERN.source, MULTI_LINE_TEXT_PATTERN.source]);
// zod's own patterns for these formats are anchored and ASCII-only.
const SAFE_FORMATS = new Set(["uuid", "email", "date", "date-time"]);

/** Why a string input does not follow the rule, or null when it does. */
function findRuleProblem(schema: JsonSchema): string | null {
  if (schema.enum !== undefined || schema.const !== undefined) return null;
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((part) => part.pattern)].filter(
    (pattern): pattern is string => pattern !== undefined,
  );
  if (patterns.some((pattern) => RULE_PATTERNS.has(pattern))) return null;
  if (schema.format !== undefined && SAFE_FORMATS.has(schema.format) && patterns.length > 0) return null;
  return "takes any text: build it with createSingleLineTextSchema or createMultiLineTextSchema";
}

let document: OpenApiDocument;

const testApp = useTestApp();
beforeAll(async () => {
  document = await readOpenApiDocument(testApp.app);
});

describe("string inputs in the OpenAPI document", () => {
  it("all refuse control characters", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const operation of document.operations) {
      for (const input of listStringInputs(document, operation)) {
        checked += 1;
        const problem = findRuleProblem(input.schema);
        if (problem) problems.push(`${operation.method} ${operation.path} ${input.where}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    // The walk reaches deep fields (the referral's details, the queue's search), not just the top.
    expect(checked).toBeGreaterThan(60);
  });

  it("would catch a plain string, a pattern of someone else's, and a format without a pattern", () => {
    expect(findRuleProblem({ type: "string", maxLength: 100 })).not.toBeNull();
    expect(findRuleProblem({ type: "string", pattern: "^x" })).not.toBeNull();
    expect(findRuleProblem({ type: "string", format: "uri" })).not.toBeNull();
    expect(findRuleProblem({ type: "string", pattern: SINGLE_LINE_TEXT_PATTERN.source })).toBeNull();
    expect(findRuleProblem({ type: "string", enum: ["a"] })).toBeNull();
  });
});
