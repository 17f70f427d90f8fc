import {
  PublishedDocumentListSchema,
  PublishedLinkListSchema,
  PublishedLinkSchema,
  ServiceListSchema,
} from "@psu/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp } from "../../test/build-test-app";
import { errorOf } from "../../test/error-body";
import { createSignedInTeam, type SignedInStaff } from "../../test/staff-fixtures";
import { savePublishedLink } from "./published-links.repository";

const NOW = new Date("2026-12-07T10:00:00Z");
let admin: SignedInStaff;
let coordinator: SignedInStaff;
let lead: SignedInStaff;

const testApp = useTestApp({ now: () => NOW });
beforeAll(async () => {
  ({ admin, coordinator, lead } = await createSignedInTeam(testApp.app));
});

// Each test uses its own addresses, so the order tests run in does not matter.
let counter = 0;
const newAddress = (name: string) => `https://documents.example.org/${name}-${++counter}.pdf`;

async function put(id: string, url: unknown, headers: Record<string, string> = admin.headers) {
  const response = await testApp.app.inject({
    method: "PUT",
    url: `/api/staff/published-links/${id}`,
    headers,
    payload: { url },
  });
  return { status: response.statusCode, body: response.json() as unknown };
}

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await testApp.app.inject({ method: "GET", url, headers });
  return { status: response.statusCode, body: response.json() as unknown, headers: response.headers };
}

async function documentUrl(id: string) {
  const { body } = await get("/api/documents");
  return PublishedDocumentListSchema.parse(body).documents.find((document) => document.id === id)?.url;
}

async function resourceUrl(id: string) {
  const { body } = await get("/api/services");
  const service = ServiceListSchema.parse(body).services.find((candidate) => candidate.id === id);
  return service?.access === "self_serve" ? service.url : "not a resource";
}

async function auditFor(linkId: string) {
  const entries = await testApp.app.prisma.auditEntry.findMany({
    where: { action: "PUBLISHED_LINK_CHANGED" },
    orderBy: { id: "asc" },
    select: { actorId: true, detail: true },
  });
  return entries.filter((entry) => (entry.detail as { linkId?: string }).linkId === linkId);
}

describe("GET /api/documents", () => {
  it("lists all six documents with their titles and dates, with no address until one is set", async () => {
    const { status, body, headers } = await get("/api/documents");
    expect(status).toBe(200);
    expect(headers["cache-control"]).toBe("no-cache");
    const { documents } = PublishedDocumentListSchema.parse(body);
    expect(documents.map((document) => [document.title, document.issued])).toEqual([
      ["PSU Eligibility Criteria", "May 2022"],
      ["Managing Fatigue associated with working nights", null],
      ["Complaints Policy", "December 2016"],
      ["Support for non training grades and post CCT", null],
      ["Confidentiality Policy", "November 2018"],
      ["Benefits of becoming a reflective practitioner", "joint statement 2019"],
    ]);
    expect(documents.find((document) => document.id === "managing_fatigue")?.url).toBeNull();
  });
});

describe("PUT /api/staff/published-links/:id", () => {
  it("sets, replaces and removes a document's link, and trainees see each change at once", async () => {
    const first = newAddress("confidentiality");
    const set = await put("confidentiality_policy", first);
    expect(set.status).toBe(200);
    expect(PublishedLinkSchema.parse(set.body)).toEqual({
      id: "confidentiality_policy",
      kind: "document",
      title: "Confidentiality Policy",
      issued: "November 2018",
      url: first,
      updatedAt: NOW.toISOString(),
      updatedByName: "Ari Admin",
    });
    expect(await documentUrl("confidentiality_policy")).toBe(first);

    const second = newAddress("confidentiality");
    expect((await put("confidentiality_policy", second)).status).toBe(200);
    expect(await documentUrl("confidentiality_policy")).toBe(second);

    const removed = await put("confidentiality_policy", null);
    expect(removed.status).toBe(200);
    expect(PublishedLinkSchema.parse(removed.body).url).toBeNull();
    expect(await documentUrl("confidentiality_policy")).toBeNull();
  });

  it("gives a self-serve resource its link in the public services list", async () => {
    expect(await resourceUrl("wellbeing_resources")).toBeNull();
    const address = newAddress("wellbeing");
    expect((await put("wellbeing_resources", address)).status).toBe(200);
    expect(await resourceUrl("wellbeing_resources")).toBe(address);
    const forGroup = ServiceListSchema.parse((await get("/api/services?group=pharmacy")).body).services;
    expect(forGroup.find((service) => service.id === "wellbeing_resources")).toMatchObject({ url: address });
    expect((await put("wellbeing_resources", null)).status).toBe(200);
    expect(await resourceUrl("wellbeing_resources")).toBeNull();
  });

  it("writes an audit entry for each change, saying whether the link was set or removed", async () => {
    await put("reflective_practitioner", newAddress("reflective"));
    await put("reflective_practitioner", null);
    expect(await auditFor("reflective_practitioner")).toEqual([
      { actorId: admin.staff.id, detail: { linkId: "reflective_practitioner", change: "set" } },
      { actorId: admin.staff.id, detail: { linkId: "reflective_practitioner", change: "removed" } },
    ]);
  });

  it.each([
    ["an http:// address", "http://documents.example.org/policy.pdf"],
    ["text that is not an address", "the policy on the intranet"],
    ["an empty address", "  "],
    ["a number", 42],
  ])("refuses %s with 400 naming url, and changes nothing", async (_name, url) => {
    const { status, body } = await put("non_training_grades", url);
    expect(status).toBe(400);
    expect(errorOf(body).fields?.map((field) => field.field)).toEqual(["url"]);
    expect(await documentUrl("non_training_grades")).toBeNull();
    expect(await auditFor("non_training_grades")).toEqual([]);
  });

  it("answers 404 for an id that is neither a document nor a resource", async () => {
    const { status, body } = await put("spoc", newAddress("spoc"));
    expect(status).toBe(404);
    expect(errorOf(body).code).toBe("NOT_FOUND");
  });

  it.each([
    ["the same address", (address: string) => address],
    ["a trailing slash", (address: string) => `${address}/`],
    ["an upper-case host", (address: string) => address.replace("documents.example.org", "DOCUMENTS.Example.ORG")],
    ["a #fragment", (address: string) => `${address}#page=2`],
  ])("refuses an address another item uses, written with %s, naming url and the item", async (_name, variant) => {
    const address = newAddress("complaints");
    expect((await put("complaints_policy", address)).status).toBe(200);
    const { status, body } = await put("non_training_grades", variant(address));
    expect(status).toBe(409);
    const error = errorOf(body);
    expect(error.message).toContain("Complaints Policy");
    expect(error.fields).toEqual([{ field: "url", message: error.message }]);
    expect(await documentUrl("non_training_grades")).toBeNull();
    await put("complaints_policy", null);
  });

  it("lets an item keep its own address, and frees an address once its link is removed", async () => {
    const address = newAddress("fatigue");
    expect((await put("managing_fatigue", address)).status).toBe(200);
    expect((await put("managing_fatigue", `${address}/`)).status).toBe(200);
    expect((await put("managing_fatigue", null)).status).toBe(200);
    expect((await put("development_courses", address)).status).toBe(200);
    await put("development_courses", null);
  });

  it("gives one of two admins setting the same address on two items at once the clear error", async () => {
    const address = newAddress("race");
    const results = await Promise.all([
      put("neurodiversity_resources", address),
      put("differential_attainment", address),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const loser = results.find((result) => result.status === 409);
    expect(errorOf(loser?.body).fields?.[0]?.field).toBe("url");
    const urls = [await resourceUrl("neurodiversity_resources"), await resourceUrl("differential_attainment")];
    expect(urls.filter((url) => url === address)).toHaveLength(1);
    await Promise.all([put("neurodiversity_resources", null), put("differential_attainment", null)]);
  });

  it("maps the unique index refusing an address to the same answer", async () => {
    const address = newAddress("index");
    expect((await put("eligibility_criteria", address)).status).toBe(200);
    // A check that sees nothing leaves the unique index as the only guard.
    const result = await savePublishedLink(
      testApp.app.prisma,
      { id: "managing_fatigue", url: address, at: NOW, updatedById: admin.staff.id },
      {
        actorId: admin.staff.id,
        action: "PUBLISHED_LINK_CHANGED",
        detail: { linkId: "managing_fatigue", change: "set" },
      },
      () => null,
    );
    expect(result).toEqual({ outcome: "address_taken", takenBy: "eligibility_criteria" });
    await put("eligibility_criteria", null);
  });

  it("is for admins only: coordinators and leads 403, signed out 401", async () => {
    const address = newAddress("roles");
    expect((await put("managing_fatigue", address, coordinator.headers)).status).toBe(403);
    expect((await put("managing_fatigue", address, lead.headers)).status).toBe(403);
    expect(
      (await put("managing_fatigue", address, { origin: "http://localhost:80", host: "localhost:80" })).status,
    ).toBe(401);
    expect(await documentUrl("managing_fatigue")).toBeNull();
  });
});

describe("GET /api/staff/published-links", () => {
  it("lists every document and resource with its address and who changed it last", async () => {
    const address = newAddress("courses");
    await put("development_courses", address);
    const { status, body } = await get("/api/staff/published-links", admin.headers);
    expect(status).toBe(200);
    const { links } = PublishedLinkListSchema.parse(body);
    expect(links).toHaveLength(10);
    expect(links.find((link) => link.id === "development_courses")).toMatchObject({
      kind: "resource",
      title: "Development courses, conferences and e-learning",
      url: address,
      updatedAt: NOW.toISOString(),
      updatedByName: "Ari Admin",
    });
    expect(links.find((link) => link.id === "eligibility_criteria")).toMatchObject({
      kind: "document",
      issued: "May 2022",
    });
    await put("development_courses", null);
  });

  it("is for admins only", async () => {
    expect((await get("/api/staff/published-links", coordinator.headers)).status).toBe(403);
    expect((await get("/api/staff/published-links", lead.headers)).status).toBe(403);
    expect((await get("/api/staff/published-links")).status).toBe(401);
  });
});
