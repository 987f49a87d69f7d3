// Next.js calls register() once per server process, before it serves any request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { bootstrap } = await import("@/lib/process-start");
  await bootstrap();
}
