/**
 * S5's escape hatch: the main children as typed properties, and a Pulumi transform on the
 * component reaching every child (the README's "Customising the children").
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { AlbFargateService } from "../components/aws/albFargateService";
import { build, valueOf, world } from "./mocks";
import { offline } from "./support/transforms";
import { seed004Service } from "./support/tutorials";

const CERT = "arn:aws:acm:ap-northeast-1:123456789012:certificate/00000000-0000-0000-0000-000000000000";

/** The README's transform: inputs the args do not offer, by resource type. */
const customise: pulumi.ResourceTransform = ({ type, props, opts }) => {
    switch (type) {
        case "aws:lb/loadBalancer:LoadBalancer":
            return { props: { ...props, idleTimeout: 120 }, opts };
        case "aws:lb/targetGroup:TargetGroup":
            return { props: { ...props, slowStart: 30 }, opts };
        case "aws:ec2/vpc:Vpc":
            return { props: { ...props, tags: { ...props.tags, CostCenter: "web" } }, opts };
        default:
            return undefined;
    }
};

const nameOf = (resource: pulumi.Resource) => valueOf(resource.urn).then(urn => urn.split("::").pop());

describe("AlbFargateService: its children", () => {
    it("exposes the main children as typed properties", async () => {
        const s5 = await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    {
                        ...seed004Service(),
                        certificateArn: CERT,
                        services: { web: {}, api: { routing: { paths: ["/api/*"] } } },
                    },
                    opts,
                ),
        );
        assert.equal(await nameOf(s5.cluster!), "s5-cluster");
        assert.equal(await nameOf(s5.loadBalancer), "s5-alb");
        assert.equal(await nameOf(s5.listeners.http), "s5-http");
        assert.equal(await nameOf(s5.listeners.https!), "s5-https");
        assert.equal(await nameOf(s5.targetGroups.shared!), "s5-tg");
        assert.deepEqual(await Promise.all(Object.values(s5.targetGroups.byService).map(nameOf)), [
            "s5-tg",
            "s5-api-tg",
        ]);
        assert.deepEqual(Object.keys(s5.services), ["web", "api"]);
        assert.equal(await nameOf(s5.services.api), "s5-api");
        assert.equal(s5.taskDefinitions.web, s5.taskDefinitions.api, "every service runs the one task definition");
        assert.equal(await nameOf(s5.taskDefinitions.web), "s5-task");
        assert.deepEqual(Object.keys(s5.listenerRules), ["api"]);
        assert.deepEqual(await Promise.all(s5.listenerRules.api.map(nameOf)), ["s5-api-https-rule"]);
        assert.equal(await nameOf(s5.securityGroups.alb), "s5-alb-sg");
        assert.equal(await nameOf(s5.securityGroups.tasks), "s5-task-sg");
        assert.equal(await nameOf(s5.roles.execution), "s5-execution-role");
        assert.equal(await nameOf(s5.roles.task), "s5-task-role");
        assert.equal(await nameOf(s5.logGroup), "s5-logs");
        // The properties are the outputs' resources.
        assert.equal(await valueOf(s5.targetGroupArn), await valueOf(s5.targetGroups.shared!.arn));
        assert.equal(await valueOf(s5.targetGroupArns.api), world.named("s5-api-tg").id);
    });

    it("has no cluster of its own with clusterArn, and no shared target group when every service is routed", async () => {
        const s5 = await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    {
                        ...seed004Service(),
                        clusterArn: "arn:aws:ecs:ap-northeast-1:123456789012:cluster/shared",
                        services: { api: { routing: { paths: ["/api/*"] } } },
                    },
                    opts,
                ),
        );
        assert.equal(s5.cluster, undefined);
        assert.equal(s5.targetGroups.shared, undefined);
        assert.equal(s5.listeners.https, undefined);
        assert.equal(await valueOf(s5.targetGroupArn), world.named("s5-api-tg").id);
    });

    it("lets a transform on the component reach every child, the network's too", async () => {
        await build(
            opts =>
                new AlbFargateService(
                    "s5",
                    { ...seed004Service(), services: { web: {}, api: { routing: { paths: ["/api/*"] } } } },
                    { ...opts, transformations: [...(opts.transformations ?? []), offline(customise)] },
                ),
        );
        assert.equal(world.named("s5-alb").inputs.idleTimeout, 120);
        assert.deepEqual(
            world.ofType("aws:lb/targetGroup:TargetGroup").map(t => [t.name, t.inputs.slowStart]),
            [
                ["s5-tg", 30],
                ["s5-api-tg", 30],
            ],
        );
        // A child of the child `s5-network` (a TwoTierVpc).
        const vpc = world.ofType("aws:ec2/vpc:Vpc")[0];
        assert.equal(vpc.parent, "s5-network");
        assert.equal((vpc.inputs.tags as Record<string, string>).CostCenter, "web");
        // What the transform left alone is as the component made it.
        assert.equal(world.named("s5-http").inputs.port, 80);
    });
});
