// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { aws } from "../../components";

// S5 on a VPC of your own: two services share one TwoTierVpc. Each runs in the VPC's region with
// the VPC's provider and creates no network of its own.
const network = new aws.TwoTierVpc("shop-network", {
    region: "ap-northeast-1",
    cidrBlock: "10.2.0.0/16",
    publicSubnets: {
        "public-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.2.0.0/24" },
        "public-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.2.2.0/24" },
    },
    privateSubnets: {
        "private-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.2.1.0/24" },
        "private-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.2.3.0/24" },
    },
    egress: "vpcEndpoints",
});

const image = (repository: string) => `123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/${repository}:latest`;
const shop = new aws.AlbFargateService("shop", { network, container: { image: image("shop") } });
const api = new aws.AlbFargateService("shop-api", { network, container: { image: image("shop-api"), port: 8080 } });

export const shopUrl = shop.dnsName;
export const apiUrl = api.dnsName;
