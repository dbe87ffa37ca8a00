import { strict as assert } from "node:assert";
import { Problems, TopologyValidationError, joinPath, validate } from "../components/errors";
import { checkKnownName, closestSpelling } from "../components/checks";

describe("Problems scopes", () => {
    it("records a child's problems under the caller's prefix, in the one list, messages untouched", () => {
        const problems = new Problems();
        problems.add("name", "top");
        const child = problems.under("albVpc");
        child.add("vSwitches.vsw1.cidrBlock", "bad block", "fix it");
        child.add("[0]", "first");
        child.add("", "whole");
        child.under("backends").add("[2].ip", "nested");
        assert.deepEqual(problems.list, [
            { path: "name", message: "top", fix: undefined },
            { path: "albVpc.vSwitches.vsw1.cidrBlock", message: "bad block", fix: "fix it" },
            { path: "albVpc[0]", message: "first", fix: undefined },
            { path: "albVpc", message: "whole", fix: undefined },
            { path: "albVpc.backends[2].ip", message: "nested", fix: undefined },
        ]);
        assert.equal(child.count, 5);
    });

    it("records the same problem at the same path once, whichever scope reports it", () => {
        const problems = new Problems();
        problems.add("albVpc.cidrBlock", "not a block", "write 10.0.0.0/16");
        problems.under("albVpc").add("cidrBlock", "not a block", "write 10.0.0.0/16");
        problems.add("albVpc.cidrBlock", "overlaps appVpc");
        problems.add("appVpc.cidrBlock", "not a block");
        assert.deepEqual(
            problems.list.map(p => `${p.path}: ${p.message}`),
            ["albVpc.cidrBlock: not a block", "albVpc.cidrBlock: overlaps appVpc", "appVpc.cidrBlock: not a block"],
        );
    });

    it("routes a derived child's paths back to the caller's inputs, inside an outer scope", () => {
        const problems = new Problems();
        const routed = problems
            .under("topologies:s1")
            .routed(path =>
                path.startsWith("members.alb.vpc")
                    ? `albVpc${path.slice("members.alb.vpc".length)}`
                    : joinPath("cenOptions", path),
            );
        routed.add("members.alb.vpc.cidrBlock", "overlap");
        routed.add("peerBandwidthMbps", "too much");
        assert.deepEqual(
            problems.list.map(p => p.path),
            ["topologies:s1.albVpc.cidrBlock", "topologies:s1.cenOptions.peerBandwidthMbps"],
        );
    });

    it("tells where a scope puts a path, for a check that records later in a fresh collection", () => {
        const scope = new Problems().under("taskEgress").routed(path => joinPath("db", path));
        assert.equal(scope.placed("securityGroupId"), "taskEgress.db.securityGroupId");
        assert.equal(scope.placed(""), "taskEgress.db");
    });

    it("throws every problem of a scoped check at once, naming the component", () => {
        assert.throws(
            () =>
                validate("topologies:x:Y 'a'", problems => {
                    problems.under("a").add("b", "one");
                    problems.add("c", "two");
                }),
            (e: unknown) =>
                e instanceof TopologyValidationError && e.problems.length === 2 && e.message.includes("a.b: one"),
        );
    });

    it("names a problem with the args as a whole in the message, its path left empty", () => {
        const error = new TopologyValidationError("topologies:x:Y 'a'", [
            { path: "", message: "expected object, got null." },
        ]);
        assert.equal(
            error.message,
            "topologies:x:Y 'a': 1 problem in its arguments:\n  - (the args): expected object, got null.",
        );
        assert.equal(error.problems[0].path, "");
    });
});

describe("checkKnownName", () => {
    it("suggests the closest spelling and lists the names to use", () => {
        const problems = new Problems();
        assert.equal(
            checkKnownName(
                problems,
                "vSwitch",
                "vsw3",
                ["vsw1", "vsw2", "backend"],
                "vSwitch",
                "a vSwitch of VPC 'vpc1'",
            ),
            false,
        );
        assert.deepEqual(problems.list[0], {
            path: "vSwitch",
            message: "vSwitch 'vsw3' is not a vSwitch of VPC 'vpc1'.",
            fix: "Did you mean 'vsw1'? Use one of: vsw1, vsw2, backend.",
        });
    });

    it("never finds a prototype name, and says when nothing is declared", () => {
        const problems = new Problems();
        assert.equal(
            checkKnownName(problems, "p", "constructor", [], "security group", "declared in securityGroups"),
            false,
        );
        assert.match(problems.list[0].fix!, /There is none yet/);
        assert.equal(checkKnownName(problems, "p", "a", ["a"], "x", "y"), true);
        assert.equal(closestSpelling("cn-hangzou", ["cn-hangzhou", "cn-beijing"]), "cn-hangzhou");
        assert.equal(closestSpelling("zzzzzzzz", ["cn-hangzhou"]), undefined);
    });
});
