import { type AuditAction, AuditPageSchema } from "@psu/domain";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "../../../lib/api-client";
import { STAFF_QUERY_KEY } from "../../../lib/staff-api/staff-query-key";

/** The audit log's filters: ids, an action code and times only, so a query string may carry them. */
export type AuditFilters = { actorId?: string; caseId?: string; action?: AuditAction; from?: string; to?: string };
export type AuditPage = z.infer<typeof AuditPageSchema>;

const PAGE_SIZE = 50;

/** One page of the audit log, newest first (admins only). */
export function getAuditLog(filters: AuditFilters, cursor: string | null, signal?: AbortSignal): Promise<AuditPage> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(PAGE_SIZE));
  return fetchJson(`/api/staff/audit?${params}`, AuditPageSchema, { signal });
}

export function auditLogQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: [...STAFF_QUERY_KEY, "audit", filters],
    queryFn: ({ pageParam, signal }) => getAuditLog(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}

/** The audit log for `filters`, a page at a time ("Load more"). */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery(auditLogQueryOptions(filters));
}
