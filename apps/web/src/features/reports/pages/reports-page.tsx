import {
  CASE_STATUS_LABELS,
  type ReportSummary,
  type ReportTable as ReportTableName,
  type ResponseTime,
  SLA_KINDS,
  type SlaKind,
} from "@psu/domain";
import { Link } from "react-router";
import { ErrorSummary } from "../../../components/error-summary";
import { formatLondonDate } from "../../../lib/format-date";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useReportSummary } from "../api/get-report-summary";
import { toReportCsvHref } from "../api/reports-query-key";
import { BarChart } from "../components/bar-chart";
import { CountSection } from "../components/count-section";
import { NotAllowed } from "../components/not-allowed";
import { PeriodForm } from "../components/period-form";
import { formatCount, formatPeriod, formatShare, formatWorkingDays } from "../components/report-format";
import { ReportFigures, useReportPeriod } from "../components/report-page-state";
import { isNotAllowed, type ReportPeriod, toPeriodErrors } from "../components/report-period";
import { CsvLink, ReportTable } from "../components/report-table";

const TITLE = "Reports";

/**
 * Reports for coordinators and admins: referral volumes, response times, open cases and
 * caseloads for a period in the URL (months are not personal data). Each chart is followed by
 * a table of the same numbers, which can be downloaded as CSV. Leads are refused by the API.
 */
export function ReportsPage() {
  const { period, formKey, form, apply } = useReportPeriod();
  const summary = useReportSummary(period);
  const errors = form.errors.length > 0 ? form.errors : toPeriodErrors(summary.error);
  useDocumentTitle(TITLE, { hasError: errors.length > 0 });

  if (isNotAllowed(summary.error)) return <NotAllowed title={TITLE} />;

  return (
    <>
      <ErrorSummary errors={errors} focusKey={form.failures} />
      <h1>{TITLE}</h1>
      <p className="app-report-intro">
        Referrals, response times, open cases and caseloads. Every figure is a count: no trainee is named.{" "}
        <Link to="/staff/reports/equality">Equality monitoring</Link> is on its own page, by quarter.
      </p>
      <PeriodForm key={formKey} period={period} errors={errors} onSubmit={apply} />
      <ReportFigures query={summary} hasPeriodErrors={errors.length > 0}>
        {(data) => <Figures summary={data} />}
      </ReportFigures>
    </>
  );
}

// The breakdowns of referral volumes, each a chart, its table and its CSV download.
const VOLUME_SECTIONS: readonly {
  counts: "byMonth" | "byService" | "byRegion" | "byProfession" | "byChannel";
  table: ReportTableName;
  heading: string;
  caption: string;
  header: string;
  note?: string;
}[] = [
  {
    counts: "byMonth",
    table: "referrals-by-month",
    heading: "By month",
    caption: "Referrals by month",
    header: "Month",
  },
  {
    counts: "byService",
    table: "referrals-by-service",
    heading: "By service",
    caption: "Referrals by service",
    header: "Service",
    note: "A referral that asked for more than one service counts once under each of them.",
  },
  {
    counts: "byRegion",
    table: "referrals-by-region",
    heading: "By region",
    caption: "Referrals by region",
    header: "Region",
  },
  {
    counts: "byProfession",
    table: "referrals-by-profession",
    heading: "By profession",
    caption: "Referrals by profession",
    header: "Profession",
  },
  {
    counts: "byChannel",
    table: "referrals-by-channel",
    heading: "By how they arrived",
    caption: "Referrals by how they arrived",
    header: "Received by",
    note: "Referrals by email or phone are recorded by a coordinator; the rest came through the online form.",
  },
];

function Figures({ summary }: { summary: ReportSummary }) {
  const period = { from: summary.from, to: summary.to };
  const { volumes } = summary;
  return (
    <>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        Figures for {formatPeriod(period)}, worked out on {formatLondonDate(summary.generatedAt)}.
      </p>

      <h2>Referrals</h2>
      {volumes.total === 0 ? (
        <p>No referrals in this period.</p>
      ) : (
        <>
          <p>
            {formatCount(volumes.total)} {volumes.total === 1 ? "referral was" : "referrals were"} submitted in this
            period.
          </p>
          {VOLUME_SECTIONS.map((section) => (
            <CountSection
              key={section.table}
              heading={section.heading}
              caption={section.caption}
              header={section.header}
              countHeader="Referrals"
              counts={volumes[section.counts]}
              csvHref={toReportCsvHref(section.table, period)}
              note={section.note}
            />
          ))}
        </>
      )}

      <ResponseTimes responseTimes={summary.responseTimes} period={period} />
      <OpenCases openCases={summary.openCases} period={period} />
      <Caseload caseload={summary.caseload} period={period} />
    </>
  );
}

const STEP_LABELS: Readonly<Record<SlaKind, string>> = { triage: "Triage", first_contact: "First contact" };

type Measure = { key: string; label: string; value: (time: ResponseTime) => string };

const MEASURES: readonly Measure[] = [
  { key: "target", label: "Target", value: (time) => `${formatWorkingDays(time.targetWorkingDays)}` },
  { key: "completed", label: "Completed", value: (time) => formatCount(time.completed) },
  { key: "waiting", label: "Still waiting", value: (time) => formatCount(time.waiting) },
  { key: "median", label: "Median", value: (time) => formatWorkingDays(time.medianWorkingDays) },
  { key: "p90", label: "90th percentile", value: (time) => formatWorkingDays(time.p90WorkingDays) },
  {
    key: "within",
    label: "Within target",
    value: (time) =>
      time.completed === 0
        ? "None completed"
        : `${formatShare(time.withinSlaShare)} (${formatCount(time.withinSla)} of ${formatCount(time.completed)})`,
  },
];

function ResponseTimes({ responseTimes, period }: { responseTimes: readonly ResponseTime[]; period: ReportPeriod }) {
  // In the SLA clock's order, whatever order the API sends.
  const times = SLA_KINDS.flatMap((kind) => responseTimes.filter((time) => time.kind === kind));
  const first = times[0];
  return (
    <>
      <h2>Response times</h2>
      <p>
        In working days (Monday to Friday, not bank holidays), with time spent waiting for information from the trainee
        taken off. Triage counts referrals submitted in this period; first contact counts cases allocated to a lead in
        this period.
      </p>
      {first === undefined || times.every((time) => time.completed === 0 && time.waiting === 0) ? (
        <p>No referrals or allocations in this period.</p>
      ) : (
        <>
          <h3>Share within target</h3>
          <BarChart
            max={1}
            bars={times.map((time) => ({
              key: time.kind,
              label: `${STEP_LABELS[time.kind]} within ${formatWorkingDays(time.targetWorkingDays)}`,
              value: time.withinSlaShare ?? 0,
              text: formatShare(time.withinSlaShare),
            }))}
          />
          <ReportTable<Measure>
            caption="Response times"
            columns={[
              { header: "Measure", cell: (measure) => measure.label },
              ...times.map((time) => ({
                header: STEP_LABELS[time.kind],
                cell: (measure: Measure) => measure.value(time),
                numeric: true,
              })),
            ]}
            rows={MEASURES}
            rowKey={(measure) => measure.key}
          />
          <CsvLink href={toReportCsvHref("response-times", period)} table="Response times" />
        </>
      )}
    </>
  );
}

function OpenCases({ openCases, period }: { openCases: ReportSummary["openCases"]; period: ReportPeriod }) {
  return (
    <>
      <h2>Open cases</h2>
      {openCases.total === 0 ? (
        <p>There are no open cases.</p>
      ) : (
        <>
          <p>
            {formatCount(openCases.total)} {openCases.total === 1 ? "case is" : "cases are"} open now, whenever they
            came in.
          </p>
          <CountSection
            heading="By status"
            caption="Open cases by status"
            header="Status"
            countHeader="Cases"
            counts={openCases.byStatus}
            csvHref={toReportCsvHref("open-cases", period)}
          />
          <h3>The oldest open cases</h3>
          <ReportTable
            caption={
              openCases.oldest.length === 1
                ? "The oldest open case"
                : `The ${openCases.oldest.length} oldest open cases`
            }
            columns={[
              {
                header: "Reference",
                cell: (item) => (
                  <Link className="app-report-reference" to={`/staff/cases/${item.caseId}`}>
                    {item.reference}
                  </Link>
                ),
              },
              { header: "Status", cell: (item) => CASE_STATUS_LABELS[item.status] },
              {
                header: "Open for",
                numeric: true,
                cell: (item) => (
                  <>
                    {formatWorkingDays(item.ageWorkingDays)}
                    <span className="nhsuk-u-display-block nhsuk-body-s nhsuk-u-margin-bottom-0 nhsuk-u-secondary-text-colour">
                      since {formatLondonDate(item.openedAt)}
                    </span>
                  </>
                ),
              },
            ]}
            rows={openCases.oldest}
            rowKey={(item) => item.caseId}
          />
        </>
      )}
    </>
  );
}

function Caseload({ caseload, period }: { caseload: ReportSummary["caseload"]; period: ReportPeriod }) {
  return (
    <>
      <h2>Caseload per lead</h2>
      {caseload.length === 0 ? (
        <p>There are no active leads.</p>
      ) : (
        <>
          <p>Open cases allocated to each active lead now, against the number of cases they can take.</p>
          <BarChart
            legend={
              <div className="app-bar-chart__key">
                <span className="app-bar-chart__key-item">
                  <span className="app-bar-chart__key-swatch" /> Open cases
                </span>
                <span className="app-bar-chart__key-item">
                  <span className="app-bar-chart__key-line" /> Capacity
                </span>
              </div>
            }
            bars={caseload.map((lead) => ({
              key: lead.leadId,
              label: lead.name,
              value: lead.open,
              marker: lead.capacity,
              text: `${formatCount(lead.open)} of ${formatCount(lead.capacity)}`,
            }))}
          />
          <ReportTable
            caption="Caseload per lead"
            columns={[
              { header: "Lead", cell: (lead) => lead.name },
              { header: "Open cases", cell: (lead) => formatCount(lead.open), numeric: true },
              { header: "Capacity", cell: (lead) => formatCount(lead.capacity), numeric: true },
            ]}
            rows={caseload}
            rowKey={(lead) => lead.leadId}
          />
          <CsvLink href={toReportCsvHref("caseload", period)} table="Caseload per lead" />
        </>
      )}
    </>
  );
}
