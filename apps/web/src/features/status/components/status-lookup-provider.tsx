import type { ReferralStatus, StatusLookupRequest } from "@psu/domain";
import { createContext, type ReactNode, useContext, useState } from "react";

/** A referral found on the status page, with the reference and email that found it (in memory only). */
export type StatusLookup = { request: StatusLookupRequest; status: ReferralStatus };

type StatusLookupContextValue = {
  lookup: StatusLookup | null;
  setLookup: (lookup: StatusLookup | null) => void;
};

const StatusLookupContext = createContext<StatusLookupContextValue | null>(null);

/** Holds the looked-up referral across the status pages; it never goes into storage or the URL. */
export function StatusLookupProvider({ children }: { children: ReactNode }) {
  const [lookup, setLookup] = useState<StatusLookup | null>(null);
  return <StatusLookupContext value={{ lookup, setLookup }}>{children}</StatusLookupContext>;
}

export function useStatusLookup(): StatusLookupContextValue {
  const value = useContext(StatusLookupContext);
  if (value === null) throw new Error("useStatusLookup must be used inside <StatusLookupProvider>");
  return value;
}
