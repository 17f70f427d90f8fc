import { ChangePasswordRequestSchema, PASSWORD_HINT } from "@psu/domain";
import { useState } from "react";
import { FormPage } from "../../../components/form-page";
import { NotificationBanner } from "../../../components/notification-banner";
import { useForm } from "../../../components/use-form";
import { toApiFormErrors, toFormErrors } from "../../../lib/form-errors";
import { useSignedInStaff } from "../../../lib/staff-session";
import { useChangePassword } from "../api/change-password";
import { PasswordInput } from "../components/password-input";

const IDS = { currentPassword: "current-password", newPassword: "new-password" };

/** A signed-in member of staff changes their own password; every other session of theirs ends. */
export function ChangePasswordPage() {
  const staff = useSignedInStaff();
  const change = useChangePassword();
  const { values, field, reset, errors, failures, fail } = useForm({ currentPassword: "", newPassword: "" });
  const [changed, setChanged] = useState<{ key: number; otherSessionsEnded: number } | null>(null);

  function submit() {
    const parsed = ChangePasswordRequestSchema.safeParse(values);
    if (!parsed.success) {
      return fail(toFormErrors(parsed.error.issues, Object.values(IDS), IDS));
    }
    change.mutate(parsed.data, {
      onSuccess: ({ otherSessionsEnded }) => {
        reset();
        setChanged((current) => ({ key: (current?.key ?? 0) + 1, otherSessionsEnded }));
      },
      onError: (error) => {
        setChanged(null);
        fail(toApiFormErrors(error, { fieldIds: IDS }));
      },
    });
  }

  return (
    <FormPage
      title="Change your password"
      errors={errors}
      failures={failures}
      onSubmit={submit}
      submitLabel="Change password"
      isSubmitting={change.isPending}
      intro={
        <>
          {changed && (
            <NotificationBanner variant="success" heading="Your password has been changed" focusKey={changed.key}>
              <p>
                {changed.otherSessionsEnded === 0
                  ? "You were not signed in anywhere else."
                  : "You have been signed out on every other browser and device."}
              </p>
            </NotificationBanner>
          )}
          <h1>Change your password</h1>
          <p>
            For <strong>{staff.email}</strong>. Changing it signs you out on every other browser and device.
          </p>
        </>
      }
    >
      <input type="hidden" name="username" autoComplete="username" value={staff.email} />
      <PasswordInput
        {...field("currentPassword", IDS.currentPassword)}
        label="Current password"
        labelSize="s"
        autoComplete="current-password"
      />
      <PasswordInput
        {...field("newPassword", IDS.newPassword)}
        label="New password"
        labelSize="s"
        hint={PASSWORD_HINT}
        autoComplete="new-password"
      />
    </FormPage>
  );
}
