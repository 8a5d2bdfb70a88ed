// A PagerDuty Events API v2 stand-in on loopback, shared by the demo and the end-to-end test.
// POST /v2/enqueue answers 202 with a dedup key; events whose severity is "critical" are rejected with a
// 400 whose body echoes the routing key, as a misconfigured integration would: the credential-bearing failure.
import http from "node:http";

export async function startPagerDutyPeer() {
  const received = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/health") {
        res.writeHead(200).end("ok");
        return;
      }
      if (req.method !== "POST" || req.url !== "/v2/enqueue") {
        res.writeHead(404, { "content-type": "application/json" }).end('{"status":"not found"}');
        return;
      }
      const event = JSON.parse(body || "{}");
      received.push(event);
      if (event.payload?.severity === "critical") {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: "invalid event", message: "Event object is invalid", errors: ["Invalid routing_key"], routing_key: event.routing_key }));
        return;
      }
      res.writeHead(202, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "success", message: "Event processed", dedup_key: `dedup-${received.length}` }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
