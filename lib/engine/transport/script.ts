import { createHash } from "node:crypto";

// A Lua script declared with the names of its keys and arguments. The names are the one place
// that says what a script reads: the transport turns them into KEYS/ARGV positions, and a prelude
// generated from the same declaration binds each name to a Lua local, so the Lua body reads
// `meta`, `userId`, `limits[i].current`, never `KEYS[5 + i * 2]`.
//
// Layout on the wire (what the prelude decodes):
//   KEYS = the named keys, then each repeated item's keys;
//   ARGV = the named args, then each repeated item's args, then the trailing list.
// - `each` (optional): a repeated group of keys and args of fixed arity, such as the claim's
//   rate limits (a window pair and a limit per item). Its length is told by KEYS, so an item has
//   at least one key. In Lua: an array of tables, `limits[i].current`.
// - `rest` (optional): a trailing list of args of any length (user ids, triers). In Lua: an array.
// Every key a script touches is passed in KEYS (Redis Cluster routes by them).

export type ScriptArg = string | number;

type Named<N extends readonly string[], V> = { readonly [P in N[number]]: V };

interface Group {
  readonly name: string;
  readonly keys: readonly string[];
  readonly args: readonly string[];
}

type GroupInput<G> = G extends {
  name: infer N extends string;
  keys: infer GK extends readonly string[];
  args: infer GA extends readonly string[];
}
  ? { readonly [P in N]: readonly (Named<GK, string> & Named<GA, ScriptArg>)[] }
  : unknown;
type RestInput<R> = R extends string ? { readonly [P in R]: readonly ScriptArg[] } : unknown;

export interface Script<In> {
  readonly name: string;
  /** Sent by itself, never auto-pipelined with other commands (see defineScript's `alone`). */
  readonly alone: boolean;
  /** The Lua sent to Redis: the generated prelude, then the body. */
  readonly lua: string;
  readonly sha: string;
  /** Named values in, KEYS and ARGV in the positions the prelude reads. */
  positions(input: In): { keys: string[]; args: ScriptArg[] };
}

const LUA_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function defineScript<
  const K extends readonly string[],
  const A extends readonly string[] = readonly [],
  const G extends Group | undefined = undefined,
  const R extends string | undefined = undefined,
>(spec: {
  name: string;
  keys: K;
  args?: A;
  each?: G;
  rest?: R;
  lua: string;
  /**
   * For a script whose callers share one call in flight (a single flight), so no other command
   * would join its pipeline: ioredis's auto-pipelining then costs twice the client CPU of a
   * plain command (bench/findings.md, "The stock read and auto-pipelining").
   */
  alone?: boolean;
}): Script<Named<K, string> & Named<A, ScriptArg> & GroupInput<G> & RestInput<R>> {
  const args: readonly string[] = spec.args ?? [];
  const each: Group | undefined = spec.each;
  const rest: string | undefined = spec.rest;
  const names = [...spec.keys, ...args, ...(each ? [each.name, ...each.keys, ...each.args] : []), ...(rest ? [rest] : [])];
  for (const name of names) if (!LUA_NAME.test(name)) throw new Error(`script ${spec.name}: "${name}" is not a Lua name`);
  if (each && each.keys.length === 0)
    throw new Error(`script ${spec.name}: a repeated item needs a key (KEYS tells their count)`);

  const lua = `${prelude(spec.keys, args, each, rest)}\n${spec.lua.trim()}\n`;
  const value = (input: Record<string, unknown>, name: string) => {
    const v = input[name];
    if (v === undefined) throw new Error(`script ${spec.name}: no value for ${name}`);
    return v as ScriptArg;
  };
  return {
    name: spec.name,
    alone: spec.alone ?? false,
    lua,
    sha: createHash("sha1").update(lua).digest("hex"),
    positions(input) {
      const named = input as Record<string, unknown>;
      const keys = spec.keys.map((k) => String(value(named, k)));
      const argv = args.map((a) => value(named, a));
      if (each) {
        const items = named[each.name] as readonly Record<string, unknown>[];
        for (const item of items) keys.push(...each.keys.map((k) => String(value(item, k))));
        for (const item of items) argv.push(...each.args.map((a) => value(item, a)));
      }
      if (rest) argv.push(...(named[rest] as readonly ScriptArg[]));
      return { keys, args: argv };
    },
  };
}

/** Lua that binds every declared name to a local, from the positions `positions` fills. */
function prelude(keys: readonly string[], args: readonly string[], each?: Group, rest?: string): string {
  const lines = [...keys.map((k, i) => `local ${k} = KEYS[${i + 1}]`), ...args.map((a, i) => `local ${a} = ARGV[${i + 1}]`)];
  let restFrom = `${args.length + 1}`;
  if (each) {
    const [gk, ga] = [each.keys.length, each.args.length];
    const fields = [
      ...each.keys.map((k, j) => `${k} = KEYS[${keys.length + 1 + j} + i * ${gk}]`),
      ...each.args.map((a, j) => `${a} = ARGV[${args.length + 1 + j} + i * ${ga}]`),
    ];
    lines.push(
      `local ${each.name} = {}`,
      `for i = 0, (#KEYS - ${keys.length}) / ${gk} - 1 do`,
      `  ${each.name}[i + 1] = {${fields.join(", ")}}`,
      "end",
    );
    restFrom = `${args.length + 1} + #${each.name} * ${ga}`;
  }
  if (rest) lines.push(`local ${rest} = {}`, `for i = ${restFrom}, #ARGV do ${rest}[#${rest} + 1] = ARGV[i] end`);
  return lines.join("\n");
}

/** How an engine reaches a Redis server: ioredis (TCP, single node or Cluster) or @upstash/redis (REST). */
export interface ScriptTransport {
  /** `alone`: send it by itself, outside any automatic pipeline (where the transport has one). */
  evalsha(sha: string, keys: string[], args: ScriptArg[], options?: { alone: boolean }): Promise<unknown>;
  eval(lua: string, keys: string[], args: ScriptArg[]): Promise<unknown>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Runs a declared script; the reply is decoded by the facet that declared it. */
export type RunScript = <In>(script: Script<In>, input: In) => Promise<unknown>;

const isNoScript = (error: unknown) => error instanceof Error && error.message.includes("NOSCRIPT");

/**
 * Runs a script by its SHA; when the server does not know it (first call, or its script cache
 * was flushed) sends it once in full with EVAL, which also caches it for the next EVALSHA.
 */
export function scriptRunner(transport: ScriptTransport): RunScript {
  return async (script, input) => {
    const { keys, args } = script.positions(input);
    try {
      return await transport.evalsha(script.sha, keys, args, { alone: script.alone });
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return transport.eval(script.lua, keys, args);
    }
  };
}
