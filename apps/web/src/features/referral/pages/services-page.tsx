import {
  listServiceGroupIssues,
  listServicesForGroup,
  REQUESTED_SERVICE_NOT_SURE,
  type RequestedService,
  RequestedServicesSchema,
  type Service,
  type TraineeGroup,
  TraineeGroupSchema,
} from "@psu/domain";
import { Navigate } from "react-router";
import { Checkboxes, type CheckboxOption } from "../../../components/checkboxes";
import { FormPage } from "../../../components/form-page";
import { LoadingStatus } from "../../../components/loading-status";
import { useFormFields } from "../../../components/use-form";
import { useServices } from "../api/get-services";
import { ResourceList, selectResources } from "../components/resource-list";
import { useWizardStep } from "../wizard/use-wizard-step";

const QUESTION = "What support would you like?";

type ReferralService = Extract<Service, { access: "referral" }>;

/** The services open to the trainee's group; self-serve resources are links, never choices. */
export function ServicesPage() {
  const { state, store, redirectTo, goToNextStep, errors, fail, formPage } = useWizardStep("services");
  const { values, choices } = useFormFields<{ services: RequestedService[] }>(
    () => ({ services: state.services ?? [] }),
    errors,
  );

  const group = TraineeGroupSchema.safeParse(state.eligibility.group);
  if (redirectTo || !group.success) return <Navigate to={redirectTo ?? "/refer"} replace />;

  const services = listServicesForGroup(group.data);
  const referralServices = services.filter((service): service is ReferralService => service.access === "referral");
  const options: CheckboxOption<RequestedService>[] = [
    ...referralServices.map((service) => ({ value: service.id, label: service.name, hint: service.summary })),
    {
      value: REQUESTED_SERVICE_NOT_SURE,
      label: "I'm not sure, I'd like to talk to someone",
      hint: "Our Single Point of Contact (SPOC) will talk it through with you in confidence",
      dividerBefore: true,
      exclusive: true,
    },
  ];

  function submit() {
    const parsed = RequestedServicesSchema.safeParse(values.services);
    const message = parsed.success
      ? listServiceGroupIssues(state.eligibility.group, values.services)[0]?.message
      : parsed.error.issues[0]?.message;
    if (message) return fail([{ field: "services", message }]);
    store.update((current) => ({ ...current, services: values.services }));
    goToNextStep();
  }

  return (
    <FormPage title={QUESTION} {...formPage} onSubmit={submit} after={<ResourcesForGroup group={group.data} />}>
      <Checkboxes
        legend={QUESTION}
        isPageHeading
        hint="Select all that you would like. A coordinator will talk with you about the best support."
        options={options}
        {...choices("services")}
      />
    </FormPage>
  );
}

/**
 * The resources open to the group, with the links admins keep current (from the API, which the
 * questions themselves never wait for). If the links cannot be loaded, the resources are still
 * listed, with how to ask the coordinators.
 */
function ResourcesForGroup({ group }: { group: TraineeGroup }) {
  const { data, isPending, isError } = useServices();
  if (isPending) return <LoadingStatus>Loading resources you can use now</LoadingStatus>;
  const services = isError
    ? listServicesForGroup(group)
    : data.services.filter((service) => service.groups.includes(group));
  const resources = selectResources(services);
  if (resources.length === 0) return null;
  return (
    <>
      <h2>Resources you can use now, without a referral</h2>
      <ResourceList resources={resources} />
    </>
  );
}
