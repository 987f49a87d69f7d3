// A server process that is SIGKILLed in the middle of fair-start work. Run with tsx under the
// react-server condition (tests/support/app-script.ts).
//   draw <promotionId>: runs the draw (the test slows it down and kills it mid-transaction);
//   enter <promotionId> <userId>...: enters them, 10 at a time, printing each acknowledged entry.
export {};
async function main() {
  const [mode, promotionId, ...userIds] = process.argv.slice(2);
  const { services } = await import("@/lib/services");
  const svc = services();
  if (mode === "draw") {
    const { runDraw } = await import("@/lib/fair-start/draw");
    process.stdout.write(`${JSON.stringify({ drawing: true })}\n`);
    const outcome = await runDraw(svc, promotionId);
    process.stdout.write(`${JSON.stringify({ outcome })}\n`);
    return;
  }
  const { enterDraw } = await import("@/lib/fair-start/entries");
  for (let i = 0; i < userIds.length; i += 10) {
    await Promise.all(
      userIds.slice(i, i + 10).map(async (userId) => {
        await enterDraw(svc, { promotionId, userId, email: null });
        process.stdout.write(`${JSON.stringify({ acked: userId })}\n`);
      }),
    );
  }
  await new Promise(() => {}); // stays up until killed
}

void main();
