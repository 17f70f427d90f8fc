import { Navigate, Route, Routes } from "react-router";
import { EqualityReportPage } from "./pages/equality-report-page";
import { ReportsPage } from "./pages/reports-page";

/** The report pages under /staff/reports: one chunk, as they share nearly all their code. */
export function ReportsRoutes() {
  return (
    <Routes>
      <Route index element={<ReportsPage />} />
      <Route path="equality" element={<EqualityReportPage />} />
      <Route path="*" element={<Navigate to="/staff/reports" replace />} />
    </Routes>
  );
}
