import {
  CaseStatusSchema,
  HowSoonSchema,
  type QueueQuery,
  QueueSortSchema,
  QueueViewSchema,
  ReferralChannelSchema,
  ServiceIdSchema,
  SlaStateSchema,
} from "@psu/domain";
import { z } from "zod";

export type QueueView = z.infer<typeof QueueViewSchema>;

/**
 * The queue's view, sort and filters. They are codes and ids, never personal data, so they live
 * in the URL (a coordinator can bookmark "breaching soon, SPOC, newest first"). The search text
 * does not: see useQueueSearch.
 */
export const QueueFiltersSchema = z.object({
  view: QueueViewSchema,
  sort: QueueSortSchema,
  status: z.array(CaseStatusSchema),
  service: ServiceIdSchema.optional(),
  region: z.enum(["london", "kss"]).optional(),
  urgency: HowSoonSchema.optional(),
  channel: ReferralChannelSchema.optional(),
  sla: SlaStateSchema.optional(),
  leadId: z.union([z.uuid(), z.literal("unassigned")]).optional(),
});
export type QueueFilters = z.infer<typeof QueueFiltersSchema>;

/** The filters that narrow a view (not the view or the sort), as named in the URL. */
const NARROWING_FILTERS = ["service", "region", "urgency", "channel", "sla", "leadId"] as const;

function readOne<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The filters in a URL's query string; anything unknown or malformed is ignored. */
export function readQueueFilters(params: URLSearchParams, defaultView: QueueView): QueueFilters {
  return {
    view: readOne(QueueViewSchema, params.get("view")) ?? defaultView,
    sort: readOne(QueueSortSchema, params.get("sort")) ?? "oldest",
    status: params.getAll("status").flatMap((status) => readOne(CaseStatusSchema, status) ?? []),
    service: readOne(ServiceIdSchema, params.get("service")),
    region: readOne(z.enum(["london", "kss"]), params.get("region")),
    urgency: readOne(HowSoonSchema, params.get("urgency")),
    channel: readOne(ReferralChannelSchema, params.get("channel")),
    sla: readOne(SlaStateSchema, params.get("sla")),
    leadId: readOne(z.union([z.uuid(), z.literal("unassigned")]), params.get("leadId")),
  };
}

/** The query string for `filters`, leaving out defaults so URLs stay short. */
export function writeQueueFilters(filters: QueueFilters, defaultView: QueueView): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.view !== defaultView) params.set("view", filters.view);
  if (filters.sort !== "oldest") params.set("sort", filters.sort);
  for (const status of filters.status) params.append("status", status);
  for (const name of NARROWING_FILTERS) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

/** How many filters narrow the view (the ticked statuses together count as one). */
export function countAppliedFilters(filters: QueueFilters): number {
  return (filters.status.length > 0 ? 1 : 0) + NARROWING_FILTERS.filter((name) => filters[name] !== undefined).length;
}

/** The request body for one page of the queue. */
export function toQueueQuery(filters: QueueFilters, search: string, cursor: string | undefined): QueueQuery {
  const trimmed = search.trim();
  return {
    view: filters.view,
    sort: filters.sort,
    ...(filters.status.length > 0 ? { status: filters.status } : {}),
    ...(filters.service ? { service: filters.service } : {}),
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.urgency ? { urgency: filters.urgency } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.sla ? { sla: filters.sla } : {}),
    ...(filters.leadId ? { leadId: filters.leadId } : {}),
    ...(trimmed ? { search: trimmed } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
