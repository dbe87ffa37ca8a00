/** The problems an `AlbFargateService` call is refused with, for the S5 specs. */
import * as assert from "node:assert/strict";
import { AlbFargateService, AlbFargateServiceArgs } from "../../components/aws/albFargateService";
import { expectRejection } from "../mocks/rejection";

/** The problems of `new AlbFargateService("bad", args)`, which must be refused before registration. */
export async function problemsOf(args: unknown) {
    const error = await expectRejection(
        "topologies:aws:AlbFargateService 'bad'",
        opts => new AlbFargateService("bad", args as AlbFargateServiceArgs, opts),
    );
    return error.problems;
}

/** Asserts a problem at `path` whose message matches `message`, with a fix. */
export async function assertProblem(args: unknown, path: string, message: RegExp) {
    const problems = await problemsOf(args);
    assert.ok(
        problems.some(p => p.path === path && message.test(p.message) && p.fix),
        `expected a problem at ${path} matching ${message}; got ${JSON.stringify(problems, null, 1)}`,
    );
}
