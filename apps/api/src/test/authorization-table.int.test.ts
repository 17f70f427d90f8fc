import { randomUUID } from "node:crypto";
import { buildExampleRecordedReferral, type StaffRole } from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "./build-test-app";
import { createSignedInStaff, createTestCase, type TestStaff } from "./staff-fixtures";

// One table of route x role x own/other case drives authorization for every staff route.
// Each row runs against fresh cases, so a write in one row cannot change another's answer.
// Every route in the table is also tried without a session (always 401), and a coverage
// check fails when a staff route in the OpenAPI document has no row for some role.

interface RowContext {
  /** Allocated to the signed-in lead for `ownCase: true` rows; otherwise to another lead. */
  caseId: string;
  version: number;
  reference: string;
  /** The lead who signs in for `lead` rows, and another lead. */
  leadId: string;
  otherLeadId: string;
  /** The member of staff making the request. */
  staffId: string;
}

interface AuthorizationRow {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route as registered, for the coverage check: "/api/staff/cases/:caseId". */
  route: string;
  url: (context: RowContext) => string;
  body?: (context: RowContext) => Record<string, unknown>;
  headers?: (context: RowContext) => Record<string, string>;
  role: StaffRole;
  /** For lead rows on a case: whether the case is allocated to them. */
  ownCase?: boolean;
  expectedStatus: number;
}

const caseUrl =
  (suffix = "") =>
  (context: RowContext) =>
    `/api/staff/cases/${context.caseId}${suffix}`;

type RouteCall = Omit<AuthorizationRow, "role" | "expectedStatus" | "url"> & {
  url?: AuthorizationRow["url"];
  /** What an allowed role gets. */
  status: number;
};

/** Rows for every role: the `allowed` roles get each call's status, everyone else 403. */
function rowsForRoles(allowed: readonly StaffRole[], calls: readonly RouteCall[]): AuthorizationRow[] {
  return (["admin", "coordinator", "lead"] as const).flatMap((role) =>
    calls.map(({ status, url, ...call }) => ({
      ...call,
      url: url ?? (() => call.route),
      role,
      expectedStatus: allowed.includes(role) ? status : 403,
    })),
  );
}

// =============================================================================================
// AUTHORIZATION ROWS: append a row per role (and own/other case for leads) for every staff route.
// =============================================================================================
const ROWS: AuthorizationRow[] = [
  // Who am I
  { method: "GET", route: "/api/auth/me", url: () => "/api/auth/me", role: "coordinator", expectedStatus: 200 },
  { method: "GET", route: "/api/auth/me", url: () => "/api/auth/me", role: "lead", expectedStatus: 200 },
  { method: "GET", route: "/api/auth/me", url: () => "/api/auth/me", role: "admin", expectedStatus: 200 },

  // Least privilege (decision record 017): case content is for coordinators and the case's lead;
  // an admin reads a case only through the break-glass read, which asks for a reason.

  // The queue (a lead's answer is limited to their own cases: see queue.int.test.ts). It lists
  // names and services, so it is case content: not for admins.
  ...rowsForRoles(
    ["coordinator", "lead"],
    [
      { method: "POST", route: "/api/staff/queue", body: () => ({ view: "all" }), status: 200 },
      { method: "GET", route: "/api/staff/queue/sla-counts", status: 200 },
      { method: "GET", route: "/api/staff/queue/view-counts", status: 200 },
    ],
  ),

  // Reading a case
  { method: "GET", route: "/api/staff/cases/:caseId", url: caseUrl(), role: "coordinator", expectedStatus: 200 },
  { method: "GET", route: "/api/staff/cases/:caseId", url: caseUrl(), role: "admin", expectedStatus: 403 },
  {
    method: "GET",
    route: "/api/staff/cases/:caseId",
    url: caseUrl(),
    role: "lead",
    ownCase: true,
    expectedStatus: 200,
  },
  {
    method: "GET",
    route: "/api/staff/cases/:caseId",
    url: caseUrl(),
    role: "lead",
    ownCase: false,
    expectedStatus: 404,
  },

  // The break-glass read: admins only, with a reason (the others read cases the ordinary way).
  ...rowsForRoles(
    ["admin"],
    [
      {
        method: "POST",
        route: "/api/staff/cases/:caseId/break-glass",
        url: caseUrl("/break-glass"),
        body: () => ({ reasonCode: "SAFEGUARDING", detail: "Safeguarding call from the Trust, ref SG-12" }),
        status: 200,
      },
    ],
  ),

  // The audit log
  ...rowsForRoles(["admin"], [{ method: "GET", route: "/api/staff/audit", status: 200 }]),

  // ---- append rows for further staff routes below this line ----

  // Case changes (modules/case-changes). The case is allocated: to the signed-in lead on
  // own-case rows, to another lead otherwise. Every change sends the version it is based on.
  ...(
    [
      ["/status", { to: "information_requested", reason: "Need the rota" }],
      ["/notes", { text: "Called the trainee" }],
      ["/safety-flag", { flagged: true, reason: "Said they feel unsafe" }],
      ["/first-contact", {}],
    ] as const
  ).flatMap(([suffix, body]): AuthorizationRow[] => {
    const change = {
      method: "POST" as const,
      route: `/api/staff/cases/:caseId${suffix}`,
      url: caseUrl(suffix),
      body: () => ({ ...body }),
      headers: (context: RowContext) => ({ "if-match": `"${context.version}"` }),
    };
    return [
      { ...change, role: "coordinator", expectedStatus: 200 },
      { ...change, role: "lead", ownCase: true, expectedStatus: 200 },
      { ...change, role: "lead", ownCase: false, expectedStatus: 404 },
      // Admins do not work cases, not even to reopen one (coordinators do that now).
      { ...change, role: "admin", expectedStatus: 403 },
    ];
  }),
  ...(["coordinator", "admin", "lead"] as const).map(
    (role): AuthorizationRow => ({
      method: "GET",
      route: "/api/staff/cases/:caseId/suggestions",
      url: caseUrl("/suggestions"),
      role,
      ...(role === "lead" ? { ownCase: true } : {}),
      expectedStatus: role === "coordinator" ? 200 : 403,
    }),
  ),
  ...(
    [
      ["coordinator", undefined, 200],
      ["lead", true, 403],
      ["lead", false, 403],
      ["admin", undefined, 403],
    ] as const
  ).map(
    ([role, ownCase, expectedStatus]): AuthorizationRow => ({
      method: "POST",
      route: "/api/staff/cases/:caseId/assign",
      url: caseUrl("/assign"),
      // Re-allocates the case (held by the other lead on non-lead rows) to the signed-in lead.
      body: (context) => ({ leadId: context.leadId }),
      headers: (context) => ({ "if-match": `"${context.version}"` }),
      role,
      ...(ownCase === undefined ? {} : { ownCase }),
      expectedStatus,
    }),
  ),

  // Staff admin (modules/staff-admin): admins manage staff; coordinators may list them.
  ...rowsForRoles(["admin", "coordinator"], [{ method: "GET", route: "/api/staff/members", status: 200 }]),
  ...rowsForRoles(
    ["admin"],
    [
      {
        method: "POST",
        route: "/api/staff/members",
        body: (context) => ({
          name: "New Lead",
          email: `new.${context.caseId}@staff.test.example`,
          role: "lead",
          leadKinds: ["spoc"],
          capacity: 5,
        }),
        status: 201,
      },
      {
        method: "PATCH",
        route: "/api/staff/members/:id",
        url: (context) => `/api/staff/members/${context.otherLeadId}`,
        body: () => ({ capacity: 10 }),
        status: 200,
      },
      {
        method: "POST",
        route: "/api/staff/members/:id/leave",
        url: (context) => `/api/staff/members/${context.otherLeadId}/leave`,
        body: () => ({ fromDay: "2027-08-02", toDay: "2027-08-06" }),
        status: 201,
      },
      {
        method: "DELETE",
        route: "/api/staff/members/:id/leave/:leaveId",
        // No such leave: an admin gets past authorization to the 404 (removal itself is tested
        // in staff-admin.int.test.ts); everyone else is stopped before it.
        url: (context) => `/api/staff/members/${context.otherLeadId}/leave/${context.caseId}`,
        status: 404,
      },
      {
        method: "POST",
        route: "/api/staff/members/:id/invitation",
        // The other lead has a password already: an admin gets past authorization to the 409
        // (sending invitations is tested in account.int.test.ts); everyone else is stopped before it.
        url: (context) => `/api/staff/members/${context.otherLeadId}/invitation`,
        status: 409,
      },
    ],
  ),

  // Reports (modules/reports): coordinators and admins.
  ...rowsForRoles(
    ["admin", "coordinator"],
    [
      {
        method: "GET",
        route: "/api/staff/reports/summary",
        url: () => "/api/staff/reports/summary?from=2026-01&to=2026-03",
      },
      {
        method: "GET",
        route: "/api/staff/reports/equality",
        url: () => "/api/staff/reports/equality?from=2026-01&to=2026-03",
      },
      {
        method: "GET",
        route: "/api/staff/reports/csv/:table",
        url: () => "/api/staff/reports/csv/caseload?from=2026-01&to=2026-03",
      },
    ].map((call) => ({ ...call, method: "GET" as const, status: 200 })),
  ),

  // Recording a referral received by email or phone (modules/referrals): coordinators only.
  ...(
    [
      ["coordinator", 201],
      ["admin", 403],
      ["lead", 403],
    ] as const
  ).map(
    ([role, expectedStatus]): AuthorizationRow => ({
      method: "POST",
      route: "/api/staff/referrals",
      url: () => "/api/staff/referrals",
      body: () => buildExampleRecordedReferral({ fullName: "Pat Phone", services: ["spoc"] }),
      headers: () => ({ "idempotency-key": randomUUID() }),
      role,
      expectedStatus,
    }),
  ),

  // Data protection (modules/data-protection): admins only.
  ...rowsForRoles(
    ["admin"],
    [
      {
        method: "POST",
        route: "/api/staff/data-protection/subject-access",
        body: (context) => ({ reference: context.reference }),
        status: 200,
      },
      {
        method: "POST",
        route: "/api/staff/data-protection/erasure/preview",
        body: (context) => ({ reference: context.reference }),
        status: 200,
      },
      {
        method: "POST",
        route: "/api/staff/data-protection/erasure",
        body: (context) => ({ reference: context.reference, reason: "trainee_request", ticket: "DPR-1" }),
        status: 200,
      },
    ],
  ),

  // Published links (modules/published-links): admins only. Each row's address is its own.
  ...rowsForRoles(
    ["admin"],
    [
      { method: "GET", route: "/api/staff/published-links", status: 200 },
      {
        method: "PUT",
        route: "/api/staff/published-links/:id",
        url: () => "/api/staff/published-links/managing_fatigue",
        body: (context) => ({ url: `https://documents.example.org/${context.caseId}.pdf` }),
        status: 200,
      },
    ],
  ),
];
// =============================================================================================

const signedIn = new Map<StaffRole, { staff: TestStaff; headers: Record<string, string> }>();
let otherLead: TestStaff;

const testApp = useTestApp();
beforeAll(async () => {
  for (const role of ["coordinator", "lead", "admin"] as const) {
    signedIn.set(role, await createSignedInStaff(testApp.app, { role }));
  }
  otherLead = (await createSignedInStaff(testApp.app, { role: "lead" })).staff;
});

function signedInAs(role: StaffRole) {
  const found = signedIn.get(role);
  if (!found) throw new Error(`no ${role} signed in`);
  return found;
}

async function newContext(row: Pick<AuthorizationRow, "ownCase">, staffId: string): Promise<RowContext> {
  const lead = signedInAs("lead").staff;
  const owner = row.ownCase ? lead.id : otherLead.id;
  const created = await createTestCase(testApp.app.prisma, {
    status: "allocated",
    leadId: owner,
    triagedAt: new Date("2026-11-02T10:00:00Z"),
  });
  return {
    caseId: created.caseId,
    version: 1,
    reference: created.reference,
    leadId: lead.id,
    otherLeadId: otherLead.id,
    staffId,
  };
}

async function send(row: Omit<AuthorizationRow, "role" | "expectedStatus">, context: RowContext, auth: object) {
  return testApp.app.inject({
    method: row.method,
    url: row.url(context),
    headers: { origin: "http://localhost:80", host: "localhost:80", ...auth, ...row.headers?.(context) },
    ...(row.body ? { payload: row.body(context) } : {}),
  });
}

function describeRow(row: AuthorizationRow): string {
  const whose = row.ownCase === undefined ? "" : row.ownCase ? " (own case)" : " (another lead's case)";
  return `${row.method} ${row.route} as ${row.role}${whose} -> ${row.expectedStatus}`;
}

describe("authorization table", () => {
  it.each(ROWS.map((row) => [describeRow(row), row] as const))("%s", async (_name, row) => {
    const { staff, headers } = signedInAs(row.role);
    const response = await send(row, await newContext(row, staff.id), headers);
    // No unexpected success: a refusal that turned into a 2xx is the failure this table exists for.
    if (row.expectedStatus >= 300) expect(response.statusCode, response.body).toBeGreaterThanOrEqual(300);
    expect(response.statusCode, response.body).toBe(row.expectedStatus);
  });

  const routes = [...new Map(ROWS.map((row) => [`${row.method} ${row.route}`, row])).values()];
  it.each(routes.map((row) => [`${row.method} ${row.route}`, row] as const))(
    "%s without a session -> 401",
    async (_name, row) => {
      const context = await newContext({ ownCase: false }, signedInAs("coordinator").staff.id);
      const response = await send(row, context, {});
      expect(response.statusCode, response.body).toBe(401);
    },
  );

  it("has a row for every role on every staff route in the OpenAPI document", async () => {
    await testApp.app.ready();
    const document = testApp.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    const staffOperations = Object.entries(document.paths ?? {})
      .filter(([path]) => path.startsWith("/api/staff/") || path === "/api/auth/me")
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
      );
    expect(staffOperations.length).toBeGreaterThan(0);
    const missing = staffOperations.flatMap((operation) =>
      (["coordinator", "lead", "admin"] as const)
        .filter((role) => !ROWS.some((row) => `${row.method} ${row.route}` === operation && row.role === role))
        .map((role) => `${operation} as ${role}`),
    );
    expect(missing).toEqual([]);
  });
});
