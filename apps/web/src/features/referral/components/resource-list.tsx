import { PSU_COORDINATOR_EMAIL, type SelfServeService, type Service } from "@psu/domain";

/**
 * Self-serve resources: links, never referrals. A resource links to the address an admin has set;
 * until there is one, it says to ask the coordinators (the unit's page gives no address).
 */
export function ResourceList({ resources }: { resources: readonly SelfServeService[] }) {
  return (
    <ul className="nhsuk-list nhsuk-list--bullet">
      {resources.map((resource) => (
        <li key={resource.id}>
          {resource.url === null ? <strong>{resource.name}</strong> : <a href={resource.url}>{resource.name}</a>}
          {resource.summary && `: ${resource.summary}`}
          {resource.url === null && (
            <>
              {" "}
              (no link yet: ask the PSU coordinators at{" "}
              <a href={`mailto:${PSU_COORDINATOR_EMAIL}`}>{PSU_COORDINATOR_EMAIL}</a>)
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The self-serve resources among `services`. */
export function selectResources(services: readonly Service[]): SelfServeService[] {
  return services.filter((service): service is SelfServeService => service.access === "self_serve");
}
