import { describe, expect, it } from "vitest";
import { createWizardStore } from "./wizard-store";

/** A Storage that records what is written, as sessionStorage would hold it. */
function createMemoryStorage(): Storage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    clear: () => entries.clear(),
    getItem: (key) => entries.get(key) ?? null,
    key: (index) => [...entries.keys()][index] ?? null,
    removeItem: (key) => void entries.delete(key),
    setItem: (key, value) => void entries.set(key, value),
  };
}

const SECRETS = {
  fullName: "Alex Example",
  personalEmail: "alex@example.com",
  phone: "07700 900982",
  whatIsHappening: "A very private account",
  resumeCode: "ABCD2345EFGH",
};

describe("createWizardStore", () => {
  it("writes only the eligibility answers and the last step to storage, never details, story, services or codes", () => {
    const storage = createMemoryStorage();
    const store = createWizardStore(storage);
    store.update((state) => ({
      ...state,
      eligibility: { referrer: "self", region: "london", group: "caps_or_msw", concerns: ["contract"] },
      lastStep: "your-situation",
    }));
    store.update((state) => ({
      ...state,
      services: ["coaching"],
      details: { fullName: SECRETS.fullName, personalEmail: SECRETS.personalEmail, phone: SECRETS.phone },
      story: { whatIsHappening: SECRETS.whatIsHappening },
      consent: { acceptsConfidentialityPolicy: true },
      resumeCode: SECRETS.resumeCode,
      receipt: { reference: "PSU-7K3F-9QX4", submittedAt: "2025-11-24T10:00:00.000Z", triageDueOn: "2025-11-26" },
    }));

    const written = [...storage.entries.values()].join("\n");
    for (const secret of [...Object.values(SECRETS), "coaching", "PSU-7K3F-9QX4"])
      expect(written).not.toContain(secret);
    expect(JSON.parse(storage.getItem("psu.referral") ?? "null")).toEqual({
      eligibility: { referrer: "self", region: "london", group: "caps_or_msw", concerns: ["contract"] },
      lastStep: "your-situation",
    });
  });

  it("restores the eligibility answers after a refresh, and nothing else", () => {
    const storage = createMemoryStorage();
    storage.setItem(
      "psu.referral",
      JSON.stringify({ eligibility: { referrer: "self", region: "kss" }, lastStep: "your-group" }),
    );
    const state = createWizardStore(storage).getState();
    expect(state.eligibility).toEqual({ referrer: "self", region: "kss" });
    expect(state.passedUrgentHelp).toBe(true);
    expect(state.details).toEqual({});
  });

  it("ignores stored answers that do not parse", () => {
    const storage = createMemoryStorage();
    storage.setItem("psu.referral", JSON.stringify({ eligibility: { region: "mars" } }));
    expect(createWizardStore(storage).getState().eligibility).toEqual({});
  });

  it("drops the verdict and the submission key when an eligibility answer changes", () => {
    const store = createWizardStore(createMemoryStorage());
    store.update((state) => ({
      ...state,
      eligibility: { referrer: "self" },
      verdict: { eligible: true, reasons: [], signposts: [] },
      submissionKey: "key-1",
    }));
    store.update((state) => ({ ...state, eligibility: { ...state.eligibility, region: "london" } }));
    expect(store.getState().verdict).toBeUndefined();
    expect(store.getState().submissionKey).toBeUndefined();
  });

  it("drops services the new group cannot ask for when the group changes", () => {
    const store = createWizardStore(createMemoryStorage());
    store.update((state) => ({
      ...state,
      eligibility: { group: "doctor_or_dentist" },
      services: ["mental_health", "coaching", "not_sure"],
    }));
    store.update((state) => ({ ...state, eligibility: { group: "pharmacy" } }));
    expect(store.getState().services).toEqual(["coaching", "not_sure"]);
  });
});
