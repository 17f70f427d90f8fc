import { CRISIS_CONTACTS } from "@psu/domain";
import { describe, expect, it } from "vitest";
import { toDialableContacts } from "./dialable-crisis-contacts";

describe("toDialableContacts", () => {
  it("gives each channel its dial address and each linked organisation its site, named by its address", () => {
    const contacts = toDialableContacts(CRISIS_CONTACTS);
    const samaritans = contacts.find((contact) => contact.id === "samaritans");
    expect(samaritans?.channels[0]?.href).toBe("tel:116123");
    expect(samaritans?.site).toEqual({ href: "https://www.samaritans.org/", label: "samaritans.org" });
    expect(contacts.filter((contact) => contact.site).map((contact) => contact.site?.label)).toEqual([
      "samaritans.org",
      "bma.org.uk",
      "practitionerhealth.nhs.uk",
    ]);
  });
});
