import * as pulumi from "@pulumi/pulumi";
import { AlbFargateService } from "../../../components/aws";
import { awsNetwork } from "./awsNetwork";
import { FuzzTarget } from "../runner";

export const albFargateService: FuzzTarget = {
    name: "AlbFargateService",
    base: () => ({
        region: "ap-northeast-1",
        network: awsNetwork(),
        container: {
            name: "hello-nginx",
            image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx:latest",
            port: 80,
            secrets: {
                DB_PASSWORD: {
                    secretArn: "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:db-AbCdEf",
                    jsonKey: "password",
                },
                DB_HOST: { ssmParameterArn: "arn:aws:ssm:ap-northeast-1:123456789012:parameter/db/host" },
            },
            secretsKmsKeyArn: "arn:aws:kms:ap-northeast-1:123456789012:key/0f0e0d0c-0b0a-0908-0706-050403020100",
        },
        cpu: 256,
        memory: 512,
        services: { "service-1": { desiredCount: 1 }, "service-2": { desiredCount: 1 } },
        allowedCidrs: ["203.0.113.0/24"],
        tags: { env: "dev" },
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => new AlbFargateService("fuzz", args as never, opts),
};
