import { ChoosePassword } from "../components/choose-password";

/** /staff/password-reset/new#<token>: a member of staff chooses a new password from the emailed link. */
export function ResetPasswordPage() {
  return <ChoosePassword purpose="password-reset" />;
}
