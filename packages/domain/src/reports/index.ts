export * from "./equality-periods";
export * from "./percentile";
export * from "./report-labels";
export * from "./response-times";
export * from "./suppression";
