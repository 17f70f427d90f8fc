import { DRAFT_LIFETIME_TEXT, GRACE_PERIOD_MONTHS } from "@psu/domain";
import { lazy, Suspense } from "react";
import { Link } from "react-router";
import { CareCard } from "../../../components/care-card";
import { ContentPage } from "../../../components/content-page";
import { LoadingStatus } from "../../../components/loading-status";

const PAGE_HEADING = "Get support from the Professional Support Unit";

// Below the fold, and it needs react-query and zod: fetched once the page is on screen.
const ServicesSection = lazy(() =>
  import("../components/services-section").then((module) => ({ default: module.ServicesSection })),
);

export function StartPage() {
  return (
    <ContentPage heading={PAGE_HEADING}>
      <p className="nhsuk-body-l">
        The Professional Support Unit (PSU) offers free, confidential and independent support to postgraduate doctors,
        dentists, pharmacists and other healthcare trainees in London and Kent, Surrey and Sussex (KSS).
      </p>
      <p>
        The PSU works independently of Specialty Schools, training programmes and Trusts, and offers confidential and
        impartial support.
      </p>
      <p>
        Use this service to refer yourself to the PSU if you are not sure which of our services would help you, or if
        you would like more than one.
      </p>

      <h2>Who can use this service</h2>
      <p>You can use this service if you are training in London or Kent, Surrey and Sussex and you are:</p>
      <ul>
        <li>
          a postgraduate doctor or dentist with a London or KSS training number, from the foundation years until you
          complete your training (CCT): a doctor in a London or KSS foundation programme counts as holding a training
          number
        </li>
        <li>
          a doctor or dentist who completed training (CCT) or gave up their training number in the last{" "}
          {GRACE_PERIOD_MONTHS} months
        </li>
        <li>a healthcare professional in Agenda for Change bands 5 to 8 on a recognised training scheme</li>
        <li>
          a trainee or foundation pharmacist, a trainee pharmacy technician, or a pharmacist on the 18-month GP
          pharmacist training pathway
        </li>
        <li>a doctor on the Induction and Returning, Retainer or International GP Recruitment scheme</li>
        <li>a doctor on the Clinical Apprenticeship Scheme or the Medical Support Worker programme</li>
      </ul>
      <p>We will ask you some questions to check you can get support from the PSU.</p>

      <h2>Before you start</h2>
      <p>
        You will need to tell us about your training, what is happening and what you think would help. What you tell us
        is kept confidential.
      </p>
      <p>
        You can save your answers and come back to them later. We keep saved answers {DRAFT_LIFETIME_TEXT}. Your answers
        are not kept on this device: if you close the page without saving, you will need to start again.
      </p>

      <h2>Leaving this site quickly</h2>
      <p>
        If you need to leave this site quickly, select <strong>Exit this page</strong> at the top of the screen, or
        press the <strong>Shift</strong> key 3 times. The page will be replaced with the BBC weather website. This does
        not clear your browsing history.
      </p>

      <Link to="/refer" className="nhsuk-button" draggable={false}>
        Start now
      </Link>

      <ul className="nhsuk-list">
        <li>
          <Link to="/refer/resume">Continue a saved referral</Link>
        </li>
        <li>
          <Link to="/check-status">Check the status of a referral</Link>
        </li>
      </ul>

      <CareCard urgency="urgent" heading="If you need help now">
        <p>The PSU cannot respond straight away. Do not wait for a referral if you need to talk to someone now.</p>
        <p>
          <Link to="/get-help-now">See who you can contact now, day or night</Link>
        </p>
      </CareCard>

      <h2>Support the PSU offers</h2>
      <Suspense fallback={<LoadingStatus>Loading the list of services</LoadingStatus>}>
        <ServicesSection />
      </Suspense>
    </ContentPage>
  );
}
