import { CRISIS_CONTACTS, describeEligibilityReason, PSU_COORDINATOR_EMAIL } from "@psu/domain";
import { Link, Navigate } from "react-router";
import { ContentPage } from "../../../components/content-page";
import { CrisisContactList } from "../../../components/crisis-contact-list";
import { toDialableContacts } from "../../../lib/dialable-crisis-contacts";
import { AdviceForEveryone } from "../components/advice-for-everyone";
import { SOMEONE_ELSE_STEP } from "../wizard/journey";
import { useWizardStep } from "../wizard/use-wizard-step";

const HEADING = "The trainee needs to refer themselves";

/**
 * The page right after "I am referring someone else": the answer at once, in words for the
 * person referring, with how to help the trainee refer themselves. No questions about them.
 */
export function ReferringSomeoneElsePage() {
  const { redirectTo, back } = useWizardStep(SOMEONE_ELSE_STEP);
  if (redirectTo) return <Navigate to={redirectTo} replace />;

  // The full address, so it can be copied into a message to the trainee.
  const startPageAddress = new URL("/", window.location.origin).href;
  return (
    <ContentPage heading={HEADING} back={back}>
      <p className="nhsuk-body-l">{describeEligibilityReason("NOT_SELF_REFERRAL")}</p>

      <h2>How to help them refer themselves</h2>
      <p>
        Send them the address of this service's start page, <Link to="/">{startPageAddress}</Link>. They can answer the
        questions there themselves.
      </p>
      <p>
        For advice on how to support them, email our coordinators at{" "}
        <a href={`mailto:${PSU_COORDINATOR_EMAIL}`}>{PSU_COORDINATOR_EMAIL}</a>.
      </p>
      <p>
        If you are a trainee referring yourself, <Link to={back.to}>change your answer</Link>.
      </p>

      <AdviceForEveryone
        heading="Advice you can pass on"
        intro={<p>The PSU gives this advice to every trainee, whether or not we can support them.</p>}
      />

      <h2>If they need help now</h2>
      <p>These services are free and confidential. Nobody needs to be referred to them.</p>
      <CrisisContactList contacts={toDialableContacts(CRISIS_CONTACTS)} />
    </ContentPage>
  );
}
