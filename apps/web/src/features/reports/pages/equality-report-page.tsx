import type { EqualityReport, SuppressedCount } from "@psu/domain";
import { Link } from "react-router";
import { ErrorSummary } from "../../../components/error-summary";
import { formatLondonDate } from "../../../lib/format-date";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useEqualityReport } from "../api/get-equality-report";
import { toReportCsvHref } from "../api/reports-query-key";
import { NotAllowed } from "../components/not-allowed";
import { PeriodForm } from "../components/period-form";
import { formatPeriod, formatSuppressedCount } from "../components/report-format";
import { ReportFigures, useReportPeriod } from "../components/report-page-state";
import { isNotAllowed, toPeriodErrors, writeReportPeriod } from "../components/report-period";
import { CsvLink, ReportTable } from "../components/report-table";

const TITLE = "Equality monitoring";

type AnswerRow = SuppressedCount & { answer: string; label: string };

/**
 * Equality monitoring answers for a period, in aggregate only: one table per question, with
 * small numbers hidden (by the API) so that no one can be picked out.
 */
export function EqualityReportPage() {
  const { period, formKey, form, apply } = useReportPeriod();
  const report = useEqualityReport(period);
  const errors = form.errors.length > 0 ? form.errors : toPeriodErrors(report.error);
  useDocumentTitle(TITLE, { hasError: errors.length > 0 });

  if (isNotAllowed(report.error)) return <NotAllowed title={TITLE} />;

  return (
    <>
      <Link className="nhsuk-back-link" to={`/staff/reports?${writeReportPeriod(period)}`}>
        Back to reports
      </Link>
      <ErrorSummary errors={errors} focusKey={form.failures} />
      <h1>{TITLE}</h1>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <p>
            After referring themselves, trainees may answer equality monitoring questions. Every question can be
            skipped. The answers are kept apart from referrals: they cannot be linked to a trainee or a case, and only
            the month they were given is kept.
          </p>
          <h2 className="nhsuk-heading-s">Why some numbers are hidden</h2>
          <p>
            A small number could let someone work out who a trainee is. So any number under 5 is shown as “fewer than
            5”. Where a hidden number could be worked out from the total and the other numbers, another number is hidden
            in the same way.
          </p>
        </div>
      </div>
      <PeriodForm key={formKey} period={period} errors={errors} onSubmit={apply} />
      <ReportFigures query={report} hasPeriodErrors={errors.length > 0}>
        {(data) => <Answers report={data} />}
      </ReportFigures>
    </>
  );
}

function Answers({ report }: { report: EqualityReport }) {
  const period = { from: report.from, to: report.to };
  const { responses } = report;
  return (
    <>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        Figures for {formatPeriod(period)}, worked out on {formatLondonDate(report.generatedAt)}.
      </p>
      {responses.count === 0 ? (
        <p>No equality monitoring answers in this period.</p>
      ) : (
        <>
          <p>
            Responses in this period: <strong>{formatSuppressedCount(responses)}</strong>.
          </p>
          <CsvLink
            href={toReportCsvHref("equality", period)}
            table="Equality monitoring"
            text="Download these tables as CSV"
          />
          {report.questions.map((question) => (
            <ReportTable<AnswerRow>
              key={question.question}
              caption={question.label}
              captionSize="m"
              columns={[
                { header: "Answer", cell: (row) => row.label },
                { header: "Number", cell: (row) => formatSuppressedCount(row), numeric: true },
              ]}
              rows={question.answers}
              rowKey={(row) => row.answer}
              footer={{ ...question.total, answer: "total", label: "Total" }}
            />
          ))}
        </>
      )}
    </>
  );
}
