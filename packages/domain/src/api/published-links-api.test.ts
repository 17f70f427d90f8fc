import { describe, expect, it } from "vitest";
import { DOCUMENTS } from "../catalogue/documents";
import { RESOURCE_SERVICE_IDS, SERVICES } from "../catalogue/services";
import {
  findSharedLinks,
  PUBLISHED_LINK_IDS,
  PUBLISHED_LINK_TARGETS,
  PublishedLinkIdSchema,
  UpdatePublishedLinkRequestSchema,
} from "./published-links-api";

const BASE = "https://documents.example.org/psu/confidentiality.pdf";

describe("findSharedLinks", () => {
  it.each([
    ["the same address", BASE],
    ["a trailing slash", `${BASE}/`],
    ["an upper-case host", "https://DOCUMENTS.Example.org/psu/confidentiality.pdf"],
    ["an upper-case scheme", "HTTPS://documents.example.org/psu/confidentiality.pdf"],
    ["a #fragment", `${BASE}#page=3`],
    ["spaces around it", `  ${BASE} `],
  ])("counts %s as the same address", (_name, other) => {
    expect(
      findSharedLinks([
        { id: "confidentiality_policy", url: BASE },
        { id: "complaints_policy", url: other },
      ]),
    ).toEqual([["confidentiality_policy", "complaints_policy"]]);
  });

  it.each([
    ["another path", "https://documents.example.org/psu/complaints.pdf"],
    ["a path differing only in case", "https://documents.example.org/PSU/confidentiality.pdf"],
    ["another query", `${BASE}?version=2`],
    ["another host", "https://example.org/psu/confidentiality.pdf"],
  ])("tells apart %s", (_name, other) => {
    expect(
      findSharedLinks([
        { id: "confidentiality_policy", url: BASE },
        { id: "complaints_policy", url: other },
      ]),
    ).toEqual([]);
  });

  it("ignores items with no link, and an item listed twice with its own address", () => {
    expect(
      findSharedLinks([
        { id: "confidentiality_policy", url: null },
        { id: "complaints_policy", url: null },
        { id: "wellbeing_resources", url: BASE },
        { id: "wellbeing_resources", url: `${BASE}/` },
      ]),
    ).toEqual([]);
  });

  it("names every item that shares the first one's address", () => {
    expect(
      findSharedLinks([
        { id: "eligibility_criteria", url: BASE },
        { id: "managing_fatigue", url: `${BASE}#top` },
        { id: "development_courses", url: `${BASE}/` },
      ]),
    ).toEqual([
      ["eligibility_criteria", "managing_fatigue"],
      ["eligibility_criteria", "development_courses"],
    ]);
  });
});

describe("published link targets", () => {
  it("are the six documents then the self-serve resources, each once", () => {
    expect(PUBLISHED_LINK_TARGETS.map((target) => target.id)).toEqual([...PUBLISHED_LINK_IDS]);
    expect(new Set(PUBLISHED_LINK_IDS).size).toBe(DOCUMENTS.length + RESOURCE_SERVICE_IDS.length);
    expect(DOCUMENTS).toHaveLength(6);
  });

  it("are exactly the services a trainee uses without a referral", () => {
    const selfServe = SERVICES.filter((service) => service.access === "self_serve").map((service) => service.id);
    expect([...RESOURCE_SERVICE_IDS].sort()).toEqual(selfServe.sort());
    for (const id of RESOURCE_SERVICE_IDS) expect(PublishedLinkIdSchema.parse(id)).toBe(id);
  });

  it("hold no invented address in the code: every resource starts without a link", () => {
    const resources = SERVICES.filter((service) => service.access === "self_serve");
    expect(resources.map((service) => service.url)).toEqual(resources.map(() => null));
  });
});

describe("UpdatePublishedLinkRequestSchema", () => {
  it.each([
    ["http://documents.example.org/a.pdf", false],
    ["not an address", false],
    ["", false],
    ["https://documents.example.org/a.pdf", true],
    [null, true],
  ])("accepts %j: %s", (url, valid) => {
    expect(UpdatePublishedLinkRequestSchema.safeParse({ url }).success).toBe(valid);
  });
});
