// README example. Users import "pulumi-topologies"; this copy imports the source so `npm run typecheck` checks it.
import { aws } from "../../components";

// S5 in its common production shape: HTTPS on a name of your Route 53 zone (an ACM certificate
// made and validated by DNS there), access logs kept 90 days, a collector sidecar, a secret, the
// web service scaling on CPU over on-demand and Spot capacity, and an API service on /api/*.
const shop = new aws.AlbFargateService("shop", {
    region: "ap-northeast-1",
    network: {
        cidrBlock: "10.3.0.0/16",
        publicSubnets: {
            "public-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.3.0.0/24" },
            "public-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.3.1.0/24" },
        },
        privateSubnets: {
            "private-1a": { availabilityZone: "ap-northeast-1a", cidrBlock: "10.3.10.0/24" },
            "private-1c": { availabilityZone: "ap-northeast-1c", cidrBlock: "10.3.11.0/24" },
        },
        egress: "natGatewayPerAz",
    },
    container: {
        name: "web",
        image: "123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/shop:1.4.2",
        secrets: {
            DB_PASSWORD: { secretArn: "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:shop/db-AbCdEf" },
        },
        dependsOn: [{ containerName: "otel", condition: "START" }],
    },
    sidecars: [
        {
            name: "otel",
            image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3",
            command: ["--config=/etc/ecs/ecs-default-config.yaml"],
            cpu: 256,
            memoryReservation: 512,
        },
    ],
    // What the collector sends with: X-Ray's actions take no resource ("*").
    taskRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Action: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
                Resource: "*",
            },
        ],
    }),
    cpu: 1024,
    memory: 2048,
    services: {
        web: {
            autoscaling: { minCapacity: 2, maxCapacity: 6, cpuUtilization: { target: 60 } },
            capacityProviders: [
                { capacityProvider: "FARGATE", weight: 1, base: 2 },
                { capacityProvider: "FARGATE_SPOT", weight: 3 },
            ],
        },
        api: { desiredCount: 2, routing: { paths: ["/api/*"], healthCheck: { path: "/api/health" } } },
    },
    dns: { hostedZoneId: "Z0123456789ABCDEFGHIJ", zoneName: "example.com", recordName: "shop.example.com" },
    certificate: {},
    accessLogs: { prefix: "alb/shop", expireAfterDays: 90 },
    deletionProtection: true,
});

export const url = shop.url; // https://shop.example.com/
