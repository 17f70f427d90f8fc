import type { FastifyInstance } from "fastify";
import { z } from "zod";

// The app's OpenAPI document read as data, for tests that go over every route in it: the
// text-input rule and the generated-input run. Routes other people add are covered the day
// they appear in the document.

/** A JSON Schema node as the document holds it (only the keywords the tests read are typed). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  $ref?: string;
  default?: unknown;
};

const JsonSchemaSchema: z.ZodType<JsonSchema> = z.looseObject({}) as z.ZodType<JsonSchema>;

const ParameterSchema = z.object({
  in: z.enum(["path", "query", "header", "cookie"]),
  name: z.string(),
  required: z.boolean().optional(),
  schema: JsonSchemaSchema,
});
export type OpenApiParameter = z.infer<typeof ParameterSchema>;

const OperationSchema = z.looseObject({
  parameters: z.array(ParameterSchema).default([]),
  requestBody: z
    .object({
      required: z.boolean().optional(),
      content: z.record(z.string(), z.object({ schema: JsonSchemaSchema })),
    })
    .optional(),
  responses: z.record(z.string(), z.unknown()),
});

const DocumentSchema = z.looseObject({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.looseObject({ schemas: z.record(z.string(), JsonSchemaSchema).default({}) }).optional(),
});

const METHODS = new Set(["get", "put", "post", "delete", "patch"]);

/** One route of the document: where it is, what it takes. */
export interface ApiOperation {
  method: string;
  /** OpenAPI's path, with `{name}` for each parameter. */
  path: string;
  parameters: OpenApiParameter[];
  /** The JSON body's schema, when the route takes one. */
  body: JsonSchema | undefined;
  /** The statuses the route documents. */
  statuses: string[];
}

export interface OpenApiDocument {
  operations: ApiOperation[];
  /** Follows a `$ref` into the document's components (and returns any other node as it is). */
  resolve(schema: JsonSchema): JsonSchema;
}

/** Reads the document the app serves at /api/docs/openapi.json. */
export async function readOpenApiDocument(app: FastifyInstance): Promise<OpenApiDocument> {
  const response = await app.inject({ method: "GET", url: "/api/docs/openapi.json" });
  if (response.statusCode !== 200) throw new Error(`the OpenAPI document answered ${response.statusCode}`);
  const document = DocumentSchema.parse(response.json());
  const components = document.components?.schemas ?? {};
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = components[name];
    if (!target) throw new Error(`unresolved reference ${schema.$ref}`);
    return resolve(target);
  };
  const operations: ApiOperation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      if (!METHODS.has(method)) continue;
      const operation = OperationSchema.parse(raw);
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters,
        body: operation.requestBody?.content["application/json"]?.schema,
        statuses: Object.keys(operation.responses),
      });
    }
  }
  return { operations, resolve };
}

/** A string the route takes, wherever it sits: `body.details.fullName`, `query.search`, `header.if-match`. */
export interface StringInput {
  where: string;
  schema: JsonSchema;
}

/** Every string-typed node of a route's inputs (parameters and body), found through objects, arrays and unions. */
export function listStringInputs(document: OpenApiDocument, operation: ApiOperation): StringInput[] {
  const found: StringInput[] = [];
  const visit = (node: JsonSchema, where: string): void => {
    const schema = document.resolve(node);
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    // A string's `allOf` holds more patterns for the same string, read with it, not apart.
    if (types.includes("string")) {
      found.push({ where, schema });
      return;
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) visit(property, `${where}.${name}`);
    if (schema.items) visit(schema.items, `${where}[]`);
    for (const item of schema.prefixItems ?? []) visit(item, `${where}[]`);
    if (typeof schema.additionalProperties === "object") visit(schema.additionalProperties, `${where}{}`);
    for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
      visit(branch, where);
    }
  };
  for (const parameter of operation.parameters) visit(parameter.schema, `${parameter.in}.${parameter.name}`);
  if (operation.body) visit(operation.body, "body");
  return found;
}
