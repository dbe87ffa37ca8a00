/**
 * What a protected stack (prod) must protect, judged type by type by the spec, independently of
 * the program's own list (stacks/protection.ts): every resource type the prod plan holds is in
 * exactly one of the two lists below, so a new type cannot reach prod unjudged.
 */

/**
 * Stateful or expensive: Pulumi's `protect` on, and the cloud's deletion protection (the inputs
 * given) where the provider has one (checked in the installed .d.ts; the Terraform resource named).
 */
export const PROTECTED: Readonly<Record<string, { readonly cloud?: Readonly<Record<string, unknown>> }>> = {
    "alicloud:vpc/network:Network": {},
    "alicloud:vpc/switch:Switch": {},
    "alicloud:vpc/ipv6Gateway:Ipv6Gateway": {},
    "alicloud:cen/instance:Instance": {},
    "alicloud:cen/transitRouter:TransitRouter": {},
    "alicloud:cen/transitRouterVpcAttachment:TransitRouterVpcAttachment": {},
    "alicloud:cen/transitRouterPeerAttachment:TransitRouterPeerAttachment": {},
    "alicloud:cen/bandwidthPackage:BandwidthPackage": {},
    // resource_alicloud_alb_load_balancer.go `deletion_protection_enabled`
    "alicloud:alb/loadBalancer:LoadBalancer": { cloud: { deletionProtectionEnabled: true } },
    "alicloud:dns/alidnsRecord:AlidnsRecord": {},
    // resource_alicloud_eip_address.go `deletion_protection`
    "alicloud:ecs/eipAddress:EipAddress": { cloud: { deletionProtection: true } },
    // resource_alicloud_common_bandwidth_package.go `deletion_protection`
    "alicloud:vpc/commonBandwithPackage:CommonBandwithPackage": { cloud: { deletionProtection: true } },
    // resource_alicloud_instance.go `deletion_protection`
    "alicloud:ecs/instance:Instance": { cloud: { deletionProtection: true } },
    "alicloud:ecs/ecsNetworkInterface:EcsNetworkInterface": {},
    // resource_alicloud_cs_managed_kubernetes.go `deletion_protection`
    "alicloud:cs/managedKubernetes:ManagedKubernetes": { cloud: { deletionProtection: true } },
    "alicloud:cs/nodePool:NodePool": {},
    "alicloud:servicemesh/serviceMesh:ServiceMesh": {},
    "kubernetes:istio.alibabacloud.com/v1beta1:IstioGateway": {},
    "aws:ec2/vpc:Vpc": {},
    "aws:ec2/subnet:Subnet": {},
    "aws:ec2/natGateway:NatGateway": {},
    "aws:ec2/eip:Eip": {},
    // terraform-provider-aws internal/service/elbv2 load_balancer.go `enable_deletion_protection`
    "aws:lb/loadBalancer:LoadBalancer": { cloud: { enableDeletionProtection: true } },
    // Route 53 and S3 have no deletion protection of their own; the bucket keeps its logs through
    // destroy anyway while forceDestroy is off (S3 refuses to delete a bucket that is not empty).
    "aws:route53/record:Record": {},
    "aws:s3/bucket:Bucket": {},
    "aws:ecs/cluster:Cluster": {},
    // S3's access logs (accessLog.create): the logs, and the project's name, drawn once.
    "alicloud:log/project:Project": {},
    "alicloud:log/store:Store": {},
    "aws:ecs/service:Service": {},
    // terraform-provider-aws internal/service/logs group.go `deletion_protection_enabled`
    "aws:cloudwatch/logGroup:LogGroup": { cloud: { deletionProtectionEnabled: true } },
};

/**
 * Stateless, no protection needed, and none wanted: Pulumi's `protect` refuses a replacement as
 * well as a deletion, and these are replaced in the ordinary course (a listener's port, every
 * task definition revision) or rebuilt in seconds from the config.
 */
export const STATELESS: ReadonlySet<string> = new Set([
    // ACM re-issues a certificate for the same names against the same validation records (a new
    // certificate replaces one whose names change, create before delete); the bucket's settings
    // are rewritten as they were.
    "aws:acm/certificate:Certificate",
    "aws:acm/certificateValidation:CertificateValidation",
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    "aws:s3/bucketPolicy:BucketPolicy",
    // Scaling settings and the cluster's provider association: recreated as they were, nothing lost.
    "aws:appautoscaling/policy:Policy",
    "aws:appautoscaling/scheduledAction:ScheduledAction",
    "aws:appautoscaling/target:Target",
    "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders",
    "aws:lb/listenerRule:ListenerRule",
    "alicloud:alb/listener:Listener",
    "alicloud:alb/rule:Rule",
    "alicloud:alb/serverGroup:ServerGroup",
    "alicloud:cen/bandwidthPackageAttachment:BandwidthPackageAttachment",
    "alicloud:cen/transitRouterRouteEntry:TransitRouterRouteEntry",
    "alicloud:cen/transitRouterRouteTableAssociation:TransitRouterRouteTableAssociation",
    "alicloud:cen/transitRouterRouteTablePropagation:TransitRouterRouteTablePropagation",
    "alicloud:ecs/command:Command",
    "alicloud:ecs/ecsInvocation:EcsInvocation",
    "alicloud:ecs/ecsNetworkInterfaceAttachment:EcsNetworkInterfaceAttachment",
    "alicloud:ecs/eipAssociation:EipAssociation",
    "alicloud:ecs/securityGroup:SecurityGroup",
    "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    "alicloud:vpc/commonBandwithPackageAttachment:CommonBandwithPackageAttachment",
    "alicloud:vpc/routeEntry:RouteEntry",
    "aws:ec2/internetGateway:InternetGateway",
    "aws:ec2/route:Route",
    "aws:ec2/routeTable:RouteTable",
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws:ec2/securityGroup:SecurityGroup",
    "aws:ecs/taskDefinition:TaskDefinition",
    "aws:iam/role:Role",
    "aws:iam/rolePolicy:RolePolicy",
    "aws:lb/listener:Listener",
    "aws:lb/targetGroup:TargetGroup",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "kubernetes:apps/v1:Deployment",
    "kubernetes:core/v1:NamespacePatch",
    "kubernetes:core/v1:Service",
    "kubernetes:core/v1:ServiceAccount",
    "kubernetes:networking.istio.io/v1alpha3:DestinationRule",
    "kubernetes:networking.istio.io/v1alpha3:Gateway",
    "kubernetes:networking.istio.io/v1alpha3:VirtualService",
    // Configuration only: recreated as it was from the program.
    "kubernetes:security.istio.io/v1:PeerAuthentication",
    "pulumi:providers:alicloud",
    "pulumi:providers:aws",
    "pulumi:providers:kubernetes",
    // The log project's name suffix: redrawn it would rename the project, which its protect refuses.
    "random:index/randomString:RandomString",
]);

/**
 * Whether the SDK protects a registered resource: the value its constructor settled, its own
 * `protect` or its parent's (@pulumi/pulumi resource.js: `opts.protect = parent.__protect` for a
 * child that sets none), read from the live object, not recomputed.
 */
export function sdkProtects(resource: object | undefined): boolean {
    return (resource as { __protect?: boolean } | undefined)?.__protect === true;
}
