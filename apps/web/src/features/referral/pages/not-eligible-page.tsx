import { CRISIS_CONTACTS, PSU_COORDINATOR_EMAIL } from "@psu/domain";
import { Link, Navigate } from "react-router";
import { ContentPage } from "../../../components/content-page";
import { CrisisContactList } from "../../../components/crisis-contact-list";
import { toDialableContacts } from "../../../lib/dialable-crisis-contacts";
import { AdviceForEveryone } from "../components/advice-for-everyone";
import { useWizardStep } from "../wizard/use-wizard-step";

const HEADING = "You cannot use this service";

/**
 * The exit page: every reason the answers do not fit, where to go instead, the unit's advice
 * for everyone (whatever concerns were answered), and the crisis lines.
 */
export function NotEligiblePage() {
  const { state, redirectTo, back } = useWizardStep("not-eligible");
  if (redirectTo || state.verdict === undefined) return <Navigate to={redirectTo ?? "/refer"} replace />;

  const { reasons, signposts } = state.verdict;
  const localSupport = signposts.find((signpost) => signpost.code === "LOCAL_SUPPORT");
  return (
    <ContentPage heading={HEADING} back={{ to: back.to }}>
      <p>From your answers, the Professional Support Unit cannot take a referral from you. This is because:</p>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {reasons.map((reason) => (
          <li key={reason.code}>{reason.message}</li>
        ))}
      </ul>
      {localSupport && (
        <>
          <h2>{localSupport.title}</h2>
          <p>{localSupport.detail}</p>
        </>
      )}
      <p>
        If you think your answers were wrong, you can <Link to={back.to}>go back and change them</Link>. If you are not
        sure whether we can help, email <a href={`mailto:${PSU_COORDINATOR_EMAIL}`}>{PSU_COORDINATOR_EMAIL}</a>.
      </p>
      <AdviceForEveryone
        heading="Advice for every trainee"
        intro={<p>The PSU gives this advice to everyone, whether or not we can support them.</p>}
      />
      <h2>If you need help now</h2>
      <p>These services are free and confidential. You do not need to be referred.</p>
      <CrisisContactList contacts={toDialableContacts(CRISIS_CONTACTS)} />
    </ContentPage>
  );
}
