import type { StaffProfile } from "@psu/domain";
import { createContext, type ReactNode, useContext, useMemo, useState } from "react";

type StaffSession = {
  staff: StaffProfile;
  /**
   * The queue's search text. Held here, in memory, rather than in the URL (it may be a name or
   * an email address) or browser storage, so it survives opening a case and coming back, and
   * goes when the session does.
   */
  queueSearch: string;
  setQueueSearch: (search: string) => void;
};

const StaffSessionContext = createContext<StaffSession | null>(null);

/** Provides the signed-in member of staff to the pages inside StaffLayout. */
export function StaffSessionProvider({ staff, children }: { staff: StaffProfile; children: ReactNode }) {
  const [queueSearch, setQueueSearch] = useState("");
  const session = useMemo(() => ({ staff, queueSearch, setQueueSearch }), [staff, queueSearch]);
  return <StaffSessionContext.Provider value={session}>{children}</StaffSessionContext.Provider>;
}

function useStaffSession(): StaffSession {
  const session = useContext(StaffSessionContext);
  if (!session) throw new Error("Staff pages must be rendered inside StaffLayout");
  return session;
}

/** The signed-in member of staff. */
export function useSignedInStaff(): StaffProfile {
  return useStaffSession().staff;
}

/** The queue's search text and its setter, kept while the session lasts. */
export function useQueueSearch(): [string, (search: string) => void] {
  const { queueSearch, setQueueSearch } = useStaffSession();
  return [queueSearch, setQueueSearch];
}
