import { z } from "zod";
import { keysOf } from "../keys-of";

// Every action the audit log records, in one typed list: the API writes only these (from its
// services), and the audit page offers them as its filter, with these words.

export const AUDIT_ACTION_LABELS = {
  CASE_VIEWED: "Case viewed",
  CASE_VIEW_REFUSED: "Case view refused",
  CASE_BREAK_GLASS_VIEWED: "Case read by break-glass",
  CASE_SUGGESTIONS_VIEWED: "Lead suggestions viewed",
  CASE_STATUS_CHANGED: "Case status changed",
  CASE_ASSIGNED: "Case allocated",
  CASE_NOTE_ADDED: "Note added",
  CASE_SAFETY_FLAG_CHANGED: "Safety flag changed",
  CASE_FIRST_CONTACT_RECORDED: "First contact recorded",
  REFERRAL_RECORDED: "Referral recorded by staff",
  STAFF_CREATED: "Staff member added",
  STAFF_UPDATED: "Staff member changed",
  STAFF_INVITATION_SENT: "Invitation sent",
  STAFF_INVITATION_RESENT: "Invitation sent again",
  STAFF_INVITATION_ACCEPTED: "Invitation accepted (password set)",
  PASSWORD_CHANGED: "Password changed",
  PASSWORD_RESET_REQUESTED: "Password reset requested",
  PASSWORD_RESET_COMPLETED: "Password reset",
  LEAVE_ADDED: "Leave added",
  LEAVE_REMOVED: "Leave removed",
  PUBLISHED_LINK_CHANGED: "Document or resource link changed",
  REPORT_EXPORTED: "Report downloaded",
  EQUALITY_REPORT_VIEWED: "Equality report viewed",
  SUBJECT_ACCESS_EXPORTED: "Subject access export",
  DATA_ERASED: "Data erased on request",
  RETENTION_ANONYMISED: "Retention run",
  SIGNED_IN: "Signed in",
  SIGN_IN_FAILED: "Sign-in failed",
  SIGN_IN_LOCKED_OUT: "Sign-in locked out",
  SECOND_FACTOR_FAILED: "Second factor failed",
  SECOND_FACTOR_ENROLLED: "Authenticator app set up",
  RECOVERY_CODE_USED: "Recovery code used",
  SIGNED_OUT: "Signed out",
  SSO_SIGN_IN_SUCCEEDED: "Signed in by single sign-on",
  SSO_SIGN_IN_REFUSED: "Single sign-on refused",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = keysOf(AUDIT_ACTION_LABELS);
export const AuditActionSchema = z.enum(AUDIT_ACTIONS, { error: "Choose an action from the list" });
