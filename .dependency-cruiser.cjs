// Import rules (issue 12), checked by `pnpm lint`: dependencies point inward, features stay apart.
// docs/architecture.md's picture is generated from these rules' view of the code (pnpm deps:graph).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle makes the load order matter and the layers unclear.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-imports-only-zod",
      severity: "error",
      comment: "The domain is pure: zod and itself, no framework, database, clock or I/O (tests may use their tools).",
      from: { path: "^packages/domain/src", pathNot: "\\.test\\.ts$" },
      to: { pathNot: ["^packages/domain/src", "node_modules/zod/", "^zod$"], dependencyTypesNot: ["type-only"] },
    },
    {
      name: "domain-tests-stay-in-domain",
      severity: "error",
      from: { path: "^packages/domain/src" },
      to: { path: "^(apps|prisma|e2e)/" },
    },
    {
      name: "web-never-imports-api",
      severity: "error",
      comment: "The web app talks to the API over HTTP, through the domain's contracts.",
      from: { path: "^apps/web/" },
      to: { path: "^(apps/api|prisma)/|@psu/(api|prisma)" },
    },
    {
      name: "api-never-imports-web",
      severity: "error",
      from: { path: "^apps/api/" },
      to: { path: "^apps/web/" },
    },
    {
      name: "features-do-not-import-each-other",
      severity: "error",
      comment: "Shared pieces go to components/ or lib/; the app/ folder composes features.",
      from: { path: "^apps/web/src/features/([^/]+)/" },
      to: { path: "^apps/web/src/features/", pathNot: "^apps/web/src/features/$1/" },
    },
    {
      name: "shared-web-code-does-not-import-features",
      severity: "error",
      from: { path: "^apps/web/src/(components|lib)/" },
      to: { path: "^apps/web/src/(features|app)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|generated)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
  },
};
