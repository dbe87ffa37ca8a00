import * as pulumi from "@pulumi/pulumi";
import { AlbFargateService, TwoTierVpc } from "../../../components/aws";
import { awsNetwork } from "./awsNetwork";
import { FuzzTarget } from "../runner";

/**
 * The README's second S5 example: a service on a TwoTierVpc it is given (made in `base`, so it is
 * not the service's), with an HTTPS listener, so its certificate and TLS policy are fuzzed too.
 */
export const albFargateServiceOnVpc: FuzzTarget = {
    name: "AlbFargateServiceOnVpc",
    base: (opts: pulumi.ComponentResourceOptions) => ({
        network: new TwoTierVpc("fuzz-network", { region: "ap-northeast-1", ...awsNetwork() } as never, opts),
        container: { image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/shop-api:latest", port: 8080 },
        certificateArn: "arn:aws:acm:ap-northeast-1:123456789012:certificate/0f0e0d0c-0b0a-0908-0706-050403020100",
        sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    }),
    create: (args, opts: pulumi.ComponentResourceOptions) => new AlbFargateService("fuzz", args as never, opts),
};
