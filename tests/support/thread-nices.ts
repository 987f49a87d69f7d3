import { readdirSync, readFileSync } from "node:fs";

/**
 * Each thread's nice value in a Linux process ("self" for this one), by thread id: field 19 of
 * /proc/<pid>/task/<tid>/stat, counted after the name's closing parenthesis (a name may hold spaces).
 */
export function threadNices(pid: number | "self" = "self"): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]));
  }
  return nices;
}
