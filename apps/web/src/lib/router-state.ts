import { StaffReturnPathSchema } from "@psu/domain";
import { z } from "zod";

// What staff pages pass each other in the router's location state, which never reaches the URL:
// parsed on arrival like any other input. A page to go back to is a path on the staff side only
// (the domain's StaffReturnPathSchema, the rule single sign-on's return address follows too), so
// router state can never send someone elsewhere.

/**
 * What the sign-in page is told in the router's location state (never the URL): why the person
 * is there, and the staff page to return to afterwards.
 */
export const SignInStateSchema = z.object({
  /** session-ended: the server ended it; signed-out: they chose to; inactive: the web app's idle timeout. */
  reason: z.enum(["session-ended", "signed-out", "inactive"]).optional(),
  returnTo: StaffReturnPathSchema.optional(),
});
export type SignInState = z.infer<typeof SignInStateSchema>;

export function signInState(state: SignInState): SignInState {
  return state;
}

/** Where "Back" on a case goes: the queue as it was (view, filters, sort), passed in router state. */
export function readBackTo(state: unknown): string {
  const parsed = z.object({ backTo: StaffReturnPathSchema }).safeParse(state);
  return parsed.success ? parsed.data.backTo : "/staff";
}

/** The sign-in state from the router's location state; empty when there is none or it is not ours. */
export function readSignInState(state: unknown): SignInState {
  const parsed = SignInStateSchema.safeParse(state);
  return parsed.success ? parsed.data : {};
}

/** What a page that changed the staff list says on the list, if anything ("Alex has been added"). */
export function readStaffChanged(state: unknown): string | null {
  const parsed = z.object({ staffChanged: z.string().max(200) }).safeParse(state);
  return parsed.success ? parsed.data.staffChanged : null;
}
