// The benchmarks' baseline: a bare Fastify hello-world, no plugins or hooks, in its own process
// like the app. Every API figure is a ratio to this, measured in the same run, so what our own
// hooks, validation and database cost shows. Listens on PORT.
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });
