import { describe, expect, it } from "vitest";
import { CRISIS_CONTACTS } from "../crisis/crisis-contacts";
import type { Concern } from "./eligibility-answers";
import {
  listSignpostsForConcerns,
  PSU_COORDINATOR_EMAIL,
  SIGNPOST_CODES,
  SIGNPOSTS,
  SignpostSchema,
} from "./signposts";

describe("listSignpostsForConcerns", () => {
  it.each<{ concerns: Concern[]; codes: string[] }>([
    { concerns: [], codes: [] },
    { concerns: ["other"], codes: [] },
    { concerns: ["contract"], codes: ["CONTRACT"] },
    { concerns: ["physical_health"], codes: ["PHYSICAL_HEALTH"] },
    { concerns: ["rotation"], codes: ["ROTATION"] },
    { concerns: ["rotation", "other", "contract"], codes: ["CONTRACT", "ROTATION"] },
    { concerns: ["contract", "contract"], codes: ["CONTRACT"] },
    {
      concerns: ["other", "rotation", "physical_health", "contract"],
      codes: ["CONTRACT", "PHYSICAL_HEALTH", "ROTATION"],
    },
  ])("$concerns -> $codes", ({ concerns, codes }) => {
    expect(listSignpostsForConcerns(concerns).map((signpost) => signpost.code)).toEqual(codes);
  });
});

describe("SIGNPOSTS", () => {
  it.each(SIGNPOST_CODES)("%s is filed under its own code and fits the response schema", (code) => {
    expect(SIGNPOSTS[code].code).toBe(code);
    expect(SignpostSchema.parse(SIGNPOSTS[code])).toEqual(SIGNPOSTS[code]);
  });

  it.each([
    { code: "CONTRACT", places: ["line manager", "GP LEO", "HR"] },
    { code: "PHYSICAL_HEALTH", places: ["own GP", "Occupational Health"] },
    { code: "ROTATION", places: ["HET team", "Training Programme Director"] },
    {
      code: "LOCAL_SUPPORT",
      places: [
        "staff support",
        "Occupational Health",
        "deanery",
        "NHS Frontline",
        "Samaritans",
        "999",
        PSU_COORDINATOR_EMAIL,
      ],
    },
  ] as const)("$code says where to go: $places", ({ code, places }) => {
    for (const place of places) expect(SIGNPOSTS[code].detail).toContain(place);
  });

  it("quotes only crisis numbers that the crisis contacts list holds", () => {
    const known = new Set(CRISIS_CONTACTS.flatMap((contact) => contact.channels.map((channel) => channel.number)));
    // Runs of 3 or more digits (spaces allowed inside) are numbers; "7am to 11pm" is not.
    const quoted = (SIGNPOSTS.LOCAL_SUPPORT.detail.match(/\d[\d ]*\d/g) ?? []).filter((run) => run.length >= 3);
    expect(quoted).toEqual(["0300 131 7000", "85258", "116 123", "999"]);
    for (const number of quoted) expect(known).toContain(number);
  });

  it("quotes NHS Frontline's hours and text word as the crisis contacts list has them", () => {
    const frontline = CRISIS_CONTACTS.find((contact) => contact.id === "nhs_frontline");
    const [phone, text] = frontline?.channels ?? [];
    expect(SIGNPOSTS.LOCAL_SUPPORT.detail).toContain(`${phone?.number} (${phone?.hours})`);
    expect(SIGNPOSTS.LOCAL_SUPPORT.detail).toContain(`text ${text?.message} to ${text?.number}`);
  });
});
