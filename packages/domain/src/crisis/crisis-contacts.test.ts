import { describe, expect, it } from "vitest";
import { findSharedLinks } from "../api/published-links-api";
import { CrisisContactListSchema } from "./crisis-contact-schemas";
import { CRISIS_CONTACTS, describeCrisisChannel, toDialAddress } from "./crisis-contacts";

// The crisis lines exactly as the unit's page gives them (PRODUCT.md): numbers, hours and the
// three organisations it links to. A line that loses its link or its hours fails here.
const UNIT_PAGE = [
  { id: "nhs_frontline", channels: ["call 0300 131 7000 (7am to 11pm)", "text FRONTLINE to 85258"], site: null },
  { id: "nhs_bereavement", channels: ["call 0300 303 4434 (7am to 11pm)"], site: null },
  { id: "bma_counselling", channels: ["call 0330 123 1245"], site: "bma.org.uk" },
  { id: "samaritans", channels: ["call 116 123"], site: "samaritans.org" },
  { id: "practitioner_health", channels: ["text NHSPH to 85258"], site: "practitionerhealth.nhs.uk" },
  { id: "emergency", channels: ["call 999"], site: null },
];

describe("crisis contacts", () => {
  it.each(UNIT_PAGE)("$id reads as the unit's page gives it", ({ id, channels, site }) => {
    const contact = CRISIS_CONTACTS.find((candidate) => candidate.id === id);
    expect(contact?.channels.map(describeCrisisChannel)).toEqual(channels);
    if (site === null) {
      expect(contact?.website).toBeUndefined();
    } else {
      const host = /^https:\/\/([^/]+)\//.exec(contact?.website ?? "")?.[1] ?? "none";
      expect(host === site || host.endsWith(`.${site}`), `${id} links to ${site}`).toBe(true);
    }
  });

  it("says who a line is for only where the unit's page does", () => {
    const audiences = Object.fromEntries(CRISIS_CONTACTS.map((contact) => [contact.id, contact.audience ?? null]));
    expect(audiences).toEqual({
      emergency: "If you or someone else is in immediate danger",
      samaritans: null,
      nhs_frontline: "All NHS staff",
      nhs_bereavement: "NHS staff",
      bma_counselling: "All doctors, whether BMA members or not",
      practitioner_health: null,
    });
  });

  it("lists every line of the unit's page and nothing else", () => {
    expect(CRISIS_CONTACTS.map((contact) => contact.id).sort()).toEqual(UNIT_PAGE.map((line) => line.id).sort());
  });

  it("gives every organisation its own link, over https", () => {
    const links = CRISIS_CONTACTS.map((contact) => ({ id: contact.id, url: contact.website ?? null }));
    expect(findSharedLinks(links)).toEqual([]);
    expect(CrisisContactListSchema.safeParse({ contacts: CRISIS_CONTACTS }).success).toBe(true);
  });

  it("dials digits only", () => {
    expect(CRISIS_CONTACTS.flatMap((contact) => contact.channels.map(toDialAddress))).toContain("tel:03001317000");
    expect(CRISIS_CONTACTS.flatMap((contact) => contact.channels.map(toDialAddress))).toContain("sms:85258");
  });
});
