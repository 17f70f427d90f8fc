import {
  EligibilityDraftSchema,
  listServicesForGroup,
  REQUESTED_SERVICE_NOT_SURE,
  TraineeGroupSchema,
} from "@psu/domain";
import { z } from "zod";
import { hasExitedThisPage, onExitThisPage } from "../../../lib/quick-exit";
import { INITIAL_WIZARD_STATE, type WizardState } from "./wizard-state";

// The answers live in memory, in one store per page load (not per component), so moving to the
// crisis page and back, or between the wizard's pages, keeps them.
//
// Only the eligibility answers and the last step visited go to sessionStorage, so a refresh does
// not start the questions again. Nothing else is written to any browser storage, cookie or URL:
// name, contact details, registration, the trainee's story, consent, services, the resume code
// and the reference stay in memory and are gone after a refresh, as PRODUCT.md requires.

const STORAGE_KEY = "psu.referral";
const StoredProgressSchema = z.object({
  eligibility: EligibilityDraftSchema,
  lastStep: z.string().max(100).optional(),
});
type StoredProgress = z.infer<typeof StoredProgressSchema>;

type Listener = () => void;

export type WizardStore = {
  getState: () => WizardState;
  subscribe: (listener: Listener) => () => void;
  /** Applies a change; changed eligibility answers drop the old verdict and any services no longer open. */
  update: (change: (state: WizardState) => WizardState) => void;
  /** Starts again from `next` (empty answers by default). */
  reset: (next?: WizardState) => void;
};

export function createWizardStore(storage: Storage | null): WizardStore {
  let state = restore(storage);
  const listeners = new Set<Listener>();

  function commit(next: WizardState) {
    const previous = state;
    state = next;
    if (previous.eligibility !== next.eligibility || previous.lastStep !== next.lastStep) save(storage, next);
    for (const listener of listeners) listener();
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      commit(normalise(state, change(state)));
    },
    reset(next = INITIAL_WIZARD_STATE) {
      commit(next);
    },
  };
}

// Rules that hold whichever page made the change.
function normalise(previous: WizardState, next: WizardState): WizardState {
  let result = next;
  if (next.eligibility !== previous.eligibility && next.verdict === previous.verdict) {
    result = { ...result, verdict: undefined };
  }
  if (next.eligibility.group !== previous.eligibility.group && result.services !== undefined) {
    const group = TraineeGroupSchema.safeParse(next.eligibility.group);
    const open = new Set<string>(group.success ? listServicesForGroup(group.data).map((service) => service.id) : []);
    result = {
      ...result,
      services: result.services?.filter((id) => id === REQUESTED_SERVICE_NOT_SURE || open.has(id)),
    };
  }
  const answersChanged =
    next.eligibility !== previous.eligibility ||
    next.services !== previous.services ||
    next.details !== previous.details ||
    next.story !== previous.story ||
    next.consent !== previous.consent;
  // A changed referral is a new submission attempt, so it gets a new Idempotency-Key.
  if (answersChanged && next.submissionKey === previous.submissionKey) result = { ...result, submissionKey: undefined };
  return result;
}

function restore(storage: Storage | null): WizardState {
  const stored = read(storage);
  if (stored === null) return INITIAL_WIZARD_STATE;
  return {
    ...INITIAL_WIZARD_STATE,
    eligibility: stored.eligibility,
    lastStep: stored.lastStep,
    passedUrgentHelp: stored.lastStep !== undefined && stored.lastStep !== "urgent-help",
  };
}

function read(storage: Storage | null): StoredProgress | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    const parsed = StoredProgressSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function save(storage: Storage | null, state: WizardState) {
  // After "Exit this page" nothing may be written back, even by a render still in flight.
  if (storage === null || hasExitedThisPage()) return;
  try {
    const isEmpty = Object.keys(state.eligibility).length === 0 && state.lastStep === undefined;
    if (isEmpty) storage.removeItem(STORAGE_KEY);
    else {
      const progress: StoredProgress = { eligibility: state.eligibility, lastStep: state.lastStep };
      storage.setItem(STORAGE_KEY, JSON.stringify(progress));
    }
  } catch {
    // Full or blocked storage only costs the refresh-safety; the answers are still in memory.
  }
}

let sharedStore: WizardStore | undefined;

/** The page's one wizard store, emptied when the person uses "Exit this page". */
export function getWizardStore(): WizardStore {
  if (sharedStore === undefined) {
    const store = createWizardStore(openSessionStorage());
    onExitThisPage(() => store.reset());
    sharedStore = store;
  }
  return sharedStore;
}

function openSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
