import * as pulumi from "@pulumi/pulumi";
import { TwoTierVpc } from "../../../components/aws";
import { awsNetwork } from "./awsNetwork";
import { FuzzTarget } from "../runner";

export const twoTierVpc: FuzzTarget = {
    name: "TwoTierVpc",
    base: () => ({ region: "ap-northeast-1", ...awsNetwork(), tags: { env: "dev" } }),
    create: (args, opts: pulumi.ComponentResourceOptions) => new TwoTierVpc("fuzz", args as never, opts),
};
