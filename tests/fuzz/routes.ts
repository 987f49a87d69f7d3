// Every API route of the app, read from the file system (app/api/**/route.ts), so a route added
// later is fuzzed without anyone listing it here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Segment =
  | { kind: "literal"; value: string }
  /** `[id]`: one dynamic segment. */
  | { kind: "param"; name: string }
  /** `[...path]`: one or more segments. */
  | { kind: "catchAll"; name: string };

export interface ApiRoute {
  file: string;
  segments: Segment[];
  /** The HTTP methods the route file exports (`export const GET`, `handler as POST`). */
  methods: string[];
}

const EXPORTED_METHOD = /(?:export\s+(?:const|async\s+function|function)\s+|\bas\s+)(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g;

export function apiRoutes(root = path.join(process.cwd(), "app")): ApiRoute[] {
  const files = readdirSync(path.join(root, "api"), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts")
    .sort();
  return files.map((file) => {
    const folders = path
      .dirname(file)
      .split(path.sep)
      .filter((f) => f !== ".");
    const source = readFileSync(path.join(root, "api", file), "utf8");
    return {
      file: `app/api/${file}`,
      segments: [{ kind: "literal", value: "api" }, ...folders.map(segment)],
      methods: [...new Set([...source.matchAll(EXPORTED_METHOD)].map((m) => m[1]))],
    };
  });
}

function segment(folder: string): Segment {
  const catchAll = /^\[\.\.\.(\w+)\]$/.exec(folder);
  if (catchAll) return { kind: "catchAll", name: catchAll[1] };
  const param = /^\[(\w+)\]$/.exec(folder);
  if (param) return { kind: "param", name: param[1] };
  return { kind: "literal", value: folder };
}
