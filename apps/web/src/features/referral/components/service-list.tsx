import type { Service } from "@psu/domain";
import { ResourceList, selectResources } from "./resource-list";

type ReferralService = Extract<Service, { access: "referral" }>;

/** Services a trainee can be referred to, then resources they can use straight away. */
export function ServiceList({ services }: { services: readonly Service[] }) {
  const referralServices = services.filter((service): service is ReferralService => service.access === "referral");

  return (
    <>
      <h3>Support you can ask to be referred to</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {referralServices.map((service) => (
          <li key={service.id}>
            {/* Some services have only a name on the unit's page. */}
            <strong>{service.name}</strong>
            {service.summary && `: ${service.summary}`}
          </li>
        ))}
      </ul>

      <h3>Resources you can use without a referral</h3>
      <ResourceList resources={selectResources(services)} />
    </>
  );
}
