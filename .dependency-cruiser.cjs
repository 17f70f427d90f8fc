// Import rules (issue 12), checked by `pnpm lint`: dependencies point inward, features stay apart.
// docs/architecture.md's picture is generated from these rules' view of the code (pnpm deps:graph).

/**
 * A rule that fails the lint when a module whose path matches `from` imports one whose path
 * matches `to`: most layer rules are just that pair of patterns, and why.
 * @returns {import('dependency-cruiser').IForbiddenRuleType}
 */
function forbidImports(name, comment, from, to) {
  return { name, severity: "error", comment, from: { path: from }, to: { path: to } };
}

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
    forbidImports(
      "domain-tests-stay-in-domain",
      "The domain stands alone, its tests too: the apps depend on it, never the reverse.",
      "^packages/domain/src",
      "^(apps|prisma|e2e)/",
    ),
    forbidImports(
      "web-never-imports-api",
      "The web app talks to the API over HTTP, through the domain's contracts.",
      "^apps/web/",
      "^(apps/api|prisma)/|@psu/(api|prisma)",
    ),
    forbidImports(
      "api-never-imports-web",
      "The API and the web app share only the domain's contracts.",
      "^apps/api/",
      "^apps/web/",
    ),
    {
      name: "features-do-not-import-each-other",
      severity: "error",
      comment: "Shared pieces go to components/ or lib/; the app/ folder composes features.",
      from: { path: "^apps/web/src/features/([^/]+)/" },
      to: { path: "^apps/web/src/features/", pathNot: "^apps/web/src/features/$1/" },
    },
    forbidImports(
      "shared-web-code-does-not-import-features",
      "Imports flow shared -> features -> app: shared pieces know nothing of what uses them.",
      "^apps/web/src/(components|lib)/",
      "^apps/web/src/(features|app)/",
    ),
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
