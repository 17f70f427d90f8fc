import type { Service } from "@psu/domain";

type ReferralService = Extract<Service, { access: "referral" }>;
type SelfServeResource = Extract<Service, { access: "self_serve" }>;

/** Services a trainee can be referred to, then resources they can use straight away. */
export function ServiceList({ services }: { services: readonly Service[] }) {
  const referralServices = services.filter((service): service is ReferralService => service.access === "referral");
  const resources = services.filter((service): service is SelfServeResource => service.access === "self_serve");

  return (
    <>
      <h3>Support you can ask to be referred to</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {referralServices.map((service) => (
          <li key={service.id}>
            <strong>{service.name}</strong>: {service.summary}
          </li>
        ))}
      </ul>

      <h3>Resources you can use without a referral</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {resources.map((resource) => (
          <li key={resource.id}>
            <a href={resource.url}>{resource.name}</a>: {resource.summary}
          </li>
        ))}
      </ul>
    </>
  );
}
