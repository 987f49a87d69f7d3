// A separate process that claims for the users given in argv and prints one line per success
// ("told success") as soon as claimCoupon returns, the moment a browser would hear 201.
// The fault test kills it with SIGKILL mid-storm. Run with tsx under the react-server condition.
async function main() {
  const [promotionId, ...userIds] = process.argv.slice(2);
  const { claimCoupon } = await import("@/lib/claims/claim");
  const { services } = await import("@/lib/services");
  const svc = services();
  await Promise.all(
    userIds.map(async (userId, i) => {
      await new Promise((r) => setTimeout(r, i % 200));
      try {
        await claimCoupon(svc, promotionId, userId);
        process.stdout.write(`${JSON.stringify({ won: userId })}\n`);
      } catch {
        // refused or unavailable: nothing was promised
      }
    }),
  );
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
  process.exit(0);
}

main();
