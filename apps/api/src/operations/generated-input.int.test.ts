import { buildExampleRecordedReferral, buildExampleSubmission, ErrorBodySchema } from "@psu/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../test/build-test-app";
import { arbitraryRequest, type GeneratedRequest, type KnownValues } from "../test/generated-requests";
import { type OpenApiDocument, readOpenApiDocument } from "../test/openapi-document";
import { createSignedInTeam, createTestCase, type SignedInStaff } from "../test/staff-fixtures";

// Generated input against every route in the OpenAPI document: malformed bodies, headers,
// path parameters and query strings (wrong types, huge and control-character text, broken
// JSON, odd content types, unicode, prototype-pollution keys, deep nesting), sent by each kind
// of member of staff and by nobody. However bad the request, the answer is never a 5xx, and
// every 4xx has the app's error body. Routes are read from the document, so a new route is
// covered the day it is added; they run one after another with a fixed seed (printed on
// failure; set FUZZ_SEED to replay, FUZZ_RUNS and FUZZ_BUDGET_MS to change the size). At least
// 200 requests per route, up to 2,000 while a 70-second budget lasts (about 50,000 in all on
// an idle 2-core machine).

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
// The whole run's time, shared out between the routes, so the test stays near a minute however
// many routes there are and however busy the machine is; each route's count is printed.
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 70_000);
// Every route gets at least this many, however long they take.
const MIN_RUNS_PER_ROUTE = 200;

let document: OpenApiDocument;
let team: Awaited<ReturnType<typeof createSignedInTeam>>;
let known: KnownValues;

// Valid bodies for routes whose bodies random generation seldom gets right, mutated a field or
// two at a time so the values reach the services and the database.
const EXAMPLES: Record<string, unknown> = {
  "POST /api/referrals": buildExampleSubmission(),
  "POST /api/staff/referrals": buildExampleRecordedReferral(),
  "POST /api/drafts": { data: buildExampleSubmission() },
};

const testApp = useTestApp();
beforeAll(async () => {
  document = await readOpenApiDocument(testApp.app);
  team = await createSignedInTeam(testApp.app, { leadKinds: ["spoc"], capacity: 50 });
  const open = await createTestCase(testApp.app.prisma, { status: "allocated", leadId: team.lead.staff.id });
  const closed = await createTestCase(testApp.app.prisma, { status: "closed" });
  known = {
    caseId: [open.caseId, closed.caseId],
    id: [team.lead.staff.id, team.coordinator.staff.id, "spoc", "confidentiality-policy"],
    leaveId: ["00000000-0000-4000-8000-000000000000"],
    table: ["volumes"],
  };
}, 120_000);

function headersFor(request: GeneratedRequest): Record<string, string> {
  switch (request.as) {
    case "nobody":
      return {};
    case "forged":
      return { cookie: "__Host-psu_session=forged-session-value", origin: "http://localhost:80", host: "localhost:80" };
    default:
      return team[request.as].headers;
  }
}

/** Fails with what was sent and what came back, when the answer breaks the promise; returns the status. */
async function send(request: GeneratedRequest): Promise<number> {
  const response = await testApp.app.inject({
    method: request.method as "GET",
    url: request.url,
    headers: { ...headersFor(request), ...request.headers },
    ...(request.payload === undefined ? {} : { payload: request.payload }),
    remoteAddress: request.remoteAddress,
  });
  const status = response.statusCode;
  const where = `${request.method} ${shorten(request.url, 120)} as ${request.as}`;
  if (status >= 500) throw new Error(`${where} answered ${status}: ${response.body.slice(0, 300)}`);
  if (status >= 400) {
    let parsed: unknown;
    try {
      parsed = response.json();
    } catch {
      throw new Error(`${where} answered ${status} without a JSON body: ${response.body.slice(0, 300)}`);
    }
    if (!ErrorBodySchema.safeParse(parsed).success) {
      throw new Error(`${where} answered ${status} without the error body: ${response.body.slice(0, 300)}`);
    }
  }
  return status;
}

function shorten(text: string | undefined, length = 400): string {
  if (text === undefined) return "(none)";
  return text.length > length ? `${text.slice(0, length)}... (${text.length} characters)` : text;
}

/** A failure in a few lines (fast-check's own report prints the whole request, which may be 270 KB). */
function reportFailure(details: fc.RunDetails<[GeneratedRequest]>): void {
  if (!details.failed) return;
  const request = details.counterexample?.[0];
  const sent = request
    ? `${request.method} ${shorten(request.url)} as ${request.as} from ${request.remoteAddress}\n` +
      `headers: ${JSON.stringify(request.headers)}\nbody: ${shorten(request.payload)}`
    : "(no request)";
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `${shorten(error, 600)}\n${sent}\nFailed with seed ${details.seed} (path ${details.counterexamplePath}); ` +
      `replay the run with FUZZ_SEED=${SEED}.`,
  );
}

/** Signs the team in again if a generated request ended a session (sign-out, a password change). */
async function keepTeamSignedIn(): Promise<void> {
  const members: SignedInStaff[] = [team.admin, team.coordinator, team.lead];
  for (const member of members) {
    const response = await testApp.app.inject({ method: "GET", url: "/api/auth/me", headers: member.headers });
    if (response.statusCode !== 200) {
      team = await createSignedInTeam(testApp.app, { leadKinds: ["spoc"], capacity: 50 });
      return;
    }
  }
}

describe("generated input against every route in the OpenAPI document", () => {
  it("never gets a 5xx, and every 4xx has the error body", async () => {
    expect(document.operations.length).toBeGreaterThan(30);
    const runs: string[] = [];
    const timeLimitMs = Math.round(BUDGET_MS / document.operations.length);
    for (const operation of document.operations) {
      const statuses = new Map<number, number>();
      const started = performance.now();
      const property = fc.asyncProperty(
        arbitraryRequest(document, operation, known, EXAMPLES[`${operation.method} ${operation.path}`]),
        async (request) => {
          const status = await send(request);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        },
      );
      // Every route gets its minimum whatever the machine's load; then more, up to RUNS, while
      // its share of the time budget lasts.
      await fc.assert(property, {
        seed: SEED,
        numRuns: MIN_RUNS_PER_ROUTE,
        endOnFailure: true,
        reporter: reportFailure,
      });
      await fc.assert(property, {
        seed: SEED + 1,
        numRuns: RUNS - MIN_RUNS_PER_ROUTE,
        endOnFailure: true,
        // The option rather than fast-check's plugin, whose type (Plugin<unknown>) does not
        // fit a typed property in fast-check 4.10.
        interruptAfterTimeLimit: timeLimitMs,
        reporter: reportFailure,
      });
      const count = [...statuses.values()].reduce((sum, times) => sum + times, 0);
      const tally = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, times]) => `${status}×${times}`);
      const took = Math.round(performance.now() - started);
      runs.push(`${operation.method} ${operation.path}: ${count} in ${took} ms (${tally.join(" ")})`);
      await keepTeamSignedIn();
    }
    console.info(`generated requests per route (seed ${SEED}):\n${runs.join("\n")}`);
  }, 600_000);
});
