import { MULTI_LINE_TEXT_PATTERN, SINGLE_LINE_TEXT_PATTERN } from "@psu/domain";
import fc from "fast-check";
import type { ApiOperation, JsonSchema, OpenApiDocument } from "./openapi-document";

// Requests generated from a route's entry in the OpenAPI document: mostly the right shape with
// some parts wrong (a nasty value in one field, a field missing, keys nobody asked for), and
// some wholly wrong (broken JSON, odd content types, prototype-pollution keys, deep nesting).

/** One generated request, as app.inject takes it. */
export interface GeneratedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  remoteAddress: string;
  /** Which signed-in member of staff sends it, if anyone. */
  as: "admin" | "coordinator" | "lead" | "nobody" | "forged";
}

/** Values for path parameters that exist, so some requests get past "not found". */
export type KnownValues = Readonly<Record<string, readonly string[]>>;

const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "\u001B[31mred",
  "\u0085\u009B",
  "\r\n\t",
  "\u202Egnp.exe",
  "😀".repeat(20),
  "Zoë Ñúñez 李 ليلى",
  "' OR 1=1 --",
  "%00",
  "%",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "NaN",
  "-0",
  "1e309",
  "9".repeat(40),
  "null",
  "true",
  "__proto__",
  "constructor",
  "0000-01-01T00:00:00Z",
  "275760-09-13T00:00:00.001Z",
  "2026-02-30",
  "00000000-0000-0000-0000-000000000000",
  '"1"',
  'W/"1"',
  "PSU-0000-0000",
];

/** A value no field expects: odd text, numbers at the edges, the wrong type, deep nesting. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 200, maxLength: 6000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_VALUE, -Number.MAX_VALUE),
  },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null, [], {}, [null], { a: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 2000 }).map((depth) => nest(depth)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function nest(depth: number): unknown {
  let value: unknown = "deep";
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

function isoDate(from: number, to: number) {
  return fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true }).map((date) => date.toISOString());
}

/** A value of the schema's shape; with `nasty`, any part may be swapped for a nasty value. */
function arbitraryFor(document: OpenApiDocument, node: JsonSchema, nasty: boolean, depth = 0): fc.Arbitrary<unknown> {
  const schema = document.resolve(node);
  const proper = properFor(document, schema, nasty, depth);
  return nasty ? fc.oneof({ weight: 5, arbitrary: proper }, { weight: 1, arbitrary: nastyValue }) : proper;
}

function properFor(
  document: OpenApiDocument,
  schema: JsonSchema,
  nasty: boolean,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (branches.length > 0) return fc.oneof(...branches.map((branch) => arbitraryFor(document, branch, nasty, depth)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (!type && schema.allOf) {
    // An intersection of objects: one value made of every part.
    return fc
      .tuple(...schema.allOf.map((part) => arbitraryFor(document, part, nasty, depth)))
      .map((parts) => Object.assign({}, ...parts.filter((part) => typeof part === "object" && part !== null)));
  }
  switch (type) {
    case "string":
      return stringFor(schema);
    case "integer":
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case "number":
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(schema.items ? arbitraryFor(document, schema.items, nasty, depth + 1) : nastyValue, {
        maxLength: 4,
      });
    case "object":
      return objectFor(document, schema, nasty, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const RULE_PATTERNS = new Set([SINGLE_LINE_TEXT_PATTERN.source, MULTI_LINE_TEXT_PATTERN.source]);

/** The string's own pattern (a month, a ticket number), besides the text rule every string has. */
function findOwnPattern(schema: JsonSchema): RegExp | null {
  const patterns = [schema.pattern, ...(schema.allOf ?? []).map((part) => part.pattern)];
  const own = patterns.find((pattern) => pattern !== undefined && !RULE_PATTERNS.has(pattern));
  return own === undefined ? null : new RegExp(own, "u");
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const pattern = schema.format ? null : findOwnPattern(schema);
  if (pattern) return fc.stringMatching(pattern);
  switch (schema.format) {
    case "uuid":
      return fc.uuid();
    case "email":
      return fc.emailAddress();
    case "date":
      return isoDate(Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1)).map((text) => text.slice(0, 10));
    case "date-time":
      return isoDate(Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1));
    default:
      return fc.string({ unit: "grapheme", minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength });
  }
}

const EXTRA_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "", " ", "a\u0000"];

function objectFor(document: OpenApiDocument, schema: JsonSchema, nasty: boolean, depth: number) {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(properties).map(([name, property]) =>
    // Required fields are there unless nasty drops one; optional ones come and go.
    fc
      .tuple(
        fc.integer({ min: 0, max: 9 }).map((roll) => (required.has(name) ? !nasty || roll > 0 : roll % 2 === 0)),
        depth > 6 ? nastyValue : arbitraryFor(document, property, nasty, depth + 1),
      )
      .map(([present, value]) => (present ? [[name, value] as const] : [])),
  );
  const extras = nasty
    ? fc.array(fc.tuple(fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 8 })), nastyValue), {
        maxLength: 2,
      })
    : fc.constant([] as [string, unknown][]);
  return fc.tuple(fc.tuple(...entries), extras).map(([fields, extra]) => {
    // defineProperty, so a "__proto__" key is an own key in the JSON, not the prototype.
    const object: Record<string, unknown> = {};
    for (const [name, value] of [...fields.flat(), ...extra]) {
      Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
    }
    return object;
  });
}

/** Whole bodies no route expects: broken or odd JSON, pollution attempts, and not JSON at all. */
const RAW_BODIES = [
  "",
  "{",
  '{"a":',
  "[]",
  "null",
  '"text"',
  "1",
  "{}",
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"a":1,"a":2}',
  "\uFEFF{}",
  '{"text":"\\u0000"}',
  '{"text":"\\ud800"}',
  "{'single':'quotes'}",
  "NaN",
  "a=1&b=2",
  "<xml/>",
];

const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "a/b/c",
  "",
];

// Header values as HTTP can carry them: tab, visible ASCII and bytes 0x80-0xFF (read as Latin-1).
const headerText = fc.string({
  unit: fc
    .oneof(fc.constant(9), fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }))
    .map((code) => String.fromCharCode(code)),
  maxLength: 80,
});

/** Percent-encodes anything, lone surrogates included (as the bytes a broken client would send). */
function encodeComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((character) => {
        try {
          return encodeURIComponent(character);
        } catch {
          const code = character.charCodeAt(0);
          return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
        }
      })
      .join("");
  }
}

const rawPathSegment = fc.constantFrom("%", "%zz", "%00", "%ED%A0%80", "%C0%AF", "..", ".", "%2F", "a%2F..%2Fb");

function toText(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? "");
}

/** Paths to every leaf of a JSON value. */
function listLeafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => listLeafPaths(item, [...path, index]));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => listLeafPaths(item, [...path, key]));
  }
  return [path];
}

function replaceAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value))
    return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  if (typeof value === "object" && value !== null) {
    return { ...value, [head]: replaceAt((value as Record<string, unknown>)[head], rest, replacement) };
  }
  return value;
}

/** A valid body with one or two of its values swapped for nasty ones: reaches the code behind validation. */
function mutateExample(example: unknown): fc.Arbitrary<unknown> {
  const leaves = listLeafPaths(example);
  const mutation = fc.tuple(fc.constantFrom(...leaves), nastyValue);
  return fc
    .oneof(
      { weight: 1, arbitrary: fc.constant([] as [(string | number)[], unknown][]) },
      { weight: 4, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }) },
    )
    .map((mutations) => mutations.reduce((body, [path, value]) => replaceAt(body, path, value), example));
}

/** Every kind of request for one route; `example` is a valid body for it, when there is one. */
export function arbitraryRequest(
  document: OpenApiDocument,
  operation: ApiOperation,
  known: KnownValues,
  example?: unknown,
): fc.Arbitrary<GeneratedRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === "path");
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === "query");
  const headerParameters = operation.parameters.filter((parameter) => parameter.in === "header");

  const path = fc
    .tuple(
      ...pathParameters.map((parameter) =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...(known[parameter.name] ?? ["none"])) },
          {
            weight: 2,
            arbitrary: arbitraryFor(document, parameter.schema, false).map((value) => encodeComponent(toText(value))),
          },
          { weight: 2, arbitrary: nastyValue.map((value) => encodeComponent(toText(value))) },
          { weight: 1, arbitrary: rawPathSegment },
        ),
      ),
    )
    .map((values) =>
      pathParameters.reduce(
        (url, parameter, index) => url.replace(`{${parameter.name}}`, values[index] ?? ""),
        operation.path,
      ),
    );

  const queryPair = (name: string, schema: JsonSchema) =>
    arbitraryFor(document, schema, true).map((value) =>
      (Array.isArray(value) ? value : [value]).map(
        (item) => `${encodeComponent(name)}=${encodeComponent(toText(item))}`,
      ),
    );
  const query = fc
    .tuple(
      ...queryParameters.map((parameter) =>
        fc.option(queryPair(parameter.name, parameter.schema), { nil: [], freq: 3 }),
      ),
      fc.array(fc.tuple(fc.string({ maxLength: 6 }), nastyValue), { maxLength: 2 }),
      fc.constantFrom("", "&", "&&=", "=x", "a[b]=1", "%", "x=%zz"),
    )
    .map((parts) => {
      const oddity = parts.pop() as string;
      const extras = (parts.pop() as [string, unknown][]).map(
        ([name, value]) => `${encodeComponent(name)}=${encodeComponent(toText(value))}`,
      );
      const pairs = [...(parts as string[][]).flat(), ...extras, ...(oddity ? [oddity] : [])];
      return pairs.length > 0 ? `?${pairs.join("&")}` : "";
    });

  const headers = fc
    .tuple(
      ...headerParameters.map((parameter) =>
        fc
          .option(
            fc.oneof(
              parameter.name === "if-match" ? fc.constantFrom('"1"', '"2"', "1", '"999999999"', '"0"', "*") : fc.uuid(),
              headerText,
            ),
            { nil: undefined, freq: 4 },
          )
          .map((value) => [parameter.name, value] as const),
      ),
    )
    .map((pairs) => Object.fromEntries(pairs.filter((pair) => pair[1] !== undefined)) as Record<string, string>);

  const generated = operation.body ? arbitraryFor(document, operation.body, true) : nastyValue;
  const jsonBody =
    example === undefined
      ? generated
      : fc.oneof({ weight: 1, arbitrary: generated }, { weight: 2, arbitrary: mutateExample(example) });
  const body = fc.oneof(
    { weight: 8, arbitrary: jsonBody.map((value) => ({ payload: JSON.stringify(value), type: "application/json" })) },
    {
      weight: 2,
      arbitrary: fc.record({ payload: fc.constantFrom(...RAW_BODIES), type: fc.constantFrom(...CONTENT_TYPES) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        payload: jsonBody.map((value) => JSON.stringify(value)),
        type: fc.constantFrom(...CONTENT_TYPES),
      }),
    },
    // Over the 256 KB body limit.
    { weight: 1, arbitrary: fc.constant({ payload: `{"text":"${"x".repeat(270_000)}"}`, type: "application/json" }) },
    { weight: 1, arbitrary: fc.constant({ payload: undefined, type: "" }) },
  );

  return fc
    .record({
      path,
      query,
      headers,
      body,
      remoteAddress: fc.oneof(fc.ipV4(), fc.ipV6()),
      as: fc.constantFrom("admin", "coordinator", "lead", "nobody", "forged"),
    })
    .map(({ path: url, query: search, headers: extra, body: { payload, type }, remoteAddress, as }) => ({
      method: operation.method,
      url: url + search,
      headers: { ...extra, ...(type ? { "content-type": type } : {}) },
      ...(payload === undefined || operation.method === "GET" || operation.method === "DELETE" ? {} : { payload }),
      remoteAddress,
      as,
    }));
}
