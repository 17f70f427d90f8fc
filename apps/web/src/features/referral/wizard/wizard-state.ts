import type {
  EligibilityVerdict,
  ReferralDraft,
  ReferralReceipt,
  RequestedService,
  SavedDraft,
  SignpostCode,
} from "@psu/domain";

// The wizard's answers as typed so far. The answer parts have the draft shapes from the domain
// (every field optional, values as typed), so a saved draft fills the wizard straight back in.

export type EligibilityDraft = NonNullable<ReferralDraft["eligibility"]>;
export type DetailsDraft = NonNullable<ReferralDraft["details"]>;
export type StoryDraft = NonNullable<ReferralDraft["story"]>;
export type ConsentDraft = NonNullable<ReferralDraft["consent"]>;

export type UrgentHelpAnswer = "yes" | "no";

export type WizardState = {
  /** The first question's answer; kept in memory only. */
  urgentHelp: UrgentHelpAnswer | undefined;
  /** Restored progress past the first question (its answer itself is not stored). */
  passedUrgentHelp: boolean;
  eligibility: EligibilityDraft;
  /** The API's verdict on the current eligibility answers; cleared whenever they change. */
  verdict: EligibilityVerdict | undefined;
  services: RequestedService[] | undefined;
  /** Signpost pages already shown, so a change of concerns shows only the new ones. */
  seenSignposts: SignpostCode[];
  details: DetailsDraft;
  story: StoryDraft;
  consent: ConsentDraft;
  /** The last question page visited (kept with the eligibility answers to continue after a refresh). */
  lastStep: string | undefined;
  /** The code of the draft saved in this visit: saving again updates that draft. Memory only. */
  resumeCode: string | undefined;
  /** The last save, for the "saved" page. */
  savedDraft: SavedDraft | undefined;
  /** One Idempotency-Key per submission attempt, kept for retries and double clicks. */
  submissionKey: string | undefined;
  /** The submitted referral's receipt, for the confirmation page. */
  receipt: ReferralReceipt | undefined;
};

export const INITIAL_WIZARD_STATE: WizardState = {
  urgentHelp: undefined,
  passedUrgentHelp: false,
  eligibility: {},
  verdict: undefined,
  services: undefined,
  seenSignposts: [],
  details: {},
  story: {},
  consent: {},
  lastStep: undefined,
  resumeCode: undefined,
  savedDraft: undefined,
  submissionKey: undefined,
  receipt: undefined,
};

/** The whole draft as the API stores it (save and come back later). */
export function toReferralDraft(state: WizardState, step: string | undefined): ReferralDraft {
  return {
    eligibility: state.eligibility,
    ...(state.services === undefined ? {} : { services: state.services }),
    details: state.details,
    story: state.story,
    consent: state.consent,
    ...(step === undefined ? {} : { step }),
  };
}

/** The wizard filled in from a resumed draft; everything else starts afresh. */
export function fromReferralDraft(draft: ReferralDraft, resumeCode: string): WizardState {
  return {
    ...INITIAL_WIZARD_STATE,
    passedUrgentHelp: true,
    eligibility: draft.eligibility ?? {},
    services: draft.services,
    details: draft.details ?? {},
    story: draft.story ?? {},
    consent: draft.consent ?? {},
    lastStep: draft.step,
    resumeCode,
  };
}
