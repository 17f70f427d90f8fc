import { describe, expect, it } from "vitest";
import { countAppliedFilters, readQueueFilters, toQueueQuery, writeQueueFilters } from "./queue-filters";

const LEAD_ID = "8d4f7a52-3b0e-4c59-9a55-0a2f7f1f3c11";

describe("readQueueFilters", () => {
  it("starts from the default view, oldest first, with nothing filtered", () => {
    expect(readQueueFilters(new URLSearchParams(""), "unassigned")).toEqual({
      view: "unassigned",
      sort: "oldest",
      status: [],
      service: undefined,
      region: undefined,
      urgency: undefined,
      channel: undefined,
      sla: undefined,
      leadId: undefined,
    });
  });

  it("reads every filter from the query string", () => {
    const params = new URLSearchParams(
      `view=all&sort=newest&status=new&status=triage&service=spoc&region=kss&urgency=when_possible&channel=phone&sla=breached&leadId=${LEAD_ID}`,
    );
    expect(readQueueFilters(params, "unassigned")).toEqual({
      view: "all",
      sort: "newest",
      status: ["new", "triage"],
      service: "spoc",
      region: "kss",
      urgency: "when_possible",
      channel: "phone",
      sla: "breached",
      leadId: LEAD_ID,
    });
  });

  it.each([
    ["an unknown view", "view=everything", { view: "unassigned" }],
    ["an unknown sort", "sort=sideways", { sort: "oldest" }],
    ["an unknown status among known ones", "status=new&status=lost", { status: ["new"] }],
    ["a lead that is not an id", "leadId=Sam%20Spoc", { leadId: undefined }],
    ["a region outside London and KSS", "region=elsewhere", { region: undefined }],
    ["a channel the unit does not have", "channel=fax", { channel: undefined }],
  ])("ignores %s", (_, query, expected) => {
    expect(readQueueFilters(new URLSearchParams(query), "unassigned")).toMatchObject(expected);
  });
});

describe("writeQueueFilters", () => {
  it("leaves out the defaults and reads back to the same filters", () => {
    const filters = readQueueFilters(new URLSearchParams("view=all&status=closed&leadId=unassigned"), "unassigned");
    const written = writeQueueFilters(filters, "unassigned");
    expect(written.toString()).toBe("view=all&status=closed&leadId=unassigned");
    expect(readQueueFilters(written, "unassigned")).toEqual(filters);
    expect(
      writeQueueFilters({ ...filters, view: "unassigned", status: [], leadId: undefined }, "unassigned").toString(),
    ).toBe("");
  });
});

describe("toQueueQuery", () => {
  const filters = readQueueFilters(new URLSearchParams("view=breaching_soon&service=ist"), "unassigned");

  it("sends only the filters that are set, the trimmed search and the cursor", () => {
    expect(toQueueQuery(filters, "  alex  ", "cursor-2")).toEqual({
      view: "breaching_soon",
      sort: "oldest",
      service: "ist",
      search: "alex",
      cursor: "cursor-2",
    });
  });

  it("sends no search when the box is blank", () => {
    expect(toQueueQuery(filters, "   ", undefined)).not.toHaveProperty("search");
  });
});

describe("countAppliedFilters", () => {
  it("counts the ticked statuses as one filter and leaves out the view and sort", () => {
    const filters = readQueueFilters(
      new URLSearchParams("view=all&sort=newest&status=new&status=triage&sla=due_soon"),
      "all",
    );
    expect(countAppliedFilters(filters)).toBe(2);
  });
});
