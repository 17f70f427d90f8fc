import { describe, expect, it } from "vitest";
import { listOverriddenReasons, listRequestedLeadKinds } from "./allocation";

describe("allocation rules", () => {
  it.each([
    { services: ["coaching", "spoc", "coaching"], kinds: ["coaching", "spoc"] },
    { services: ["supported_return"], kinds: ["return_to_training"] },
    { services: ["wellbeing_resources"], kinds: ["spoc"] },
    { services: [], kinds: ["spoc"] },
  ])("services $services need leads of kinds $kinds", ({ services, kinds }) => {
    expect(listRequestedLeadKinds(services)).toEqual(kinds);
  });

  it("records only the reasons a coordinator may override", () => {
    const reasons = [{ code: "AT_CAPACITY" as const }, { code: "PREVIOUS_LEAD" as const }];
    expect(listOverriddenReasons(reasons)).toEqual(["AT_CAPACITY"]);
  });
});
