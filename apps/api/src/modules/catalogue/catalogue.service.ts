import {
  CRISIS_CONTACTS,
  type CrisisContactList,
  listServicesForGroup,
  SERVICES,
  type Service,
  type ServiceList,
  ServiceListSchema,
  type TraineeGroup,
} from "@psu/domain";
import type { PrismaClient } from "@psu/prisma";
import { findPublishedUrls } from "../published-links/published-links.repository";

/**
 * The service catalogue, optionally only what a given group may use. Each self-serve resource
 * carries the address an admin has published for it, or null while there is none.
 */
export async function listServices(prisma: PrismaClient, group: TraineeGroup | undefined): Promise<ServiceList> {
  const urls = await findPublishedUrls(prisma);
  const services = (group ? listServicesForGroup(group) : [...SERVICES]).map(
    (service): Service =>
      service.access === "self_serve" ? { ...service, url: urls.get(service.id) ?? null } : service,
  );
  return ServiceListSchema.parse({ services });
}

/** The crisis contacts, in the order they are shown. */
export function getCrisisContacts(): CrisisContactList {
  return { contacts: [...CRISIS_CONTACTS] };
}
