import { QueryClient } from "@tanstack/react-query";
import { ApiError, type ApiErrorCode } from "./api-client";

const RETRYABLE: readonly ApiErrorCode[] = [
  "NETWORK_ERROR",
  "INTERNAL_ERROR",
  "SERVICE_UNAVAILABLE",
  "UNEXPECTED_RESPONSE",
];

import { onExitThisPage } from "./quick-exit";

const MAX_RETRIES = 2;

/** The app's one QueryClient, with defaults suited to forms and slowly changing reference data. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        // Trainees move between tabs while filling in forms; refetching on every return is noise.
        refetchOnWindowFocus: false,
        // A refusal or a bad request will not change on a retry; an outage or a lost connection may.
        retry: (failureCount, error) => {
          if (error instanceof ApiError && !RETRYABLE.includes(error.code)) return false;
          return failureCount < MAX_RETRIES;
        },
      },
    },
  });
}

let sharedClient: QueryClient | undefined;

/** The page's one QueryClient, shared by every provider so the cache is one; emptied by "Exit this page". */
export function getQueryClient(): QueryClient {
  if (sharedClient === undefined) {
    const client = createQueryClient();
    // Mutations keep what they sent (a referral, a draft) in memory for a while: drop it on exit.
    onExitThisPage(() => client.clear());
    sharedClient = client;
  }
  return sharedClient;
}
