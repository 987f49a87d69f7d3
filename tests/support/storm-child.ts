// A separate process that claims for the users given in argv and prints one line per success
// ("told success") as soon as claimCoupon returns, the moment a browser would hear 201.
// Like the browser, it retries a 503 a few times after a second. The fault test kills it with
// SIGKILL mid-storm. Run with tsx under the react-server condition.
export {};
async function main() {
  const [promotionId, ...userIds] = process.argv.slice(2);
  const { claimCoupon } = await import("@/lib/claims/claim");
  const { services } = await import("@/lib/services");
  const svc = services();
  // What a server does when it starts (lib/process-start.ts).
  const { healAfterRestart } = await import("@/lib/promotions/reconcile");
  await healAfterRestart(svc);
  await Promise.all(
    userIds.map(async (userId, i) => {
      await new Promise((r) => setTimeout(r, i % 200));
      for (let attempt = 1; ; attempt++) {
        try {
          await claimCoupon(svc, { promotionId, userId });
          process.stdout.write(`${JSON.stringify({ won: userId })}\n`);
          return;
        } catch (error) {
          const code = (error as { code?: string }).code;
          // A raw failure (a dropped connection) or UNAVAILABLE: the route's 503, retried.
          if ((code === undefined || code === "UNAVAILABLE") && attempt < 4) {
            await new Promise((r) => setTimeout(r, 1_000));
            continue;
          }
          // Refused, or still unavailable: nothing was promised.
          process.stdout.write(`${JSON.stringify({ refused: userId, code: (error as { code?: string }).code ?? "ERROR" })}\n`);
          return;
        }
      }
    }),
  );
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
  process.exit(0);
}

void main();
