import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/providers";
import { preloadCrisisPage } from "./app/router";
import { leaveAgainIfExited } from "./lib/quick-exit";
import "./styles/main.scss";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

// After "Exit this page", Back must not bring the service back on screen.
if (!leaveAgainIfExited()) {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  preloadCrisisPage();
}
