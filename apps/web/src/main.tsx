import { StrictMode } from "react";
import { createRoot, hydrateRoot } from "react-dom/client";
import { App } from "./app/providers";
import { preloadCrisisPage } from "./app/router";
import { leaveAgainIfExited } from "./lib/quick-exit";
import "./styles/main.scss";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

// After "Exit this page", Back must not bring the service back on screen.
if (!leaveAgainIfExited()) {
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  // The static pages arrive as HTML prerendered at build (vite-plugins/page-html.ts): React
  // takes that HTML over. Every other page starts empty and is drawn here.
  if (container.hasChildNodes()) hydrateRoot(container, app);
  else createRoot(container).render(app);
  preloadCrisisPage();
}
