/** The README example's AWS network (S5), for the targets that take one. */
export const awsNetwork = () => ({
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
});
