import { z } from "zod";
import { NewPasswordSchema } from "../staff/password-policy";
import { createSingleLineTextSchema } from "../text/text-input";

// A member of staff's own account: accepting an invitation, resetting a forgotten password by
// email, and changing the password while signed in. One-time tokens travel in POST bodies, never
// in a URL the server sees: the emailed link carries them in its fragment (docs/decisions/006, 013).

/** How long each one-time link works. */
export const INVITATION_HOURS = 72;
export const PASSWORD_RESET_MINUTES = 60;

/** The one message for a link that is unknown, expired or already used (which of these is not said). */
export const INVALID_LINK_MESSAGE = "This link has expired or has already been used.";

/** The token from an emailed link (32 random bytes, base64url); anything else is simply not a valid link. */
export const OneTimeTokenSchema = createSingleLineTextSchema("The link", { error: "The link is not complete" })
  .trim()
  .min(1)
  .max(200);

export const CheckLinkRequestSchema = z.object({ token: OneTimeTokenSchema });

/** Whom a valid link is for, so the page can say so before a password is chosen. */
export const LinkHolderSchema = z.object({ name: z.string(), email: z.string() });
export type LinkHolder = z.infer<typeof LinkHolderSchema>;

export const SetPasswordRequestSchema = z.object({ token: OneTimeTokenSchema, password: NewPasswordSchema });
export type SetPasswordRequest = z.infer<typeof SetPasswordRequestSchema>;

export const PasswordResetRequestSchema = z.object({
  email: createSingleLineTextSchema("Email address", { error: "Enter your email address" })
    .trim()
    .toLowerCase()
    .min(1, "Enter your email address")
    .max(254, "Enter an email address of 254 characters or fewer")
    .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
});
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

/** The same answer whether or not the address has an account. */
export const PasswordResetRequestedSchema = z.object({ expiresInMinutes: z.number().int() });

export const ChangePasswordRequestSchema = z.object({
  currentPassword: createSingleLineTextSchema("Current password", { error: "Enter your current password" })
    .min(1, "Enter your current password")
    .max(1024, "Enter your current password"),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

/** What changing a password answers: how many other sessions (other browsers, devices) ended. */
export const PasswordChangedSchema = z.object({ otherSessionsEnded: z.number().int() });
