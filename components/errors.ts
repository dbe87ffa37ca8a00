/**
 * One validation problem: which input is wrong, what is wrong with it, and how to fix it.
 */
export interface ValidationProblem {
    /** Path of the offending input inside the component's args, e.g. `vSwitches.vsw3.cidrBlock`. */
    readonly path: string;
    /** What is wrong, quoting the bad value. */
    readonly message: string;
    /** How to fix it. */
    readonly fix?: string;
}

/**
 * Thrown by a component before it registers anything when its arguments break one or more rules.
 * It lists every problem of the call at once, so a user fixes them in one round instead of one
 * `pulumi up` per mistake.
 */
export class TopologyValidationError extends Error {
    /** The component that rejected its input, e.g. `topologies:alicloud:RegionalVpc 'vpc1'`. */
    readonly component: string;
    /** Every problem found, in the order the checks ran. */
    readonly problems: readonly ValidationProblem[];

    constructor(component: string, problems: readonly ValidationProblem[]) {
        const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
        // A problem with the args as a whole (an untyped caller passing null) has the empty path.
        const lines = problems.map(p => `  - ${p.path || "(the args)"}: ${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`);
        super(`${component}: ${count} in its arguments:\n${lines.join("\n")}`);
        this.name = "TopologyValidationError";
        this.component = component;
        this.problems = problems;
    }
}

/**
 * Collects the problems of one component call. Checks add to it and carry on, so that the
 * final error lists everything wrong at once; `throwIfAny` ends the validation phase.
 *
 * A component that checks a child's args with the child's own check passes it a scope,
 * {@link Problems.under} or {@link Problems.routed}: the child's problems then land in the same
 * list at the caller's input paths, and no message is rewritten.
 */
export class Problems {
    /** Shared by a collection and all its scopes. */
    private found: ValidationProblem[] = [];
    /** Where this scope puts a path it is given. */
    private place: (path: string) => string = path => path;

    /**
     * Records a problem with the input at `path`. The same problem twice (two checks that both
     * parse a value, such as a stack's VPC block, read by the VPC's rules and the CIDR plan) is
     * recorded once.
     */
    add(path: string, message: string, fix?: string): void {
        const placed = this.place(path);
        if (this.found.some(p => p.path === placed && p.message === message)) return;
        this.found.push({ path: placed, message, fix });
    }

    /**
     * A scope that records into this collection under `prefix`: a child's `vSwitches.vsw1` is
     * recorded as `albVpc.vSwitches.vsw1`, its `[0]` as `backends[0]`, its `""` as `albVpc`.
     */
    under(prefix: string): Problems {
        return this.routed(path => joinPath(prefix, path));
    }

    /**
     * A scope that records into this collection at the path `route` gives, for a child whose
     * inputs the caller derives from differently named inputs of its own (a route returns the
     * caller's path, or the child's path under a prefix).
     */
    routed(route: (path: string) => string): Problems {
        const scope = new Problems();
        scope.found = this.found;
        scope.place = path => this.place(route(path));
        return scope;
    }

    /**
     * The path a problem recorded at `path` in this scope lands at: for a check of a value known
     * only later (`checkedWhenKnown`), whose problems are recorded in a fresh collection then.
     */
    placed(path: string): string {
        return this.place(path);
    }

    /** True when no problem has been recorded yet (in the whole collection, not only this scope). */
    get isEmpty(): boolean {
        return this.found.length === 0;
    }

    /** How many problems have been recorded so far, to tell whether a check added any. */
    get count(): number {
        return this.found.length;
    }

    /** The problems recorded so far. */
    get list(): readonly ValidationProblem[] {
        return this.found;
    }

    /**
     * Throws a {@link TopologyValidationError} naming `component` if any problem was recorded.
     * @param component how the error names the caller, e.g. `topologies:alicloud:RegionalVpc 'vpc1'`.
     */
    throwIfAny(component: string): void {
        if (this.found.length > 0) {
            throw new TopologyValidationError(component, [...this.found]);
        }
    }
}

/** `prefix` and a path inside it: `a` + `b.c` is `a.b.c`, `a` + `[0]` is `a[0]`, `a` + `` is `a`. */
export function joinPath(prefix: string, path: string): string {
    if (prefix === "") return path;
    if (path === "") return prefix;
    return path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`;
}

/**
 * Runs `check` on a fresh {@link Problems} and throws if it found any; returns what `check`
 * returned. The shape every component's validation takes.
 */
export function validate<T>(component: string, check: (problems: Problems) => T): T {
    const problems = new Problems();
    const result = check(problems);
    problems.throwIfAny(component);
    return result;
}
