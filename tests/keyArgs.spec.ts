import { strict as assert } from "node:assert";
import { keyArgs } from "../cli/keyArgs";

describe("key arguments in the plan", () => {
    it("shows how an ECS service runs: its capacity-provider strategy entry by entry, or its launch type", () => {
        assert.deepEqual(
            keyArgs("aws:ecs/service:Service", {
                capacityProviderStrategies: [
                    { capacityProvider: "FARGATE", weight: 1, base: 1 },
                    { capacityProvider: "FARGATE_SPOT", weight: 3 },
                ],
                platformVersion: "1.4.0",
                desiredCount: 2,
                cluster: "arn:aws:ecs:ap-northeast-1:123456789012:cluster/s5",
            }),
            {
                "capacityProviderStrategies.capacityProvider": "FARGATE,FARGATE_SPOT",
                "capacityProviderStrategies.weight": "1,3",
                "capacityProviderStrategies.base": "1",
                platformVersion: "1.4.0",
                desiredCount: "2",
            },
        );
        assert.deepEqual(keyArgs("aws:ecs/service:Service", { launchType: "FARGATE", desiredCount: 2 }), {
            launchType: "FARGATE",
            desiredCount: "2",
        });
    });
});
