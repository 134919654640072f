// src/providers/fake/serve.ts
async function serveFake(app, options, sweep, basePath = "/v1") {
  const { serve } = await import("@hono/node-server");
  const hostname = options.hostname ?? "127.0.0.1";
  const { server, port } = await new Promise(
    (resolve, reject) => {
      const started = serve(
        { fetch: app.fetch, port: options.port ?? 0, hostname },
        (info) => resolve({ server: started, port: info.port })
      );
      started.once("error", reject);
    }
  );
  const timer = setInterval(() => void sweep(), options.sweepIntervalMs ?? 250);
  timer.unref?.();
  const host = hostname.includes(":") ? `[${hostname}]` : hostname;
  return {
    url: `http://${host}:${port}${basePath}`,
    port,
    close: () => new Promise((resolve, reject) => {
      clearInterval(timer);
      server.close((error) => error ? reject(error) : resolve());
      server.closeAllConnections?.();
    })
  };
}
export {
  serveFake
};
//# sourceMappingURL=serve-M5SWRZP5.js.map