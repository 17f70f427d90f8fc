import type { Prisma } from "@psu/prisma";

/**
 * The columns a case's state and SLA clocks are worked out from (the domain's CaseFacts and
 * CaseClockFacts): selected the same way by every module that plans a change or shows a clock.
 */
export const CASE_STATE_SELECT = {
  id: true,
  status: true,
  version: true,
  leadId: true,
  openedAt: true,
  allocatedAt: true,
  firstContactAt: true,
  triagedAt: true,
  closedAt: true,
  resumeTo: true,
  pausedSince: true,
  pauses: true,
} satisfies Prisma.CaseSelect;
