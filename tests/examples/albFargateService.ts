// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { aws } from "../../components";

// S5: an ALB in public subnets of ap-northeast-1a/1c in front of two Fargate services in
// private subnets, targets registered by IP, images pulled through VPC endpoints (no public IPs).
const web = new aws.AlbFargateService("klein", {
    region: "ap-northeast-1",
    network: {
        cidrBlock: "10.1.0.0/16",
        publicSubnets: {
            "public-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.0.0/24" },
            "public-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.2.0/24" },
        },
        privateSubnets: {
            "private-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.1.1.0/24" },
            "private-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.1.3.0/24" },
        },
        egress: "vpcEndpoints",
    },
    container: {
        name: "hello-nginx",
        image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/hello-nginx:latest",
        port: 80,
    },
    cpu: 256,
    memory: 512,
    services: { "service-1": { desiredCount: 1 }, "service-2": { desiredCount: 1 } },
});

export const url = web.dnsName;
