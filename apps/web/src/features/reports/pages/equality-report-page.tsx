import { type EqualityReport, formatEqualityPeriod, type SuppressedCount } from "@psu/domain";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorSummary } from "../../../components/error-summary";
import { useFormErrors } from "../../../components/form-page";
import { formatLondonDate } from "../../../lib/format-date";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useEqualityReport } from "../api/get-equality-report";
import { toReportCsvHref } from "../api/reports-query-key";
import {
  listOfferedQuarters,
  QUARTER_FIELD_ID,
  readEqualityPeriod,
  toQuarterErrors,
} from "../components/equality-period";
import { NotAllowed } from "../components/not-allowed";
import { QuarterForm } from "../components/quarter-form";
import { formatSuppressedCount } from "../components/report-format";
import { ReportFigures } from "../components/report-page-state";
import { isNotAllowed, writeReportPeriod } from "../components/report-period";
import { CsvLink, ReportTable } from "../components/report-table";

const TITLE = "Equality monitoring";

type AnswerRow = SuppressedCount & { answer: string; label: string };

/**
 * Equality monitoring answers for one ended calendar quarter, in aggregate only: one table per
 * question, with small numbers hidden (by the API) so that no one can be picked out, and no
 * other periods, so that no two sets of figures can be subtracted (decision 019).
 */
export function EqualityReportPage() {
  const [params, setParams] = useSearchParams();
  // Today, once: the quarters offered must not move while the page is open.
  const [now] = useState(() => new Date());
  const quarters = listOfferedQuarters(now);
  const period = readEqualityPeriod(params, now);
  const form = useFormErrors();
  const report = useEqualityReport(period);
  const errors = form.errors.length > 0 ? form.errors : toQuarterErrors(report.error);
  useDocumentTitle(TITLE, { hasError: errors.length > 0 });

  if (isNotAllowed(report.error)) return <NotAllowed title={TITLE} />;

  return (
    <>
      <Link className="nhsuk-back-link" to="/staff/reports">
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
          <p>
            Figures are shown for one calendar quarter at a time, once it has ended. Figures for other periods, such as
            two quarters that overlap, could be subtracted from each other to work out a hidden number.
          </p>
        </div>
      </div>
      <QuarterForm
        key={params.toString()}
        period={period}
        quarters={quarters}
        errors={errors}
        onSubmit={(chosen) => {
          if (chosen === null) return form.fail([{ field: QUARTER_FIELD_ID, message: "Choose a quarter" }]);
          form.clear();
          setParams(writeReportPeriod(chosen));
        }}
      />
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
        Figures for {formatEqualityPeriod(period)}, worked out on {formatLondonDate(report.generatedAt)}.
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
