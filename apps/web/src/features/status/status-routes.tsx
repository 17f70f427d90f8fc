import { Navigate, Route, Routes } from "react-router";
import { StatusLookupProvider } from "./components/status-lookup-provider";
import { CheckStatusPage } from "./pages/check-status-page";
import { ReferralStatusPage } from "./pages/referral-status-page";
import { WithdrawPage } from "./pages/withdraw-page";
import { WithdrawnPage } from "./pages/withdrawn-page";

/** The status pages under /check-status; what was looked up stays in memory while they are open. */
export function StatusRoutes() {
  return (
    <StatusLookupProvider>
      <Routes>
        <Route index element={<CheckStatusPage />} />
        <Route path="your-referral" element={<ReferralStatusPage />} />
        <Route path="withdraw" element={<WithdrawPage />} />
        <Route path="withdrawn" element={<WithdrawnPage />} />
        <Route path="*" element={<Navigate to="/check-status" replace />} />
      </Routes>
    </StatusLookupProvider>
  );
}
