import { ChoosePassword } from "../components/choose-password";

/** /staff/invitation#<token>: an invited member of staff creates their own password. */
export function AcceptInvitationPage() {
  return <ChoosePassword purpose="invitation" />;
}
