// The one registry of process-wide state, on globalThis under one Symbol.for key.
//
// Why it exists: `next dev` evaluates modules again on every reload, and there
// Next compiles lib/ once per server layer (instrumentation, route handlers, server components).
// A module's own top-level `new Map()` or `let` would then exist several times in one process and
// silently disagree (a top-up forgetting a sold-out hint in one copy while another copy answers
// the claims). A production build loads lib/ once (docs/architecture.md, "One process, one
// state"), but state is still created here, once, by whichever copy asks first, so dev and
// production behave alike. ESLint forbids top-level mutable state in lib/ outside this file.

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

/**
 * How many times this file (and so lib/) has been loaded in this process: 1 in a production
 * build, more under `next dev`. Exported as a metric, so a build that bundles lib/ again shows it.
 */
export const libCopies = (): number => registry().get(COPIES) as number;

const COPIES = "process-state:lib-copies";
registry().set(COPIES, ((registry().get(COPIES) as number | undefined) ?? 0) + 1);
