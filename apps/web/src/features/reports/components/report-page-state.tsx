import { type ReactNode, useState } from "react";
import { useSearchParams } from "react-router";
import { useFormErrors } from "../../../components/form-page";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { formatPeriod } from "./report-format";
import { type ReportPeriod, readReportPeriod, validateReportPeriod, writeReportPeriod } from "./report-period";

/**
 * The period a report page shows, from its URL (the default when none is given), and applying
 * a new one from the period form: checked first by the API's own rules, then put in the URL.
 */
export function useReportPeriod() {
  const [params, setParams] = useSearchParams();
  // Today's month, once: the default period must not move while the page is open.
  const [now] = useState(() => new Date());
  const form = useFormErrors();

  function apply(next: ReportPeriod) {
    const problems = validateReportPeriod(next);
    if (problems.length > 0) return form.fail(problems);
    form.clear();
    setParams(writeReportPeriod(next));
  }

  return { period: readReportPeriod(params, now), formKey: params.toString(), form, apply };
}

/** What a report page needs of its react-query result. */
type ReportQueryState<Data> = {
  data: Data | undefined;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  refetch: () => unknown;
};

type ReportFiguresProps<Data> = {
  query: ReportQueryState<Data>;
  /** The period is wrong (the error summary says why): nothing to show below the form. */
  hasPeriodErrors: boolean;
  children: (data: Data) => ReactNode;
};

/**
 * A report's figures, or what stands in for them: room held while the first figures load, the
 * last period's figures (dimmed) while the next load, and a retry when the service fails. A
 * live message says when new figures have arrived, since focus stays on the period form.
 */
export function ReportFigures<Data extends ReportPeriod>({
  query,
  hasPeriodErrors,
  children,
}: ReportFiguresProps<Data>) {
  const { data } = query;
  return (
    <>
      <div className="nhsuk-u-visually-hidden" role="status">
        {query.isFetching ? "Loading the figures" : data ? `Showing figures for ${formatPeriod(data)}` : ""}
      </div>
      {data === undefined ? (
        query.isPending ? (
          <div className="app-report-loading">
            <LoadingStatus>Loading the figures</LoadingStatus>
          </div>
        ) : hasPeriodErrors ? null : (
          <LoadError onRetry={() => void query.refetch()}>
            <p>Sorry, we could not load the figures. Try again in a moment.</p>
          </LoadError>
        )
      ) : (
        <div className="app-report-figures" aria-busy={query.isPlaceholderData || undefined}>
          {children(data)}
        </div>
      )}
    </>
  );
}
