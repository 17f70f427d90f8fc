import { createContext, type ReactNode, useContext, useSyncExternalStore } from "react";
import { INITIAL_WIZARD_STATE, type WizardState } from "./wizard-state";
import { getWizardStore, type WizardStore } from "./wizard-store";

const WizardContext = createContext<WizardStore | null>(null);

/** Gives the wizard's pages its answers (the page's one store unless a test passes another). */
export function WizardProvider({ store, children }: { store?: WizardStore; children: ReactNode }) {
  return <WizardContext value={store ?? getWizardStore()}>{children}</WizardContext>;
}

// The first question is prerendered at build, where there are no answers (vite.config.ts). The
// browser takes that HTML over with no answers too, then shows the ones this tab has kept.
const getNoAnswers = () => INITIAL_WIZARD_STATE;

/** The wizard's answers, re-rendering on every change, and the store to change them. */
export function useWizard(): { state: WizardState; store: WizardStore } {
  const store = useContext(WizardContext);
  if (store === null) throw new Error("useWizard must be used inside <WizardProvider>");
  const state = useSyncExternalStore(store.subscribe, store.getState, getNoAnswers);
  return { state, store };
}
