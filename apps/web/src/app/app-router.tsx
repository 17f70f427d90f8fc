import {
  type ComponentType,
  createContext,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  useContext,
  useLayoutEffect,
  useState,
  useTransition,
} from "react";
import { type Location, type NavigationType, Router, UNSAFE_createBrowserHistory } from "react-router";

const NavigationPendingContext = createContext(false);

/** True while the next page's code is still loading (the current page stays on screen meanwhile). */
export function useIsNavigationPending(): boolean {
  return useContext(NavigationPendingContext);
}

/**
 * react-router in declarative mode, like its <BrowserRouter>, plus the one thing the data router
 * gave us that BrowserRouter does not: knowing a navigation is pending, for the "Loading page"
 * message. The data router (createBrowserRouter) was dropped because it alone is ~17 KB gzipped
 * more than the start page's budget allowed (see scripts/measure-start-page.mjs).
 * UNSAFE_createBrowserHistory is the same history BrowserRouter uses; react-router is pinned.
 */
export function AppRouter({ children }: { children: ReactNode }) {
  const [history] = useState(() => UNSAFE_createBrowserHistory({ window, v5Compat: true }));
  const [state, setState] = useState<{ action: NavigationType; location: Location }>(() => ({
    action: history.action,
    location: history.location,
  }));
  const [isPending, startTransition] = useTransition();

  // A transition keeps the current page on screen until the next page's lazy code has loaded,
  // so focus moves to the new page's h1 only once it is there.
  useLayoutEffect(
    () =>
      history.listen(({ action, location }) => {
        startTransition(() => setState({ action, location }));
      }),
    [history],
  );

  return (
    <NavigationPendingContext value={isPending}>
      <Router location={state.location} navigationType={state.action} navigator={history}>
        {children}
      </Router>
    </NavigationPendingContext>
  );
}

/** A page or layout loaded when first rendered: `load` fetches its module, `pick` chooses the component. */
export function lazyComponent<Module>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: pick(await load()) }));
}
