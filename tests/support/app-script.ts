import { spawn } from "node:child_process";

/**
 * Runs one of tests/support's scripts as a separate app process (tsx, react-server condition,
 * the test's environment), in a process group of its own so a test can SIGKILL all of it.
 */
export function spawnAppScript(script: string, args: string[]) {
  return spawn("npx", ["tsx", "--conditions=react-server", "--tsconfig", "tsconfig.json", `tests/support/${script}`, ...args], {
    env: process.env,
    stdio: ["ignore", "pipe", "ignore"],
    detached: true,
  });
}
