import { QueryClientProvider } from "@tanstack/react-query";
import { LoadError } from "../../../components/load-error";
import { LoadingStatus } from "../../../components/loading-status";
import { getQueryClient } from "../../../lib/query-client";
import { useServices } from "../api/get-services";
import { ServiceList } from "./service-list";

/**
 * The PSU's services on the start page, from the API. Loaded after the page itself (with
 * react-query and zod, which parses the answer), so the start page's own code stays small.
 */
export function ServicesSection() {
  return (
    <QueryClientProvider client={getQueryClient()}>
      <Services />
    </QueryClientProvider>
  );
}

function Services() {
  const { data, isPending, isError, refetch } = useServices();
  if (isPending) return <LoadingStatus>Loading the list of services</LoadingStatus>;
  if (isError) {
    return (
      <LoadError onRetry={() => void refetch()}>
        <p>Sorry, we could not load the list of services. You can still start your referral.</p>
      </LoadError>
    );
  }
  return <ServiceList services={data.services} />;
}
