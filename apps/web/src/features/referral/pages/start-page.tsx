import { Link } from "react-router";
import { CareCard } from "../../../components/care-card";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useServices } from "../api/get-services";
import { ServiceList } from "../components/service-list";

const PAGE_HEADING = "Get support from the Professional Support Unit";

export function StartPage() {
  useDocumentTitle(PAGE_HEADING);

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>{PAGE_HEADING}</h1>
        <p className="nhsuk-body-l">
          The Professional Support Unit (PSU) offers free, confidential and independent support to postgraduate doctors,
          dentists, pharmacists and other healthcare trainees in London and Kent, Surrey and Sussex (KSS).
        </p>
        <p>Use this service to refer yourself to the PSU for support with anything that is affecting your training.</p>

        <h2>Who can use this service</h2>
        <p>You can use this service if you are training in London or Kent, Surrey and Sussex and you are:</p>
        <ul>
          <li>a postgraduate doctor or dentist with a London or KSS training number</li>
          <li>a healthcare professional in Agenda for Change bands 5 to 8 on a recognised training scheme</li>
          <li>a trainee or foundation pharmacist, or a trainee pharmacy technician</li>
          <li>a doctor on the Induction and Returning, Retainer or International GP Recruitment scheme</li>
          <li>a doctor on the Clinical Apprenticeship Scheme or the Medical Support Worker programme</li>
        </ul>
        <p>We will ask you some questions to check you can get support from the PSU.</p>

        <h2>Before you start</h2>
        <p>
          You will need to tell us about your training, what is happening and what you think would help. What you tell
          us is kept confidential.
        </p>

        <Link to="/refer" className="nhsuk-button" draggable={false}>
          Start now
        </Link>

        <CareCard urgency="urgent" heading="If you need help now">
          <p>The PSU cannot respond straight away. Do not wait for a referral if you need to talk to someone now.</p>
          <p>
            <Link to="/get-help-now">See who you can contact now, day or night</Link>
          </p>
        </CareCard>

        <h2>Support the PSU offers</h2>
        <Services />
      </div>
    </div>
  );
}

function Services() {
  const { data, isPending, isError, refetch } = useServices();
  if (isPending) return <LoadingStatus>Loading the list of services</LoadingStatus>;
  if (isError) {
    return (
      <LoadError onRetry={() => void refetch()}>
        <p>Sorry, we could not load the list of services. You can still start your referral.</p>
      </LoadError>
    );
  }
  return <ServiceList services={data.services} />;
}
