import type { Rolldown } from "vite";

// Rolldown's automatic splitting makes a chunk for every set of lazy pages that share code, so
// the wizard's first question waited for 44 small chunks and the queue for 43. Lighthouse models
// a phone's connection as HTTP/1.1 with 6 connections, where each batch costs a round trip. This
// groups the code lazy pages share instead: "start-page-later" for what the start page loads once
// it is on screen (its services list: react-query, zod, the API client), which every other page
// needs too; then by route area, "trainee" for what only trainee pages use, "staff" for what only
// the staff side (src/app/staff-routes.tsx) uses, "shared" for both. Each page keeps its own
// chunk, and what the entry script or the start page needs stays where automatic splitting puts
// it, so the start page loads the same chunks first and fewer bytes later (35.8 KB, was 38.7).

const STAFF_ROUTES = "/src/app/staff-routes.tsx";
const START_PAGE = "/src/features/referral/pages/start-page.tsx";

type Area = "trainee" | "staff";
type ModuleGraph = Pick<Rolldown.ChunkingContext, "getModuleInfo">;
type ModuleInfo = NonNullable<ReturnType<ModuleGraph["getModuleInfo"]>>;

// The clause of an import: `{ a, b as c }`, `d, { a }` or `* as n` in `import <clause> from "x"`.
const IMPORT_CLAUSE = /\bimport\s+([\w$\s,{}*]+?)\s+from\s*["']/g;
const importedNamesCache = new WeakMap<ModuleInfo, Set<string> | "all">();

/** The names a module imports by name from others, or "all" when it imports a whole namespace. */
function listImportedNames(info: ModuleInfo): Set<string> | "all" {
  const cached = importedNamesCache.get(info);
  if (cached !== undefined) return cached;
  let names: Set<string> | "all" = new Set<string>();
  for (const [, clause = ""] of (info.code ?? "").matchAll(IMPORT_CLAUSE)) {
    if (clause.includes("*")) {
      names = "all";
      break;
    }
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? "";
    for (const part of named.split(",")) {
      const imported = part.trim().split(/\s+as\s+/)[0];
      if (imported) names.add(imported);
    }
  }
  importedNamesCache.set(info, names);
  return names;
}

/** A module that only passes on others' exports (`export * from`), like packages/domain's index.ts. */
function isReexportBarrel(info: ModuleInfo): boolean {
  return info.exports.length > 0 && info.exports.every((name) => name === "*");
}

/**
 * Which lazily loaded modules reach a module through static imports, and whether the entry script
 * does. Through a barrel (`export * from`), only modules importing one of its names count, so the
 * domain package's index.ts does not make every domain module look needed by every page.
 */
function findLoaders(moduleId: string, graph: ModuleGraph): { byEntry: boolean; lazyModules: Set<string> } {
  const lazyModules = new Set<string>();
  let byEntry = false;
  const seen = new Set<string>();
  const pending: { id: string; names: ReadonlySet<string> | null }[] = [{ id: moduleId, names: null }];
  for (let step = pending.pop(); step !== undefined; step = pending.pop()) {
    const info = graph.getModuleInfo(step.id);
    const key = `${step.id}|${step.names === null ? "" : [...step.names].join()}`;
    if (info === null || seen.has(key)) continue;
    seen.add(key);
    if (info.isEntry) byEntry = true;
    if (info.dynamicImporters.length > 0) lazyModules.add(step.id);
    const names = step.names ?? new Set(info.exports);
    for (const importerId of info.importers) {
      const importer = graph.getModuleInfo(importerId);
      if (importer === null) continue;
      if (isReexportBarrel(importer)) pending.push({ id: importerId, names });
      else if (step.names === null || importsAnyOf(importer, step.names)) pending.push({ id: importerId, names: null });
    }
  }
  return { byEntry, lazyModules };
}

function importsAnyOf(importer: ModuleInfo, names: ReadonlySet<string>): boolean {
  const imported = listImportedNames(importer);
  return imported === "all" || [...names].some((name) => imported.has(name));
}

/** The staff side is what src/app/staff-routes.tsx loads lazily; every other lazy module is the trainees'. */
function findAreas(lazyModuleId: string, graph: ModuleGraph): Area[] {
  const importers = graph.getModuleInfo(lazyModuleId)?.dynamicImporters ?? [];
  return importers.map((id) => (id.endsWith(STAFF_ROUTES) ? "staff" : "trainee"));
}

/**
 * The chunk for a module lazy pages share ("start-page-later", "trainee", "staff" or "shared"), or
 * null to leave it where automatic splitting puts it: in the entry script when that needs it, with
 * the start page when the start page needs it, and with the one lazily loaded page that needs it.
 */
function nameRouteAreaChunk(moduleId: string, graph: ModuleGraph): string | null {
  const { byEntry, lazyModules } = findLoaders(moduleId, graph);
  const loaders = [...lazyModules];
  const isStartPage = loaders.some((id) => id.endsWith(START_PAGE));
  if (byEntry || isStartPage || lazyModules.has(moduleId) || lazyModules.size < 2) return null;
  if (loaders.some((id) => isLoadedByStartPage(id, graph))) return "start-page-later";
  const areas = new Set(loaders.flatMap((id) => findAreas(id, graph)));
  return areas.size > 1 ? "shared" : ([...areas][0] ?? null);
}

/** A module the start page imports lazily (its services list). */
function isLoadedByStartPage(lazyModuleId: string, graph: ModuleGraph): boolean {
  return graph.getModuleInfo(lazyModuleId)?.dynamicImporters.some((id) => id.endsWith(START_PAGE)) ?? false;
}

/** Rolldown's `output.codeSplitting` for the web app's build. */
export const ROUTE_AREA_CHUNKS: Rolldown.OutputOptions["codeSplitting"] = {
  // The groups depend on each other one way only (a module in "shared" imports nothing that only
  // trainee or staff pages use, nor does one in "start-page-later"), so no group needs to pull in
  // its modules' imports.
  includeDependenciesRecursively: false,
  groups: [{ name: nameRouteAreaChunk, debugName: "route areas" }],
};
