// The one registry of process-wide state, on globalThis under one Symbol.for key.
//
// Why it exists: Next.js compiles lib/ into each of its server layers (instrumentation, route
// handlers, server components: three module instances of every file, measured in
// docs/architecture.md, "One process, one state"), and `next dev` evaluates modules again on every
// reload. A module's own top-level `new Map()` or `let` would therefore exist several times in one
// process and silently disagree (a top-up forgetting a sold-out hint in one copy while another
// copy answers the claims). Every piece of state that must be one per process is created here,
// once, by whichever copy asks first; every copy then reads and writes the same object.
// ESLint forbids top-level mutable state in lib/ outside this file (eslint.config.mjs).

const REGISTRY = Symbol.for("coupon-drop.process-state");

type Registry = Map<string, unknown>;

function registry(): Registry {
  const holder = globalThis as unknown as { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= new Map<string, unknown>());
}

/**
 * The process-wide value named `name`, created by `create` on first use. Names are module paths
 * with a suffix (e.g. "claims/sold-out:known"), so two modules never share one by accident.
 */
export function processState<T>(name: string, create: () => T): T {
  const values = registry();
  if (!values.has(name)) values.set(name, create());
  return values.get(name) as T;
}
