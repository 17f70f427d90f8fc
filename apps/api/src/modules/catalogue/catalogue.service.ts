import {
  CRISIS_CONTACTS,
  type CrisisContactList,
  listServicesForGroup,
  SERVICES,
  type ServiceList,
  type TraineeGroup,
} from "@psu/domain";

/** The service catalogue, optionally only what a given group may use. */
export function listServices(group: TraineeGroup | undefined): ServiceList {
  return { services: group ? listServicesForGroup(group) : [...SERVICES] };
}

/** The crisis contacts, in the order they are shown. */
export function getCrisisContacts(): CrisisContactList {
  return { contacts: [...CRISIS_CONTACTS] };
}
