import { z } from "zod";
import type { Concern } from "./eligibility-answers";

/** The PSU coordinators' shared mailbox, from the unit's public page. */
export const PSU_COORDINATOR_EMAIL = "psu.lase@hee.nhs.uk";

export const SIGNPOST_CODES = ["CONTRACT", "PHYSICAL_HEALTH", "ROTATION", "LOCAL_SUPPORT"] as const;
export const SignpostCodeSchema = z.enum(SIGNPOST_CODES);
export type SignpostCode = z.infer<typeof SignpostCodeSchema>;

/** Where else to go: shown alongside a referral (never a refusal) or on the ineligible exit page. */
export const SignpostSchema = z.object({
  code: SignpostCodeSchema,
  title: z.string().min(1),
  detail: z.string().min(1),
});
export type Signpost = z.infer<typeof SignpostSchema>;

// Written for someone who may be anxious and reading on a phone: what to do, and who does it.
// The crisis numbers repeat CRISIS_CONTACTS; a test keeps the two in step.
export const SIGNPOSTS: Readonly<Record<SignpostCode, Signpost>> = {
  CONTRACT: {
    code: "CONTRACT",
    title: "Questions about your contract",
    detail:
      "Your line manager or employer deals with contracts, pay and terms, so please talk to them first. " +
      "GP trainees can contact the GP Lead Employer Organisation (GP LEO); other trainees can contact their Trust's HR team. " +
      "You can still ask us for support with how this is affecting you and your training.",
  },
  PHYSICAL_HEALTH: {
    code: "PHYSICAL_HEALTH",
    title: "Your physical health",
    detail:
      "For your physical health, please see your own GP, or your Trust's Occupational Health service, " +
      "who can also advise on adjustments at work. " +
      "You can still ask us for support with how your health is affecting your training.",
  },
  ROTATION: {
    code: "ROTATION",
    title: "Questions about your rotation",
    detail:
      "The HET team or your Training Programme Director can answer questions about rotations and placements, " +
      "so please contact them first. " +
      "You can still ask us for support with how this is affecting you and your training.",
  },
  LOCAL_SUPPORT: {
    code: "LOCAL_SUPPORT",
    title: "Where to get support instead",
    detail:
      "Your employer's staff support or Occupational Health service can help you now. " +
      "If you work or train outside London and Kent, Surrey and Sussex, your own deanery or NHS England region " +
      "has a professional support unit like ours. " +
      "If you need to talk to someone today, call NHS Frontline on 0300 131 7000 (7am to 11pm) or text FRONTLINE to 85258, " +
      "or call Samaritans on 116 123 at any time. In an emergency, call 999. " +
      `If you are not sure where to turn, email our coordinators at ${PSU_COORDINATOR_EMAIL}.`,
  },
};

// Concern signposts in the order they are shown, whatever order the concerns came in.
const CONCERN_SIGNPOSTS: readonly { concern: Concern; signpost: Signpost }[] = [
  { concern: "contract", signpost: SIGNPOSTS.CONTRACT },
  { concern: "physical_health", signpost: SIGNPOSTS.PHYSICAL_HEALTH },
  { concern: "rotation", signpost: SIGNPOSTS.ROTATION },
];

/** Lists one signpost per concern that has somewhere better to go first ("other" has none), in a fixed order. */
export function listSignpostsForConcerns(concerns: readonly Concern[]): Signpost[] {
  return CONCERN_SIGNPOSTS.filter((entry) => concerns.includes(entry.concern)).map((entry) => entry.signpost);
}
