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
        const lines = problems.map(p => `  - ${p.path}: ${p.message}${p.fix ? ` Fix: ${p.fix}` : ""}`);
        super(`${component}: ${count} in its arguments:\n${lines.join("\n")}`);
        this.name = "TopologyValidationError";
        this.component = component;
        this.problems = problems;
    }
}

/**
 * Collects the problems of one component call. Checks add to it and carry on, so that the
 * final error lists everything wrong at once; `throwIfAny` ends the validation phase.
 */
export class Problems {
    private readonly found: ValidationProblem[] = [];

    /** Records a problem with the input at `path`. */
    add(path: string, message: string, fix?: string): void {
        this.found.push({ path, message, fix });
    }

    /** True when no problem has been recorded yet. */
    get isEmpty(): boolean {
        return this.found.length === 0;
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
