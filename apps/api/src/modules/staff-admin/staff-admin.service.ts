import {
  type AddLeaveRequestSchema,
  type AuditAction,
  type CreateStaffMemberRequestSchema,
  type StaffMember,
  type StaffMemberListSchema,
  StaffMemberSchema,
  type StaffProfile,
  type UpdateStaffMemberRequestSchema,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import type { z } from "zod";
import { AppError } from "../../errors/app-error";
import { hasPassword, writeOneTimeLink } from "../account/account.repository";
import { type LinkSettings, planOneTimeLink } from "../account/account.service";
import type { AuditRecord } from "../audit/audit.repository";
import {
  addLeave,
  createStaffMember,
  findStaffMember,
  listStaffMembers,
  removeLeave,
  type StaffMemberRecord,
  updateMemberWith,
  updateStaffMember,
} from "./staff-admin.repository";

/** The admin making a change, where from and when. */
export interface AdminContext {
  staff: StaffProfile;
  ip: string;
  now: Date;
}

const MEMBER_NOT_FOUND = "There is no member of staff with that id.";
const LEAVE_NOT_FOUND = "That member of staff has no such leave.";

// Parsed, not cast: a row with a role or lead kind the domain no longer knows is a bug to see.
function toStaffMember(record: StaffMemberRecord): StaffMember {
  return StaffMemberSchema.parse(record);
}

/** The audit entry for an admin's change: the service decides it, the repository writes it. */
function auditEntry(context: AdminContext, action: AuditAction, detail: AuditRecord["detail"]): AuditRecord {
  return { actorId: context.staff.id, ip: context.ip, action, detail };
}

/** The member as a change left them; 404 with `message` when it found nobody (or no such leave) to change. */
function toChangedMember(updated: StaffMemberRecord | null, message = MEMBER_NOT_FOUND): StaffMember {
  if (!updated) throw new AppError("NOT_FOUND", message);
  return toStaffMember(updated);
}

async function getMember(prisma: PrismaClient, id: string): Promise<StaffMemberRecord> {
  const member = await findStaffMember(prisma, id);
  if (!member) throw new AppError("NOT_FOUND", MEMBER_NOT_FOUND);
  return member;
}

/** Services covered and capacity describe leads only; on anyone else they would mislead. */
function checkLeadDetails(role: string, details: { leadKinds?: string[]; capacity?: number }): void {
  if (role === "lead") return;
  const fields = [
    ...(details.leadKinds?.length ? [{ field: "leadKinds", message: "Only leads cover services" }] : []),
    ...(details.capacity ? [{ field: "capacity", message: "Only leads have a caseload capacity" }] : []),
  ];
  if (fields.length > 0)
    throw new AppError(
      "VALIDATION_FAILED",
      `Check ${fields.map((f) => f.field).join(", ")}: only leads cover services and have a capacity.`,
      fields,
    );
}

/** Everyone on the staff list, active or not, by name. */
export async function listStaff(prisma: PrismaClient): Promise<z.infer<typeof StaffMemberListSchema>> {
  return { members: (await listStaffMembers(prisma)).map(toStaffMember) };
}

/** The invitation for a member: a one-time link to set their own password, emailed, and its audit entry. */
function planInvitation(
  settings: LinkSettings,
  context: AdminContext,
  member: { id: string; email: string },
  action: "STAFF_INVITATION_SENT" | "STAFF_INVITATION_RESENT",
) {
  return planOneTimeLink(settings, {
    staffId: member.id,
    emailTo: member.email,
    purpose: "invitation",
    now: context.now,
    audit: auditEntry(context, action, { staffId: member.id }),
  });
}

/** How staff sign in here: invitations set passwords, so they go out only while password sign-in is on. */
export type StaffAdminSettings = LinkSettings & { passwordSignIn: boolean };

/**
 * Adds a member of staff with no password, and emails them an invitation to choose their own
 * (nobody chooses a password for anyone else), in one transaction. With password sign-in
 * switched off there is no invitation: the member signs in by single sign-on.
 */
export async function createStaff(
  prisma: PrismaClient,
  settings: StaffAdminSettings,
  member: z.infer<typeof CreateStaffMemberRequestSchema>,
  context: AdminContext,
): Promise<StaffMember> {
  checkLeadDetails(member.role, member);
  const created = await createStaffMember(
    prisma,
    member,
    (staffId) =>
      auditEntry(context, "STAFF_CREATED", {
        staffId,
        role: member.role,
        leadKinds: member.leadKinds,
        capacity: member.capacity,
      }),
    async (tx, staffId) => {
      if (!settings.passwordSignIn) return;
      await writeOneTimeLink(
        tx,
        planInvitation(settings, context, { id: staffId, email: member.email }, "STAFF_INVITATION_SENT"),
      );
    },
  );
  if (created === "duplicate_email") {
    const message = "A member of staff already has that email address.";
    throw new AppError("CONFLICT", message, [{ field: "email", message }]);
  }
  return toStaffMember(created);
}

/**
 * Changes what a member of staff covers, their capacity, Trusts, or whether they may sign in.
 * Deactivating signs them out everywhere. Admins cannot deactivate themselves, so the service
 * always keeps at least the admin doing the deactivating.
 */
export async function updateStaff(
  prisma: PrismaClient,
  id: string,
  request: z.infer<typeof UpdateStaffMemberRequestSchema>,
  context: AdminContext,
): Promise<StaffMember> {
  const fields = Object.entries(request)
    .filter(([, value]) => value !== undefined)
    .map(([field]) => field);
  if (fields.length === 0) {
    throw new AppError("VALIDATION_FAILED", "Say what to change.", [{ field: "body", message: "Say what to change" }]);
  }
  const existing = await getMember(prisma, id);
  checkLeadDetails(existing.role, request);
  if (request.active === false && id === context.staff.id) {
    throw new AppError("CONFLICT", "You cannot deactivate your own account. Ask another admin.");
  }
  // Field names and codes only: affiliations are free text.
  const detail = {
    staffId: id,
    fields,
    ...(request.active !== undefined ? { active: request.active } : {}),
    ...(request.leadKinds !== undefined ? { leadKinds: request.leadKinds } : {}),
    ...(request.capacity !== undefined ? { capacity: request.capacity } : {}),
  };
  return toChangedMember(await updateStaffMember(prisma, id, request, auditEntry(context, "STAFF_UPDATED", detail)));
}

/** Records a lead's leave (both days included); the suggestions stop offering them for it. */
export async function addStaffLeave(
  prisma: PrismaClient,
  id: string,
  request: z.infer<typeof AddLeaveRequestSchema>,
  context: AdminContext,
): Promise<StaffMember> {
  const existing = await getMember(prisma, id);
  if (existing.role !== "lead") throw new AppError("CONFLICT", "Leave is recorded for leads only.");
  const updated = await addLeave(prisma, id, request, (leaveId) =>
    auditEntry(context, "LEAVE_ADDED", { staffId: id, leaveId, fromDay: request.fromDay, toDay: request.toDay }),
  );
  return toChangedMember(updated);
}

/** Removes a period of leave (entered by mistake, or cancelled). */
export async function removeStaffLeave(
  prisma: PrismaClient,
  id: string,
  leaveId: string,
  context: AdminContext,
): Promise<StaffMember> {
  const updated = await removeLeave(
    prisma,
    id,
    leaveId,
    auditEntry(context, "LEAVE_REMOVED", { staffId: id, leaveId }),
  );
  return toChangedMember(updated, LEAVE_NOT_FOUND);
}

/**
 * Sends a member a new invitation; the one before stops working. Only for active members who
 * have not set a password yet (409): anyone else resets their password from the sign-in page.
 */
export async function resendInvitation(
  prisma: PrismaClient,
  settings: StaffAdminSettings,
  id: string,
  context: AdminContext,
): Promise<StaffMember> {
  if (!settings.passwordSignIn) {
    throw new AppError("CONFLICT", "Password sign-in is switched off here: staff sign in by single sign-on.");
  }
  const member = await getMember(prisma, id);
  if (!member.active) throw new AppError("CONFLICT", "They cannot sign in: allow them to sign in first.");
  if (await hasPassword(prisma, id)) {
    throw new AppError(
      "CONFLICT",
      "They have already set a password. If they have forgotten it, they can reset it from the sign-in page.",
    );
  }
  const updated = await updateMemberWith(prisma, id, (tx) =>
    writeOneTimeLink(tx, planInvitation(settings, context, member, "STAFF_INVITATION_RESENT")),
  );
  return toChangedMember(updated);
}
