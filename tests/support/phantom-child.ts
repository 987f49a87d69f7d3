// A server process that dies between the two steps of a claim: it runs the engine's claim script
// for the users given in argv, says so, and waits for its SIGKILL before it could write any row.
// Run with tsx under the react-server condition.
export {};
async function main() {
  const [promotionId, ...userIds] = process.argv.slice(2);
  const { services } = await import("@/lib/services");
  const svc = services();
  for (const userId of userIds) {
    const decision = await svc.engine.stock.claim(promotionId, userId, Date.now());
    process.stdout.write(`${JSON.stringify({ userId, decision: decision.kind })}\n`);
  }
  process.stdout.write(`${JSON.stringify({ reserved: true })}\n`);
  await new Promise(() => {}); // the write that never comes
}

void main();
